// Rule 7: acknowledgement and escalation, in a real browser, with the clock injected through
// POST /api/test/clock (the server runs no timer under SETSAFE_TEST_CLOCK=1): no sleeps.
// Custody breaches are the signal here: critical, but they put no hold on the shared demo set.
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { one, query, testDb } from './db';

type SignalRow = { id: string; raised_at: number; acknowledged_at: number | null; acknowledged_by_id: string | null; resent_at: number | null; contacts_at: number | null };

function signalOf(incidentId: string): SignalRow {
  const row = one<SignalRow>('select id, raised_at, acknowledged_at, acknowledged_by_id, resent_at, contacts_at from signals where incident_id = ?', incidentId);
  return row;
}
function stepsOf(signalId: string): string[] {
  const rows = query<{ action: string }>("select action from audit_log where entity = 'signal' and entity_id = ? order by id", signalId);
  return rows.map((r) => r.action);
}
function notesOf(signalId: string, kind: string): number {
  const r = one<{ n: number }>('select count(*) n from notifications where signal_id = ? and kind = ?', signalId, kind);
  return r.n;
}
function producersAndArmorer(productionId: string): number {
  const r = one<{ n: number }>("select count(*) n from memberships where production_id = ? and role in ('producer', 'armorer')", productionId);
  return r.n;
}
function userId(email: string): string {
  const r = one<{ id: string }>('select id from users where email = ?', email);
  return r.id;
}

/** Crew files a custody breach through the JSON route; returns its id, number and signal. */
async function fileBreach(crew: Page, demo: string, what: string) {
  const id = randomUUID();
  const res = await crew.request.post(`/api/productions/${demo}/incidents`, {
    data: { id, type: 'custody_breach', description: `${what}: the revolver went from props to the actor`, location: 'Stage 2' },
  });
  expect(res.status()).toBe(201);
  const { number } = (await res.json()) as { number: number };
  return { id, number, signal: signalOf(id) };
}

/** The injected clock: the server runs its escalations and reminders as if it were `at`. */
async function runClockAt(request: APIRequestContext, at: number) {
  const res = await request.post('/api/test/clock', { data: { at: new Date(at).toISOString() } });
  expect(res.status()).toBe(200);
  return (await res.json()) as { resent: number; contacts: number; reminders: number };
}
const MIN = 60_000;

for (const role of ['crew', 'armorer', 'auditor'] as const) {
  test.describe(role, () => {
    test(`${role} sees the signal wait for a producer but is refused acknowledging it on the server`, async ({ crew, armorer, auditor, prod }) => {
      const page = { crew, armorer, auditor }[role];
      const b = await fileBreach(crew, prod.demo, `Refusal (${role})`);
      expect(b.signal.acknowledged_at).toBeNull();

      await page.goto(`/productions/${prod.demo}/incidents/${b.id}`);
      const panel = page.getByTestId('signal-panel');
      await expect(panel).toContainText('Waiting for a producer');
      await expect(panel.getByRole('button', { name: /Acknowledge/ })).toHaveCount(0);

      const steps = stepsOf(b.signal.id);
      const res = await page.request.post(`/api/productions/${prod.demo}/signals/${b.signal.id}/acknowledge`);
      expect(res.status()).toBe(403);
      expect(((await res.json()) as { error: string }).error).toMatch(/role/);
      expect(signalOf(b.id)).toEqual(b.signal);
      expect(stepsOf(b.signal.id)).toEqual(steps);
    });
  });
}

