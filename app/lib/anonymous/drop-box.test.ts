// The drop box (ARCHITECTURE.md: anonymity by order): sealing writes nothing but the sealed row;
// publication numbers, audits, notifies and queues in one shuffled, once-a-day transaction.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';
import { seededRandom } from '@/app/lib/testing/seeded-random';

const dir = createTempDatabase();
process.env.NEXTAUTH_SECRET = 'unit-test-secret';
const { getDb, getSqlite } = await import('@/db/client');
const schema = await import('@/db/schema');
const { eq, and } = await import('drizzle-orm');
const core = await import('./core');
const drop = await import('./drop-box');
const { newReceiptCode, normaliseReceipt, receiptMac } = await import('./receipt');
const throttle = await import('./throttle');
const { fileIncidentCore } = await import('../incidents/core');

let s: Awaited<ReturnType<typeof seedProduction>>;
beforeAll(async () => {
  s = await seedProduction();
});
beforeEach(() => throttle.resetThrottle());

// Denver: 24 Nov begins at 07:00 UTC; the 25th at 07:00 UTC the next day.
const ON_24 = new Date('2026-11-24T21:37:12.345Z');
const DAY_24 = '2026-11-24T07:00:00.000Z';
const START_25 = new Date('2026-11-25T07:00:00.000Z');
const DAY_MS = 86_400_000;

function token() {
  return getDb().select().from(schema.productions).where(eq(schema.productions.id, s.production.id)).get()!.reportToken;
}
function fileAnon(input: Record<string, unknown> = {}, now = ON_24) {
  const code = newReceiptCode();
  const id = randomUUID();
  const res = core.fileAnonymousReport(
    token(),
    { id, type: 'unsafe_condition', description: 'Guns left on a cart', location: 'Church set', day: 'today', receipt: code, mac: receiptMac(normaliseReceipt(code)!, 'unit-test-secret'), ...input },
    now,
  );
  if (!res.ok) throw new Error(res.message);
  return { id, code, res: res.data };
}
async function jpeg() {
  return new Blob([new Uint8Array(await sharp({ create: { width: 30, height: 20, channels: 3, background: '#c33' } }).jpeg().toBuffer())], { type: 'image/jpeg' });
}
/** Row counts of every table but the drop box. */
function counts(): Record<string, number> {
  const tables = getSqlite().prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name != 'drop_box'").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (getSqlite().prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
}
function attachmentFiles(): string[] {
  const d = path.join(dir, 'attachments');
  return fs.existsSync(d) ? fs.readdirSync(d) : [];
}
const sealedCount = () => getDb().select().from(schema.dropBox).all().length;
const seeded = seededRandom;
/** Publishes everything sealed before `day` at that day's midnight, and checks it emptied the box of them. */
const publishAll = (at = START_25, random?: () => number) => drop.publishDropBox(at, { fraction: 0, random });

describe('sealing', () => {
  it('a non-critical anonymous report, its follow-up and its photo write only the drop box: no number, audit, notification, outbox row or file', async () => {
    publishAll(new Date(START_25.getTime() + 30 * DAY_MS)); // an empty box to start from
    const before = counts();
    const files = attachmentFiles();
    const { id, code, res } = fileAnon();
    expect(res).toEqual({ number: null, created: true, hold: false, sealed: true });
    const found = await core.findByReceipt(code);
    if (!found.ok) throw new Error('receipt');
    expect(core.isSealed(found.data)).toBe(true);
    expect(core.reporterSay(found.data, { body: 'It was the grey cart' }, ON_24)).toMatchObject({ ok: true, data: { kind: 'reporter_info', sealed: true } });
    expect((await core.reporterAddPhoto(found.data, await jpeg(), ON_24)).ok).toBe(true);
    expect(counts()).toEqual(before);
    expect(attachmentFiles()).toEqual(files);
    const rows = getDb().select().from(schema.dropBox).where(eq(schema.dropBox.incidentId, id)).all();
    expect(rows.map((r) => r.kind).sort()).toEqual(['message', 'photo', 'report']);
    expect(rows.every((r) => r.day.toISOString() === DAY_24)).toBe(true);
    expect(JSON.stringify(rows.map(({ data: _d, ...r }) => r))).not.toContain(String(ON_24.getTime()));
    // The reporter sees it, sealed, with what they added.
    const view = core.reporterView(found.data);
    expect(view).toMatchObject({ sealed: true, number: null, status: 'reported', description: 'Guns left on a cart' });
    expect(view.messages.map((m) => [m.body, m.sealed])).toEqual([['It was the grey cart', true]]);
    expect(view.photos).toHaveLength(1);
    expect(drop.sealedPhotoBytes(id, view.photos[0].id)?.bytes.length).toBeGreaterThan(0);
  });

  it('the drop box keeps no insertion order: it has no rowid', () => {
    expect(() => getSqlite().prepare('select rowid from drop_box').all()).toThrow(/rowid/);
  });

  it('rule 1 is the stated exception: a discharge is filed, numbered and holds at once', () => {
    const { id, res } = fileAnon({ type: 'accidental_discharge', description: 'A blank went off', location: 'Ranch' });
    expect(res).toMatchObject({ created: true, hold: true, sealed: false });
    expect(typeof res.number).toBe('number');
    expect(getDb().select().from(schema.incidents).where(eq(schema.incidents.id, id)).get()?.severity).toBe('critical');
    expect(getDb().select().from(schema.dropBox).where(eq(schema.dropBox.incidentId, id)).all()).toHaveLength(0);
  });
});

