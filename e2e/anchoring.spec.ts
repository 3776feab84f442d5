// Anchoring the audit chain outside the server (README: Security; ARCHITECTURE.md: audit trail,
// anchoring): producers and auditors send a signed head receipt from the audit screen, it is listed
// and emailed (outbox rows) to every producer and auditor, and the screen checks a pasted or uploaded
// receipt — a tampered one is refused. Crew may not send one: the server refuses the action itself.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { USERS } from './helpers';
import { one, withDb } from './db';

type Captured = { url: string; id: string; body: string };
let sendAction: Captured | null = null;

const receiptCount = (pid: string) => {
  return one<{ n: number }>('select count(*) n from head_receipts where production_id = ?', pid).n;
};

/** The newest receipt email to `email` about this production, as its text. */
function receiptMail(pid: string, email: string): string {
  return one<{ text: string }>("select text from deliveries where kind = 'head_receipt' and production_id = ? and to_address = ? order by created_at desc limit 1", pid, email).text;
}

async function sendReceipt(page: Page, pid: string) {
  await page.goto(`/productions/${pid}/audit`);
  const card = page.getByRole('region', { name: 'Signed receipts' });
  const before = receiptCount(pid);
  const sent = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
  await card.getByRole('button', { name: 'Send a receipt now' }).click();
  const req = await sent;
  sendAction ??= { url: req.url(), id: req.headers()['next-action'], body: req.postData() ?? '' };
  await expect(card.getByRole('status').filter({ hasText: /^✓?\s*Receipt sent to \d+ people: entry #\d+/ })).toBeVisible();
  expect(receiptCount(pid)).toBe(before + 1);
  return card;
}

async function replay(request: APIRequestContext, a: Captured) {
  const res = await request.post(a.url, {
    headers: { 'Next-Action': a.id, 'Content-Type': a.body.startsWith('-') ? 'multipart/form-data; boundary=' + a.body.split('\r\n')[0].slice(2) : 'text/plain;charset=UTF-8', Accept: 'text/x-component', Origin: new URL(a.url).origin },
    data: a.body,
  });
  return { status: res.status(), text: await res.text() };
}

test.describe('auditor', () => {
  test('sends a receipt: listed, emailed to producers and auditors, and a pasted copy is confirmed', async ({ auditor, prod }, info) => {
    const card = await sendReceipt(auditor, prod.demo);
    const list = card.getByTestId('receipts-sent');
    await expect(list.getByRole('listitem').first()).toContainText('asked for by');
    const { row, to, producersAndAuditors, audit } = withDb((db) => {
      const row = db.prepare('select * from head_receipts where production_id = ? order by signed_at desc limit 1').get(prod.demo) as { id: string; seq: number; hash: string; recipients: number };
      return {
        row,
        to: (db.prepare("select to_address a from deliveries where kind = 'head_receipt' and text like ? order by a").all(`%${row.hash}%`) as { a: string }[]).map((r) => r.a),
        producersAndAuditors: (
          db.prepare("select u.email e from memberships m join users u on u.id = m.user_id where m.production_id = ? and m.role in ('producer', 'auditor') order by e").all(prod.demo) as { e: string }[]
        ).map((r) => r.e),
        audit: db.prepare('select action, actor_id from audit_log where chain = ? and entity_id = ?').get(prod.demo, row.id) as { action: string; actor_id: string },
      };
    });
    expect(to).toEqual(producersAndAuditors);
    expect(to).toContain(USERS.auditor);
    expect(row.recipients).toBe(producersAndAuditors.length);
    expect(audit.action).toBe('receipt.send');
    await expect(list.getByRole('listitem').first()).toContainText(`Entry #${row.seq}`);

    // Paste the email as it arrived: confirmed, with the entries added since (at least its own audit entry).
    await card.getByLabel('Receipt', { exact: true }).fill(receiptMail(prod.demo, USERS.auditor));
    await card.getByRole('button', { name: 'Check receipt' }).click();
    const result = card.getByTestId('receipt-check');
    await expect(result).toContainText('Receipt confirmed');
    await expect(result).toContainText(`The chain still holds this head: entry #${row.seq} has the receipt's hash`);
    await expect(result).toContainText('Signature: valid');
    await auditor.setViewportSize({ width: 375, height: 800 });
    await card.getByText('Public key for checking receipts').click();
    await expect(card.getByTestId('receipt-public-key')).toContainText('BEGIN PUBLIC KEY');
    // No sideways scroll on a phone, the public key open included.
    await expect.poll(() => auditor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await card.screenshot({ path: info.outputPath('receipts-375.png') });
    await auditor.setViewportSize({ width: 1280, height: 900 });
    await card.screenshot({ path: info.outputPath('receipts-1280.png') });
  });

  test('a tampered receipt is refused; an uploaded file is checked the same way', async ({ auditor, prod }) => {
    const text = receiptMail(prod.demo, USERS.auditor);
    const json = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as { seq: number; hash: string };
    await auditor.goto(`/productions/${prod.demo}/audit`);
    const card = auditor.getByRole('region', { name: 'Signed receipts' });
    const result = card.getByTestId('receipt-check');

    // Someone "improves" the receipt to match a shorter chain: the signature no longer holds.
    await card.getByLabel('Receipt', { exact: true }).fill(JSON.stringify({ ...json, seq: json.seq - 1 }));
    await card.getByRole('button', { name: 'Check receipt' }).click();
    await expect(result).toContainText('Not a valid receipt');
    await expect(result).toContainText('The signature is not valid');

    await card.getByLabel('Receipt', { exact: true }).fill('');
    await card.getByLabel('Or choose a receipt file').setInputFiles({ name: 'receipt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json, null, 2)) });
    await expect(card.getByLabel('Receipt', { exact: true })).toHaveValue(/"type": "setsafe.head-receipt"/);
    await card.getByRole('button', { name: 'Check receipt' }).click();
    await expect(result).toContainText('Receipt confirmed');

    await card.getByLabel('Receipt', { exact: true }).fill('hello');
    await card.getByRole('button', { name: 'Check receipt' }).click();
    await expect(result).toContainText('Not a receipt');
  });
});

test.describe('producer', () => {
  test('sends a receipt too, and sees the public key in settings', async ({ producer, prod }) => {
    const card = await sendReceipt(producer, prod.demo);
    await expect(card.getByTestId('receipts-sent').getByRole('listitem').first()).toContainText('asked for by');
    await producer.goto(`/productions/${prod.demo}/settings`);
    const key = producer.getByTestId('settings-receipt-key');
    await expect(key).toContainText('BEGIN PUBLIC KEY');
    await expect(producer.getByRole('region', { name: 'Audit receipt key' })).toContainText('ed25519:');
  });
});

test.describe('crew', () => {
  test('has no audit screen, and the server refuses the send action itself; nothing is written', async ({ crew, auditor, prod }) => {
    if (!sendAction) await sendReceipt(auditor, prod.demo);
    const before = receiptCount(prod.demo);
    const res = await replay(crew.request, sendAction!);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Your role on this production does not allow that.');
    expect(receiptCount(prod.demo)).toBe(before);
    const page = await crew.goto(`/productions/${prod.demo}/audit`);
    expect(page?.status()).toBe(403);
  });
});