test.describe('producer', () => {
  test('acknowledges in one tap from the notification; the record says who and when', async ({ crew, producer, prod }) => {
    const b = await fileBreach(crew, prod.demo, 'One tap');
    await producer.goto('/notifications');
    const note = producer.getByTestId('notification').filter({ hasText: `report #${b.number}` }).first();
    await expect(note).toHaveAttribute('data-critical', 'true');
    await expect(note).toContainText('Critical · not yet acknowledged');
    // Unacknowledged critical first: nothing that is not critical sits above it.
    const flags = await producer.getByTestId('notification').evaluateAll((els) => els.map((e) => e.getAttribute('data-critical')));
    expect(flags.indexOf('false') === -1 || flags.indexOf('false') > flags.lastIndexOf('true')).toBe(true);

    await note.getByRole('link').first().click();
    await expect(producer).toHaveURL(new RegExp(`/incidents/${b.id}`));
    await producer.getByTestId('signal-panel').getByRole('button', { name: /Acknowledge/ }).click();
    await expect(producer.getByTestId('signal-panel')).toContainText('Acknowledged by');
    await expect(producer.getByTestId('signal')).toHaveAttribute('data-state', 'acknowledged');
    await expect(producer.getByTestId('signal-panel').getByRole('button', { name: /Acknowledge/ })).toHaveCount(0);
    await expect(producer.getByTestId('timeline')).toContainText('Critical signal acknowledged by');

    const after = signalOf(b.id);
    expect(after.acknowledged_by_id).toBe(userId('producer@setsafe.test'));
    expect(stepsOf(b.signal.id)).toEqual(['signal.raise', 'signal.acknowledge']);
    // Its notification falls back into time order.
    await producer.goto('/notifications');
    await expect(producer.getByTestId('notification').filter({ hasText: `report #${b.number}` }).first()).toHaveAttribute('data-critical', 'false');
  });

  test('escalation steps come at the right times, each once; then everyone sees the hotline', async ({ crew, producer, prod }) => {
    // A safety contact to escalate to, set by a producer on the settings page.
    const contact = `Dana ${randomUUID().slice(0, 4)}`;
    await producer.goto(`/productions/${prod.demo}/settings`);
    await expect(producer.getByLabel('First window (minutes)')).toHaveValue('15');
    await producer.getByLabel('Kind of contact').selectOption('studio_safety_rep');
    await producer.getByLabel(/^Name/).fill(contact);
    await producer.getByLabel(/^Email/).fill('dana@studio.test');
    await producer.getByRole('button', { name: 'Add contact' }).click();
    await expect(producer.getByRole('list', { name: 'Safety contacts' })).toContainText(contact);

    const b = await fileBreach(crew, prod.demo, 'Escalation');
    const t = b.signal.raised_at;
    await runClockAt(producer.request, t + 14 * MIN);
    expect(signalOf(b.id)).toMatchObject({ resent_at: null, contacts_at: null });

    await runClockAt(producer.request, t + 15 * MIN);
    expect(signalOf(b.id)).toMatchObject({ resent_at: t + 15 * MIN, contacts_at: null });
    await runClockAt(producer.request, t + 16 * MIN); // again: nothing twice
    expect(stepsOf(b.signal.id)).toEqual(['signal.raise', 'signal.resend']);
    expect(notesOf(b.signal.id, 'escalation')).toBe(producersAndArmorer(prod.demo)); // every producer and the armorer

    await producer.goto(`/productions/${prod.demo}/incidents/${b.id}`);
    await expect(producer.getByTestId('signal')).toHaveAttribute('data-state', 'resent');
    await expect(producer.getByTestId('timeline')).toContainText('re-sent to every producer and the armorer');

    await runClockAt(producer.request, t + 29 * MIN);
    expect(signalOf(b.id).contacts_at).toBeNull();
    await runClockAt(producer.request, t + 30 * MIN);
    await runClockAt(producer.request, t + 45 * MIN);
    expect(signalOf(b.id)).toMatchObject({ resent_at: t + 15 * MIN, contacts_at: t + 30 * MIN, acknowledged_at: null });
    expect(stepsOf(b.signal.id)).toEqual(['signal.raise', 'signal.resend', 'signal.contacts']);
    const db = testDb();
    expect(db.prepare("select count(*) n from deliveries where to_address = 'dana@studio.test' and channel = 'email' and critical = 1 and link = ?").get(`/productions/${prod.demo}/incidents/${b.id}`)).toEqual({ n: 1 });
    db.close();

    // Everyone on the show now sees the hotline: crew on the overview and on their own report.
    await crew.goto(`/productions/${prod.demo}`);
    await expect(crew.getByTestId('hotline')).toContainText('844-IA-AWARE');
    await crew.goto(`/productions/${prod.demo}/incidents/${b.id}`);
    await expect(crew.getByTestId('signal')).toHaveAttribute('data-state', 'escalated');
    await expect(crew.getByTestId('hotline')).toBeVisible();
    await expect(crew.getByTestId('timeline')).toContainText(`${contact} (Studio safety representative), emailed`);

    // A producer acknowledges from the overview; nothing more happens however late the clock runs.
    await producer.goto(`/productions/${prod.demo}`);
    await producer.getByTestId('waiting-signal').filter({ hasText: `report #${b.number}` }).getByRole('button', { name: /Acknowledge/ }).click();
    await expect(producer.getByTestId('waiting-signal').filter({ hasText: `report #${b.number}` })).toHaveCount(0);
    await runClockAt(producer.request, t + 600 * MIN);
    expect(stepsOf(b.signal.id)).toEqual(['signal.raise', 'signal.resend', 'signal.contacts', 'signal.acknowledge']);

    await producer.goto(`/productions/${prod.demo}/settings`);
    await producer.getByRole('button', { name: `Remove ${contact}` }).click();
    await expect(producer.getByRole('button', { name: `Remove ${contact}` })).toHaveCount(0);
  });

  test('sets the windows; a bad value is explained and changes nothing', async ({ producer, prod }) => {
    await producer.goto(`/productions/${prod.demo}/settings`);
    await producer.getByLabel('First window (minutes)').fill('0');
    await producer.getByRole('button', { name: 'Save windows' }).click();
    await expect(producer.getByText('at least 1 minute')).toBeVisible();
    const db = testDb();
    expect(db.prepare('select count(*) n from escalation_settings where production_id = ?').get(prod.demo)).toEqual({ n: 0 });
    db.close();
    await producer.getByLabel('First window (minutes)').fill('15');
    await producer.getByLabel('Second window (minutes)').fill('20');
    await producer.getByRole('button', { name: 'Save windows' }).click();
    await expect(producer.getByText('Saved. New windows apply')).toBeVisible();
    const db2 = testDb();
    expect(db2.prepare('select resend_after_minutes r, contacts_after_minutes c from escalation_settings where production_id = ?').get(prod.demo)).toEqual({ r: 15, c: 20 });
    db2.close();
    // back to the defaults for the rest of the run
    await producer.getByLabel('Second window (minutes)').fill('15');
    await producer.getByRole('button', { name: 'Save windows' }).click();
    await expect(producer.getByText('Saved. New windows apply')).toBeVisible();
  });
});
