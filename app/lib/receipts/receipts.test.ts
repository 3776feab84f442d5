// Signed head receipts (ARCHITECTURE.md: audit trail, anchoring): signing and its tamper cases, the
// send core (who gets it, audited, in one transaction, refused for roles without it), the daily job
// on the worker's clock (once per production per local day) and the audit screen's receipt check.
import '../testing/temp-db';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, write } from '@/db/client';
import { auditLog, deliveries, headReceipts, notificationPreferences, productions } from '@/db/schema';
import { databasePath, receiptKeyPath } from '@/db/paths';
import { checkReceipt, listReceipts } from '@/db/queries/receipts';
import { appendAudit } from '../audit';
import { actorOf, join, makeProduction, makeUser } from '../testing/world';
import { getReceiptKey } from './keys';
import { parseReceipt, receiptText, signatureValid, signReceipt } from './sign';
import { receiptJob, sendDailyReceipts, sendHeadReceipt } from './core';
import { addPeriodicJob, runWorkerTick } from '../delivery/worker';

const keys = generateKeyPairSync('ed25519');
const base = () =>
  signReceipt({ production: { id: 'p-1', title: 'Dry Creek' }, chain: 'p-1', seq: 41, hash: 'ab'.repeat(32), signedAt: '2026-12-01T10:00:00.000Z' }, keys.privateKey);

describe('signing and checking a receipt', () => {
  it('a receipt verifies with the public key and reads back from the email text around it', () => {
    const r = base();
    expect(r).toMatchObject({ type: 'setsafe.head-receipt', version: 1, chain: 'p-1', seq: 41 });
    expect(r.keyId).toMatch(/^ed25519:[0-9a-f]{16}$/);
    expect(signatureValid(r, keys.publicKey)).toBe(true);
    const pem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const back = parseReceipt(`Keep this email.\n\n${receiptText(r)}\n-- \nSetSafe`);
    expect(back).toEqual({ ok: true, receipt: r });
    expect(signatureValid(r, pem)).toBe(true);
  });

  it.each([
    ['an earlier position', { seq: 40 }],
    ['another hash', { hash: 'cd'.repeat(32) }],
    ['another chain', { chain: 'p-2' }],
    ['another production', { production: { id: 'p-2', title: 'Dry Creek' } }],
    ['another title', { production: { id: 'p-1', title: 'Wet Creek' } }],
    ['another time', { signedAt: '2026-12-02T10:00:00.000Z' }],
    ['another key id', { keyId: 'ed25519:0000000000000000' }],
  ])('changing %s breaks the signature', (_name, change) => {
    expect(signatureValid({ ...base(), ...change }, keys.publicKey)).toBe(false);
  });

  it('a flipped signature byte, a signature by another key, and garbage are all refused', () => {
    const r = base();
    const sig = Buffer.from(r.signature, 'base64');
    sig[5] ^= 1;
    expect(signatureValid({ ...r, signature: sig.toString('base64') }, keys.publicKey)).toBe(false);
    const other = generateKeyPairSync('ed25519');
    expect(signatureValid(r, other.publicKey)).toBe(false);
    expect(signatureValid({ ...r, signature: 'AAAA' }, keys.publicKey)).toBe(false);
    expect(parseReceipt('hello')).toMatchObject({ ok: false, message: expect.stringContaining('No receipt found') });
    expect(parseReceipt('{"type": }')).toMatchObject({ ok: false, message: expect.stringContaining('does not parse') });
    expect(parseReceipt(JSON.stringify({ ...r, seq: 'x' }))).toMatchObject({ ok: false, message: expect.stringContaining('seq') });
    expect(parseReceipt(JSON.stringify({ ...r, type: 'something.else' }))).toMatchObject({ ok: false });
  });
});

