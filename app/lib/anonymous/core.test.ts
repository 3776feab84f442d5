import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

const dir = createTempDatabase();
process.env.NEXTAUTH_SECRET = 'unit-test-secret';
const { getDb, getSqlite } = await import('@/db/client');
const schema = await import('@/db/schema');
const { eq } = await import('drizzle-orm');
const core = await import('./core');
const drop = await import('./drop-box');
const { newReceiptCode, normaliseReceipt, receiptMac, hashReceipt } = await import('./receipt');
const throttle = await import('./throttle');
const { addIncidentPhoto } = await import('../attachments/core');
const { fileIncidentCore } = await import('../incidents/core');

let s: Awaited<ReturnType<typeof seedProduction>>;
beforeAll(async () => {
  s = await seedProduction();
});
beforeEach(() => throttle.resetThrottle());

// 21:37 UTC is 14:37 in Denver: the hour and minute must not survive anywhere.
const now = new Date('2026-11-24T21:37:12.345Z');
// The start of 24 Nov in Denver (00:00 MST): the day only, as the production's local day.
const DAY = '2026-11-24T07:00:00.000Z';

function receipt() {
  const code = newReceiptCode();
  return { code, mac: receiptMac(normaliseReceipt(code)!, 'unit-test-secret') };
}
function token() {
  return getDb().select().from(schema.productions).where(eq(schema.productions.id, s.production.id)).get()!.reportToken;
}
// The next day in Denver, when the drop box publishes the 24th's sealed reports (fraction 0: at midnight).
const PUBLISH_AT = new Date('2026-11-25T08:00:00.000Z');
/** Files, and publishes what was sealed, so the tests below see the report as the production will. */
function file(input: Record<string, unknown> = {}, r = receipt()) {
  const id = randomUUID();
  const res = core.fileAnonymousReport(token(), { id, type: 'unsafe_condition', description: 'Guns left on a cart', location: 'Church set', day: 'today', receipt: r.code, mac: r.mac, ...input }, now);
  if (res.ok && res.data.sealed) drop.publishDropBox(PUBLISH_AT, { fraction: 0 });
  return { id, res, ...r };
}
async function gpsJpeg() {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: '#39c' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'SetSafeTestCam' }, IFD2: { BodySerialNumber: 'SN-UNIT-42' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 3/1 2/1' } })
    .toBuffer();
}
const blob = (b: Buffer) => new Blob([new Uint8Array(b)], { type: 'image/jpeg' });

