// Regression: an anonymous report filed on a Monday afternoon in Denver (after 17:00 UTC the UTC
// date is already the next one... and before it, UTC midnight of the local date is the evening
// before there) is that Monday everywhere a reader works: the export's local columns, a day
// filter, the dashboard's week bucket and its oldest-unassigned list. Plus the data migration
// that rewrites day-only stamps stored the old way (UTC midnight of the local date).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
process.env.NEXTAUTH_SECRET = 'unit-test-secret';
const { getDb, getSqlite } = await import('@/db/client');
const S = await import('@/db/schema');
const { eq } = await import('drizzle-orm');
const { fileAnonymousReport } = await import('@/app/lib/anonymous/core');
const { publishDropBox } = await import('@/app/lib/anonymous/drop-box');
const { newReceiptCode, normaliseReceipt, receiptMac } = await import('@/app/lib/anonymous/receipt');
const { exportDataset } = await import('@/db/queries/exports');
const { toCsv } = await import('@/app/lib/export-format');
const D = await import('@/db/queries/dashboard');
const { migrateDayStamps } = await import('./day-stamps');
const { formatStamp } = await import('@/app/lib/time');

let s: Awaited<ReturnType<typeof seedProduction>>;
// Monday 7 Dec 2026, 16:10 MST. The old stamp (2026-12-07T00:00Z) was Sunday 6 Dec, 17:00 MST.
const filedAt = new Date('2026-12-07T23:10:00Z');
const MONDAY_START = '2026-12-07T07:00:00.000Z';
let id: string;

beforeAll(async () => {
  s = await seedProduction({ timeZone: 'America/Denver', now: new Date('2026-11-01T12:00:00Z') });
  const code = newReceiptCode();
  const mac = receiptMac(normaliseReceipt(code)!, 'unit-test-secret');
  const token = getDb().select().from(S.productions).where(eq(S.productions.id, s.production.id)).get()!.reportToken;
  id = randomUUID();
  const res = fileAnonymousReport(token, { id, type: 'unsafe_condition', description: 'Cart left open', location: 'Stage 4', day: 'today', receipt: code, mac }, filedAt);
  expect(res.ok).toBe(true);
  // Published from the drop box the next day (ARCHITECTURE.md: anonymity by order).
  publishDropBox(new Date(filedAt.getTime() + 86_400_000), { fraction: 0 });
});
afterAll(() => getSqlite().close());

describe('an anonymous report filed on Monday afternoon in Denver', () => {
  it('is stored as the start of Monday in Denver, in the incident, its audit entries and notifications', () => {
    const row = getDb().select().from(S.incidents).where(eq(S.incidents.id, id)).get()!;
    expect(row.reportedAt.toISOString()).toBe(MONDAY_START);
    expect(row.occurredAt?.toISOString()).toBe(MONDAY_START);
    const audit = getDb().select().from(S.auditLog).where(eq(S.auditLog.entityId, id)).all();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.at.toISOString() === MONDAY_START)).toBe(true);
    const notes = getDb().select().from(S.notifications).all().filter((n) => n.link?.includes(id));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.createdAt.toISOString() === MONDAY_START)).toBe(true);
  });

  it('exports as Monday in the CSV and JSON local columns, never as Sunday 17:00', () => {
    const r = exportDataset(s.actors.producer, 'incidents', {});
    const mine = r.rows.find((x) => x.id === id)!;
    expect(mine).toMatchObject({ occurredLocal: '2026-12-07', reportedLocal: '2026-12-07', anonymous: true });
    const csv = toCsv({ dataset: 'incidents', production: s.production, takenAt: filedAt, chainHead: r.chainHead, filters: {} }, r.columns, r.rows);
    expect(csv).toContain('reported_local (America/Denver)');
    const line = csv.split('\n').find((l) => l.includes(id))!;
    expect(line).toContain(',2026-12-07,');
    expect(line).not.toContain('2026-12-06');
    expect(line).not.toContain('17:00');
  });

  it('is found by a Monday-only day filter and not by a Sunday-only one', () => {
    const ids = (f: Record<string, string>) => exportDataset(s.actors.producer, 'incidents', f).rows.map((x) => x.id);
    expect(ids({ from: '2026-12-07', to: '2026-12-07' })).toContain(id);
    expect(ids({ from: '2026-12-06', to: '2026-12-06' })).not.toContain(id);
  });

  it('counts in the week of Monday 7 Dec on the dashboard chart', () => {
    const weeks = D.incidentsPerWeek(s.actors.producer, new Date('2026-12-08T18:00:00Z'), 2);
    expect(weeks.map((w) => [w.week, w.total])).toEqual([
      ['2026-11-30', 0],
      ['2026-12-07', 1],
    ]);
  });

  it('stands in the oldest-unassigned list as Monday, day only', () => {
    const u = D.oldestUnassigned(s.actors.producer).items.find((x) => x.id === id)!;
    expect(u.anonymous).toBe(true);
    expect(formatStamp(u.reportedAt, 'America/Denver', u.anonymous)).toBe('7 Dec 2026');
  });
});

describe('the data migration of day-only stamps stored the old way', () => {
  const OLD = new Date('2026-11-20T00:00:00.000Z'); // the old form of Friday 20 Nov
  const NEW = '2026-11-20T07:00:00.000Z';
  let oldId: string;

  beforeAll(() => {
    oldId = randomUUID();
    const db = getDb();
    db.insert(S.incidents).values({ id: oldId, productionId: s.production.id, number: 900, anonymous: true, type: 'near_miss', location: 'Lot', description: 'old', reportedAt: OLD, occurredAt: OLD, updatedAt: OLD }).run();
    db.insert(S.comments).values({ id: randomUUID(), incidentId: oldId, authorId: null, kind: 'reporter_info', body: 'more', createdAt: OLD }).run();
    db.insert(S.notifications).values({ id: randomUUID(), userId: s.actors.producer.userId, productionId: s.production.id, kind: 'status_changed', title: 'New report', createdAt: OLD }).run();
  });

  it('rewrites them to the start of the local day, audited, and a second run changes nothing', () => {
    const before = getDb().select().from(S.auditLog).where(eq(S.auditLog.chain, s.production.id)).all().length;
    expect(migrateDayStamps(getDb())).toEqual({ [s.production.id]: 5 });
    const row = getDb().select().from(S.incidents).where(eq(S.incidents.id, oldId)).get()!;
    expect([row.reportedAt, row.occurredAt, row.updatedAt].map((d) => d?.toISOString())).toEqual([NEW, NEW, NEW]);
    expect(getDb().select().from(S.comments).where(eq(S.comments.incidentId, oldId)).get()!.createdAt.toISOString()).toBe(NEW);
    const audit = getDb().select().from(S.auditLog).where(eq(S.auditLog.chain, s.production.id)).all();
    expect(audit.length).toBe(before + 1);
    expect(audit.sort((a, b) => a.seq - b.seq).at(-1)).toMatchObject({ action: 'data.day_stamps', actorId: null });
    // The new-form stamps filed above were not touched, and nothing is left to rewrite.
    expect(getDb().select().from(S.incidents).where(eq(S.incidents.id, id)).get()!.reportedAt.toISOString()).toBe(MONDAY_START);
    expect(migrateDayStamps(getDb())).toEqual({});
  });
});