describe('sending receipts', () => {
  let show = '';
  let wrapped = '';
  let producer = '';
  let auditor = '';
  let crew = '';
  let armorer = '';
  beforeAll(async () => {
    show = makeProduction('Receipt Show').id;
    wrapped = makeProduction('Wrapped Show', 'wrapped').id;
    producer = (await makeUser('prod@receipt.test', 'Pat Producer')).id;
    auditor = (await makeUser('aud@receipt.test', 'Ada Auditor')).id;
    crew = (await makeUser('crew@receipt.test', 'Cy Crew')).id;
    armorer = (await makeUser('arm@receipt.test', 'Ari Armorer')).id;
    join(show, producer, 'producer');
    join(show, auditor, 'auditor');
    join(show, crew, 'crew');
    join(show, armorer, 'armorer');
    join(wrapped, producer, 'producer');
    join(wrapped, auditor, 'auditor');
  });

  const headOf = (chain: string) =>
    getDb().select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).where(eq(auditLog.chain, chain)).all().sort((a, b) => b.seq - a.seq)[0];

  it('the key is created once in the data folder, private to the server', () => {
    const k = getReceiptKey();
    expect(fs.existsSync(receiptKeyPath())).toBe(true);
    expect(fs.statSync(receiptKeyPath()).mode & 0o077).toBe(0);
    expect(fs.readFileSync(receiptKeyPath(), 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect(getReceiptKey().keyId).toBe(k.keyId);
    expect(k.publicKeyPem).toContain('BEGIN PUBLIC KEY');
  });

  it('an auditor sends one: signed head, a row, an email to each producer and auditor, and an audit entry, together', () => {
    const before = headOf(show);
    const res = sendHeadReceipt(actorOf(auditor, show), {}, new Date('2026-12-01T18:00:00Z'));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data).toMatchObject({ seq: before.seq, hash: before.hash, recipients: 2 });
    const row = getDb().select().from(headReceipts).where(eq(headReceipts.id, res.data.id)).get()!;
    expect(row).toMatchObject({ productionId: show, chain: show, seq: before.seq, hash: before.hash, trigger: 'on_demand', sentById: auditor, recipients: 2 });
    const mails = getDb().select().from(deliveries).where(and(eq(deliveries.kind, 'head_receipt'), eq(deliveries.productionId, show))).all();
    expect(mails.map((m) => m.toAddress).sort()).toEqual(['aud@receipt.test', 'prod@receipt.test']);
    const inMail = parseReceipt(mails[0].text);
    expect(inMail.ok && signatureValid(inMail.receipt, getReceiptKey().publicKeyPem)).toBe(true);
    expect(inMail.ok && inMail.receipt.signature).toBe(row.signature);
    const entry = headOf(show);
    expect(entry.seq).toBe(before.seq + 1);
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.chain, show), eq(auditLog.seq, entry.seq))).get()!;
    expect(audit).toMatchObject({ action: 'receipt.send', entity: 'head_receipt', entityId: res.data.id, actorId: auditor });
    expect(listReceipts(actorOf(producer, show))[0]).toMatchObject({ id: res.data.id, sentBy: 'Ada Auditor', trigger: 'on_demand' });
  });

  it('crew and armorer are refused, and nothing is written', () => {
    const count = () => getDb().select().from(headReceipts).all().length;
    const n = count();
    const head = headOf(show);
    for (const who of [crew, armorer]) {
      const res = sendHeadReceipt(actorOf(who, show), {});
      expect(res).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(count()).toBe(n);
    expect(headOf(show)).toEqual(head);
    expect(() => listReceipts(actorOf(crew, show))).toThrow();
  });

  it('an auditor may anchor a wrapped production (it changes none of its records)', () => {
    const res = sendHeadReceipt(actorOf(auditor, wrapped), {});
    expect(res.ok).toBe(true);
  });

  it('a receipt reaches a member who muted every alert, after their quiet hours end', () => {
    write((tx) =>
      tx
        .insert(notificationPreferences)
        .values({ userId: producer, productionId: show, channels: { digest: { email: false, push: false } }, quietFrom: '22:00', quietTo: '07:00', updatedAt: new Date() })
        .run(),
    );
    // 23:00 in Denver: the producer's copy waits for 07:00 there (14:00 UTC); the auditor's goes now.
    const at = new Date('2026-12-02T06:00:00Z');
    const res = sendHeadReceipt(actorOf(auditor, show), {}, at);
    if (!res.ok) throw new Error(res.message);
    const mails = getDb().select().from(deliveries).where(and(eq(deliveries.kind, 'head_receipt'), eq(deliveries.productionId, show), eq(deliveries.createdAt, at))).all();
    const due = Object.fromEntries(mails.map((m) => [m.toAddress, m.dueAt.toISOString()]));
    expect(due).toEqual({ 'prod@receipt.test': '2026-12-02T14:00:00.000Z', 'aud@receipt.test': at.toISOString() });
    write((tx) => tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, producer)).run());
  });

  it('the daily receipt: from the digest hour, once per production per local day, not for a wrapped one, on the worker clock', async () => {
    const daily = () => getDb().select().from(headReceipts).where(eq(headReceipts.trigger, 'daily')).all();
    // 05:00 in Denver: before the digest hour (07:00).
    expect(sendDailyReceipts(new Date('2026-12-02T12:00:00Z'))).toBe(0);
    addPeriodicJob(receiptJob);
    const sent: string[] = [];
    const senders = { email: async (m: { to: string }) => void sent.push(m.to), push: async () => undefined };
    // 08:00 in Denver: one for the shooting show; the wrapped one is left alone.
    await runWorkerTick(new Date('2026-12-02T15:00:00Z'), { senders });
    expect(daily().map((r) => r.productionId)).toEqual([show]);
    expect(daily()[0]).toMatchObject({ sentById: null, dedupeKey: `daily:${show}:2026-12-02` });
    expect(sent).toEqual(expect.arrayContaining(['aud@receipt.test', 'prod@receipt.test']));
    // Later the same local day, and again after a restart: nothing more.
    expect(sendDailyReceipts(new Date('2026-12-02T23:00:00Z'))).toBe(0);
    expect(sendDailyReceipts(new Date('2026-12-03T06:30:00Z'))).toBe(0); // 23:30 in Denver, still the 2nd
    // The next local day: one more.
    expect(sendDailyReceipts(new Date('2026-12-03T15:00:00Z'))).toBe(1);
    expect(daily()).toHaveLength(2);
    const entries = getDb().select().from(auditLog).where(and(eq(auditLog.chain, show), eq(auditLog.action, 'receipt.send'))).all();
    expect(entries.filter((e) => e.actorId === null).map((e) => e.actorLabel)).toEqual(['SetSafe (daily receipt)', 'SetSafe (daily receipt)']);
  });

  it('the audit screen checks a kept receipt: confirmed, confirmed with entries since, then contradicted once the chain is cut', () => {
    const actor = actorOf(auditor, show);
    const res = sendHeadReceipt(actor, {});
    if (!res.ok) throw new Error(res.message);
    const mail = getDb().select().from(deliveries).where(and(eq(deliveries.kind, 'head_receipt'), eq(deliveries.toAddress, 'aud@receipt.test'))).all().at(-1)!;
    const text = mail.text;
    // The receipt's head is followed by its own audit entry: held, one entry since.
    expect(checkReceipt(actor, text)).toMatchObject({ verdict: 'confirmed', newest: false, entriesSince: 1, recorded: true });
    write((tx) => appendAudit(tx, { chain: show, actorId: null, actorLabel: 't', entity: 'incident', entityId: 'y', action: 'incident.update', at: new Date() }));
    expect(checkReceipt(actor, text)).toMatchObject({ verdict: 'confirmed', entriesSince: 2 });

    const parsed = parseReceipt(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(checkReceipt(actor, JSON.stringify({ ...parsed.receipt, seq: parsed.receipt.seq + 1 }))).toMatchObject({ verdict: 'forged' });
    expect(checkReceipt(actor, 'not a receipt')).toMatchObject({ verdict: 'unreadable' });
    const other = sendHeadReceipt(actorOf(auditor, wrapped), {});
    if (!other.ok) throw new Error(other.message);
    const otherText = getDb().select().from(deliveries).where(and(eq(deliveries.kind, 'head_receipt'), eq(deliveries.productionId, wrapped))).all().at(-1)!.text;
    expect(checkReceipt(actor, otherText)).toMatchObject({ verdict: 'elsewhere' });

    // Someone with the files cuts the chain back to before the receipt's head.
    const raw = new Database(databasePath());
    raw.exec('DROP TRIGGER IF EXISTS audit_log_no_delete;');
    raw.prepare('delete from audit_log where chain = ? and seq >= ?').run(show, parsed.receipt.seq);
    raw.close();
    const cut = checkReceipt(actor, text);
    expect(cut).toMatchObject({ verdict: 'contradicted' });
    expect(cut.message).toMatch(/this receipt says it reached #\d+.*entries were removed at the end/);
  });

  afterAll(() => {
    // The production rows stay: the temp data folder goes with the process.
    expect(getDb().select().from(productions).all().length).toBeGreaterThan(0);
  });
});