describe('filing through the link', () => {
  it('stores no user, no receipt and no time finer than the day', () => {
    const { id, res, code } = file();
    expect(res).toMatchObject({ ok: true, data: { created: true, hold: false } });
    const row = getDb().select().from(schema.incidents).where(eq(schema.incidents.id, id)).get()!;
    expect(row).toMatchObject({ reporterId: null, anonymous: true, receiptHash: hashReceipt(normaliseReceipt(code)!) });
    expect(row.reportedAt.toISOString()).toBe(DAY);
    expect(row.occurredAt?.toISOString()).toBe(DAY);
    const audit = getDb().select().from(schema.auditLog).where(eq(schema.auditLog.entityId, id)).all();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.actorId === null && a.actorLabel === 'Anonymous reporter' && a.at.toISOString() === DAY)).toBe(true);
    const notes = getDb().select().from(schema.notifications).all().filter((n) => n.link?.includes(id));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.createdAt.toISOString() === DAY)).toBe(true);
    // Neither the code nor the exact instant is anywhere in the database.
    const dump = JSON.stringify(getSqlite().prepare('select * from audit_log').all()) + JSON.stringify(getSqlite().prepare('select * from incidents').all()) + JSON.stringify(getSqlite().prepare('select * from notifications').all());
    expect(dump).not.toContain(normaliseReceipt(code));
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(String(now.getTime()));
    expect(dump).not.toContain('21:37');
  });

  it('a discharge still puts the production on hold (rule 1), called by no one, on the day', () => {
    const { id, res } = file({ type: 'accidental_discharge', description: 'A blank went off in the holster', location: 'Ranch' });
    expect(res).toMatchObject({ ok: true, data: { hold: true } });
    const inc = getDb().select().from(schema.incidents).where(eq(schema.incidents.id, id)).get()!;
    expect(inc.severity).toBe('critical');
    const hold = getDb().select().from(schema.holds).where(eq(schema.holds.incidentId, id)).get()!;
    expect(hold).toMatchObject({ source: 'rule1', calledById: null, liftedAt: null });
    expect(hold.calledAt.toISOString()).toBe(DAY);
  });

  it('a repeat of the same form files once; the same code cannot file a second report', () => {
    const r = receipt();
    const id = randomUUID();
    const input = { id, type: 'near_miss', description: 'Boom swung low', location: 'Stage 2', receipt: r.code, mac: r.mac };
    const a = core.fileAnonymousReport(token(), input, now);
    const b = core.fileAnonymousReport(token(), input, now);
    expect(a.ok && b.ok && a.data.sealed && b.data.sealed && b.data.created === false).toBe(true);
    expect(getDb().select().from(schema.dropBox).where(eq(schema.dropBox.incidentId, id)).all()).toHaveLength(1);
    drop.publishDropBox(PUBLISH_AT, { fraction: 0 });
    // Once published, the same form still files nothing new and now answers with the number.
    const c = core.fileAnonymousReport(token(), input, now);
    expect(c.ok && c.data.created === false && typeof c.data.number === 'number').toBe(true);
    expect(getDb().select().from(schema.incidents).where(eq(schema.incidents.id, id)).all()).toHaveLength(1);
    expect(core.fileAnonymousReport(token(), { ...input, id: randomUUID() }, now)).toMatchObject({ ok: false, code: 'conflict' });
    expect(core.fileAnonymousReport(token(), { ...input, receipt: receipt().code }, now)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('refuses a code the server did not make, a future day, bad input and an unknown link, storing nothing', () => {
    const before = getDb().select().from(schema.incidents).all().length;
    const forged = normaliseReceipt(newReceiptCode())!;
    expect(file({ mac: receiptMac(forged, 'another-secret') }).res).toMatchObject({ ok: false, code: 'invalid' });
    expect(file({ receipt: '0000-0000-0000-0000-0000-0000-0000', mac: 'x' }).res).toMatchObject({ ok: false, code: 'invalid' });
    const future = file({ day: '2026-11-26' }).res;
    expect(!future.ok && future.fieldErrors?.day).toBeTruthy();
    const bad = file({ description: '', location: '' }).res;
    expect(!bad.ok && Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(['description', 'location']));
    expect(core.fileAnonymousReport('no-such-link-token', {}, now)).toMatchObject({ ok: false, code: 'not_found' });
    expect(core.fileAnonymousReport('../etc', {}, now)).toMatchObject({ ok: false, code: 'not_found' });
    expect(getDb().select().from(schema.incidents).all().length).toBe(before);
  });
});

describe('rotating the link', () => {
  it('only a producer rotates; the old link stops at once, receipts keep working, the trail records it without the token', async () => {
    const { code } = file();
    const old = token();
    expect(core.rotateReportLinkCore(s.actors.crew, { confirm: true }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(core.rotateReportLinkCore(s.actors.armorer, { confirm: true }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(core.rotateReportLinkCore(s.actors.producer, {}, now)).toMatchObject({ ok: false, code: 'invalid' });
    expect(token()).toBe(old);
    expect(core.rotateReportLinkCore(s.actors.producer, { confirm: true }, now).ok).toBe(true);
    expect(token()).not.toBe(old);
    expect(core.productionByToken(old)).toBeNull();
    expect(core.productionByToken(token())?.id).toBe(s.production.id);
    const r = receipt();
    expect(core.fileAnonymousReport(old, { id: randomUUID(), type: 'other', description: 'After rotation', location: 'Set', receipt: r.code, mac: r.mac }, now)).toMatchObject({ ok: false, code: 'not_found', message: core.LINK_INACTIVE_MESSAGE });
    expect((await core.findByReceipt(code)).ok).toBe(true);
    const entry = getDb().select().from(schema.auditLog).all().find((a) => a.action === 'production.report_link_rotate')!;
    expect(entry.actorId).toBe(s.actors.producer.userId);
    expect(`${entry.before}${entry.after}`).not.toContain(old);
    expect(`${entry.before}${entry.after}`).not.toContain(token());
  });
});

describe('receipt look-up', () => {
  it('a right code opens the report; a wrong one takes as long and counts; a malformed one is refused at once', async () => {
    const { code, id } = file();
    let t = Date.now();
    const right = await core.findByReceipt(code.toLowerCase());
    expect(right.ok && right.data.id).toBe(id);
    expect(Date.now() - t).toBeGreaterThanOrEqual(throttle.CHECK_DELAY_MS - 5);
    t = Date.now();
    expect(await core.findByReceipt(newReceiptCode())).toMatchObject({ ok: false, code: 'not_found' });
    expect(Date.now() - t).toBeGreaterThanOrEqual(throttle.CHECK_DELAY_MS - 5);
    expect(await core.findByReceipt('1234')).toMatchObject({ ok: false, code: 'invalid' });
    expect(await core.findByReceipt(undefined)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('too many wrong codes in a window refuse every check until it ends, with no address involved', async () => {
    const { code } = file();
    const t = Date.now();
    for (let i = 0; i < throttle.MAX_WRONG; i++) throttle.recordWrong(t);
    expect(await core.findByReceipt(code)).toMatchObject({ ok: false, code: 'throttled' });
    expect(throttle.isThrottled(t + throttle.WINDOW_MS)).toBe(false);
  });
});

describe('the conversation', () => {
  it('producer asks; the reporter answers with the day only; producers are told; internal comments stay internal', async () => {
    const { id, code } = file();
    expect(core.askReporterCore(s.actors.crew, { incidentId: id, body: 'Which cart was it?' }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(core.askReporterCore(s.actors.armorer, { incidentId: id, body: 'Which cart was it?' }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(core.askReporterCore(s.actors.auditor, { incidentId: id, body: 'Which cart was it?' }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(core.askReporterCore(s.actors.producer, { incidentId: id, body: 'Which cart was it?' }, now).ok).toBe(true);
    getDb().insert(schema.comments).values({ id: randomUUID(), incidentId: id, authorId: s.actors.producer.userId, kind: 'comment', body: 'Internal: check the rota', createdAt: now }).run();

    const found = await core.findByReceipt(code);
    if (!found.ok) throw new Error('receipt');
    let view = core.reporterView(found.data);
    expect(view.openQuestion).toBe(true);
    expect(view.messages.map((m) => [m.from, m.kind, m.body])).toEqual([['production', 'question', 'Which cart was it?']]);

    const later = new Date('2026-11-25T03:05:00Z'); // 20:05 on the 24th in Denver
    const a = core.reporterSay(found.data, { body: 'The props cart by the church door' }, later);
    expect(a).toMatchObject({ ok: true, data: { kind: 'answer' } });
    expect(core.reporterSay(found.data, { body: 'It happened twice' }, later)).toMatchObject({ ok: true, data: { kind: 'reporter_info' } });
    view = core.reporterView(found.data);
    expect(view.openQuestion).toBe(false);
    expect(view.messages.map((m) => m.kind)).toEqual(['question', 'answer', 'reporter_info']);
    expect(JSON.stringify(view)).not.toContain('Internal');

    const mine = getDb().select().from(schema.comments).where(eq(schema.comments.incidentId, id)).all().filter((c) => c.authorId === null);
    expect(mine.map((c) => c.createdAt.toISOString())).toEqual([DAY, DAY]);
    const audit = getDb().select().from(schema.auditLog).all().filter((e) => mine.some((c) => c.id === e.entityId));
    expect(audit.map((e) => [e.actorId, e.actorLabel, e.at.toISOString()])).toEqual([
      [null, 'Anonymous reporter', DAY],
      [null, 'Anonymous reporter', DAY],
    ]);
    const told = getDb().select().from(schema.notifications).all().filter((n) => n.kind === 'reporter_update' && n.link?.includes(id));
    const users = new Set(told.map((n) => n.userId));
    expect(users).toEqual(new Set([s.actors.producer.userId, s.actors.producer2.userId]));
    expect(told.every((n) => n.createdAt.toISOString() === DAY)).toBe(true);
  });

  it('the armorer may ask about firearm-related reports and is told of the answers', async () => {
    const { id, code } = file({ type: 'misfire_malfunction', description: 'Revolver did not cycle', location: 'Ranch' });
    expect(core.askReporterCore(s.actors.armorer, { incidentId: id, body: 'Which revolver was it?' }, now).ok).toBe(true);
    const found = await core.findByReceipt(code);
    if (!found.ok) throw new Error('receipt');
    core.reporterSay(found.data, { body: 'The nickel one' }, now);
    const told = getDb().select().from(schema.notifications).all().filter((n) => n.kind === 'reporter_update' && n.link?.includes(id));
    expect(told.some((n) => n.userId === s.actors.armorer.userId)).toBe(true);
  });

  it('named reports and other productions are refused', async () => {
    const named = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'near_miss', description: 'Named', location: 'Here' }, now);
    if (!named.ok) throw new Error('named');
    expect(core.askReporterCore(s.actors.producer, { incidentId: named.data.id, body: 'Who was there?' }, now)).toMatchObject({ ok: false, code: 'refused' });
    const other = await seedProduction({ title: 'Other' });
    const { id } = file();
    expect(core.askReporterCore(other.actors.producer, { incidentId: id, body: 'Which cart was it?' }, now)).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('photos', () => {
  it('the reporter’s photo is stored clean, under a random name, with no uploader and the day only — even in the file’s own times', async () => {
    const { code, id } = file();
    const found = await core.findByReceipt(code);
    if (!found.ok) throw new Error('receipt');
    const res = await core.reporterAddPhoto(found.data, blob(await gpsJpeg()), now);
    expect(res.ok).toBe(true);
    const row = getDb().select().from(schema.attachments).where(eq(schema.attachments.incidentId, id)).get()!;
    expect(row).toMatchObject({ uploadedById: null, mime: 'image/jpeg', width: 40, height: 20 });
    expect(row.createdAt.toISOString()).toBe(DAY);
    expect(row.storedName).toMatch(/^[0-9a-f]{32}\.jpg$/);
    const stored = path.join(dir, 'attachments', row.storedName);
    const bytes = fs.readFileSync(stored);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect(bytes.includes('SN-UNIT-42')).toBe(false);
    expect(fs.statSync(stored).mtime.toISOString()).toBe(DAY);
    const audit = getDb().select().from(schema.auditLog).where(eq(schema.auditLog.entityId, row.id)).get()!;
    expect(audit).toMatchObject({ actorId: null, actorLabel: 'Anonymous reporter' });
    expect(audit.at.toISOString()).toBe(DAY);
    expect(audit.after).not.toContain(row.storedName);
    expect(core.reporterView(found.data).photos.map((p) => p.id)).toEqual([row.id]);
    for (let i = 1; i < core.MAX_REPORTER_PHOTOS; i++) expect((await core.reporterAddPhoto(found.data, blob(await gpsJpeg()), now)).ok).toBe(true);
    const files = fs.readdirSync(path.join(dir, 'attachments')).length;
    expect(await core.reporterAddPhoto(found.data, blob(await gpsJpeg()), now)).toMatchObject({ ok: false, message: core.TOO_MANY_PHOTOS_MESSAGE });
    expect(fs.readdirSync(path.join(dir, 'attachments')).length, 'the refused photo’s file is removed again').toBe(files);
  });

  it('members add photos to incidents they can see; others are refused before any decoding', async () => {
    const named = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'unsafe_condition', description: 'Loose rigging', location: 'Stage 2' }, now);
    if (!named.ok) throw new Error('named');
    const jpeg = await gpsJpeg();
    const mine = await addIncidentPhoto(s.actors.crew, named.data.id, blob(jpeg), now);
    expect(mine.ok).toBe(true);
    const row = getDb().select().from(schema.attachments).where(eq(schema.attachments.incidentId, named.data.id)).get()!;
    expect(row.uploadedById).toBe(s.actors.crew.userId);
    expect(row.createdAt.getTime()).toBe(now.getTime());
    const { id: anonId } = file();
    expect(await addIncidentPhoto(s.actors.actor, named.data.id, blob(jpeg), now)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await addIncidentPhoto(s.actors.crew, anonId, blob(jpeg), now)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await addIncidentPhoto(s.actors.auditor, named.data.id, blob(jpeg), now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await addIncidentPhoto(s.actors.producer, anonId, blob(jpeg), now)).toMatchObject({ ok: true });
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]);
    expect(await addIncidentPhoto(s.actors.producer, anonId, new Blob([new Uint8Array(heic)]), now)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await addIncidentPhoto(s.actors.producer, anonId, 'not a file', now)).toMatchObject({ ok: false, code: 'invalid' });
  });
});