describe('publication', () => {
  it('opens once a day at the install’s own random time, publishing only earlier days', () => {
    publishAll(new Date(START_25.getTime() + 30 * DAY_MS));
    const f = drop.publicationFraction(s.production.id, '2026-11-25');
    expect(f).toBeGreaterThanOrEqual(0);
    expect(f).toBeLessThan(1);
    expect(drop.publicationFraction(s.production.id, '2026-11-25')).toBe(f);
    expect(drop.publicationFraction(s.production.id, '2026-11-26')).not.toBe(f);
    const { id } = fileAnon();
    const opensAt = START_25.getTime() + f * DAY_MS;
    // Before the day's time nothing moves; the report filed that same day waits for the next.
    expect(drop.publishDropBox(new Date(opensAt - 1000)).reports).toBe(0);
    expect(drop.publishDropBox(ON_24, { fraction: 0 }).reports).toBe(0);
    const { id: later } = fileAnon({}, new Date(START_25.getTime() + 1000));
    expect(drop.publishDropBox(new Date(opensAt + 1000))).toMatchObject({ reports: 1, productions: 1 });
    expect(getDb().select().from(schema.incidents).where(eq(schema.incidents.id, id)).get()).toBeTruthy();
    expect(getDb().select().from(schema.incidents).where(eq(schema.incidents.id, later)).get()).toBeUndefined();
    // Idempotent: running again the same day publishes nothing.
    expect(drop.publishDropBox(new Date(opensAt + 60_000))).toMatchObject({ reports: 0, messages: 0, photos: 0 });
    expect(drop.publishDropBox(new Date(START_25.getTime() + DAY_MS), { fraction: 0 }).reports).toBe(1);
    expect(sealedCount()).toBe(0);
  });

  it('publishes in a shuffled order decided by the random source, not the filing order', () => {
    const filed: string[] = Array.from({ length: 8 }, (_, i) => fileAnon({ description: `Shuffle ${i}` }).id);
    const rng = seeded(42);
    const expected = drop.shuffle([...filed].sort(), seeded(42));
    publishAll(START_25, rng);
    const numbered = getDb()
      .select({ id: schema.incidents.id, number: schema.incidents.number })
      .from(schema.incidents)
      .all()
      .filter((r) => filed.includes(r.id))
      .sort((a, b) => a.number - b.number)
      .map((r) => r.id);
    expect(numbered).toEqual(expected);
    expect(numbered).not.toEqual(filed);
    // The audit chain follows the same published order, not the filing order.
    const seq = getDb().select().from(schema.auditLog).all().filter((a) => a.action === 'incident.file' && filed.includes(a.entityId)).sort((a, b) => a.seq - b.seq).map((a) => a.entityId);
    expect(seq).toEqual(expected);
    // Another source gives another order.
    expect(drop.shuffle([...filed].sort(), seeded(7))).not.toEqual(expected);
  });

  it('the default shuffle is uniform enough: every order of three shows up about equally', () => {
    const seen = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const k = drop.shuffle(['a', 'b', 'c']).join('');
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    expect(seen.size).toBe(6);
    for (const n of seen.values()) expect(n).toBeGreaterThan(380);
  });

  it('everything written at publication carries the report’s day, and follow-ups keep the reporter’s order', async () => {
    const { id, code } = fileAnon();
    const found = await core.findByReceipt(code);
    if (!found.ok) throw new Error('receipt');
    core.reporterSay(found.data, { body: 'first' }, ON_24);
    core.reporterSay(found.data, { body: 'second' }, ON_24);
    await core.reporterAddPhoto(found.data, await jpeg(), ON_24);
    const sealedPhoto = core.reporterView(found.data).photos[0].id;
    expect(publishAll(new Date(START_25.getTime() + 5 * 3_600_000))).toMatchObject({ reports: 1, messages: 2, photos: 1 });
    const inc = getDb().select().from(schema.incidents).where(eq(schema.incidents.id, id)).get()!;
    expect(inc.reportedAt.toISOString()).toBe(DAY_24);
    const audit = getDb().select().from(schema.auditLog).all().filter((a) => a.entityId === id || a.after?.includes(id));
    expect(audit.length).toBeGreaterThanOrEqual(4);
    expect(audit.every((a) => a.at.toISOString() === DAY_24 && a.actorId === null)).toBe(true);
    const notes = getDb().select().from(schema.notifications).all().filter((n) => n.link?.includes(id));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.createdAt.toISOString() === DAY_24)).toBe(true);
    const outbox = getDb().select().from(schema.deliveries).all().filter((d) => d.link?.includes(id));
    expect(outbox.every((d) => d.dayOnly && d.createdAt.toISOString() === DAY_24)).toBe(true);
    const said = getDb().select().from(schema.comments).where(eq(schema.comments.incidentId, id)).all();
    expect(said.map((c) => c.body)).toEqual(['first', 'second']);
    const att = getDb().select().from(schema.attachments).where(and(eq(schema.attachments.incidentId, id))).get()!;
    // The reporter's photo keeps its id, so their receipt page shows the same photo after publication.
    expect(att.id).toBe(sealedPhoto);
    const stat = fs.statSync(path.join(dir, 'attachments', att.storedName));
    expect(stat.mtime.toISOString()).toBe(DAY_24);
    expect(stat.atime.toISOString()).toBe(DAY_24);
    expect(core.reporterView(inc)).toMatchObject({ sealed: false, number: inc.number });
  });

  it('a follow-up of a later day waits for its own day’s batch; what follows it waits too, keeping the order', async () => {
    const { id, code } = fileAnon();
    const sealed = await core.findByReceipt(code);
    if (!sealed.ok) throw new Error('receipt');
    const on25 = new Date(START_25.getTime() + 3_600_000);
    core.reporterSay(sealed.data, { body: 'on the 25th' }, on25);
    expect(publishAll(new Date(START_25.getTime() + 2 * 3_600_000))).toMatchObject({ reports: 1, messages: 0 });
    const published = await core.findByReceipt(code);
    if (!published.ok || core.isSealed(published.data)) throw new Error('published');
    // Published, but with a sealed message still in the box: the next one is sealed behind it.
    expect(core.reporterSay(published.data, { body: 'later on the 25th' }, on25)).toMatchObject({ ok: true, data: { sealed: true } });
    expect(core.reporterView(published.data).messages.map((m) => [m.body, m.sealed])).toEqual([
      ['on the 25th', true],
      ['later on the 25th', true],
    ]);
    expect(publishAll(new Date(START_25.getTime() + DAY_MS))).toMatchObject({ messages: 2 });
    expect(getDb().select().from(schema.comments).where(eq(schema.comments.incidentId, id)).all().map((c) => c.body)).toEqual(['on the 25th', 'later on the 25th']);
    // Nothing sealed left: the next message goes straight in, day-only.
    expect(core.reporterSay(published.data, { body: 'straight in' }, new Date(START_25.getTime() + DAY_MS))).toMatchObject({ ok: true, data: { sealed: false } });
  });

  it('is one transaction: a failure part-way leaves every report sealed and no file behind, and the next run publishes them', async () => {
    const a = fileAnon({ description: 'Crash A' });
    const b = fileAnon({ description: 'Crash B' });
    const found = await core.findByReceipt(a.code);
    if (!found.ok) throw new Error('receipt');
    await core.reporterAddPhoto(found.data, await jpeg(), ON_24);
    // A named filing may not take a sealed report's id.
    expect(fileIncidentCore(s.actors.crew, { id: b.id, type: 'near_miss', description: 'Clash', location: 'Here' }, ON_24)).toMatchObject({ ok: false, code: 'conflict' });
    // The database refuses b's incident: publication fails there, after a (and its photo file) may
    // already have been written in the same run.
    getSqlite().exec("create trigger crash_b before insert on incidents when new.description = 'Crash B' begin select raise(abort, 'simulated failure'); end");
    const before = counts();
    const files = attachmentFiles();
    const sealed = sealedCount();
    // Order a before b, so a's photo file is written before the failure.
    const aFirst = () => ([a.id, b.id].sort()[0] === a.id ? 0.999 : 0);
    expect(() => publishAll(START_25, aFirst)).toThrow();
    expect(counts()).toEqual(before);
    expect(attachmentFiles()).toEqual(files);
    expect(sealedCount()).toBe(sealed);
    // Once the failure is gone the next run publishes both.
    getSqlite().exec('drop trigger crash_b');
    expect(publishAll(START_25)).toMatchObject({ reports: 2, photos: 1 });
    expect(getDb().select().from(schema.incidents).where(eq(schema.incidents.id, a.id)).get()).toBeTruthy();
    expect(getDb().select().from(schema.incidents).where(eq(schema.incidents.id, b.id)).get()).toBeTruthy();
  });

  it('a named–anonymous–named sequence by one member: the anonymous report lands after both named ones', () => {
    const named1 = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'near_miss', description: 'Named before', location: 'Stage 1' }, new Date(ON_24.getTime() - 60_000));
    const anon = fileAnon({ description: 'Between' }, ON_24);
    const named2 = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'near_miss', description: 'Named after', location: 'Stage 1' }, new Date(ON_24.getTime() + 60_000));
    if (!named1.ok || !named2.ok) throw new Error('named');
    publishAll(new Date(START_25.getTime() + 3_600_000));
    const num = (id: string) => getDb().select().from(schema.incidents).where(eq(schema.incidents.id, id)).get()!.number;
    const seq = (id: string) => getDb().select().from(schema.auditLog).all().find((e) => e.entityId === id && e.action === 'incident.file')!.seq;
    expect(num(anon.id)).toBeGreaterThan(num(named2.data.id));
    expect(seq(anon.id)).toBeGreaterThan(seq(named2.data.id));
  });
});
