import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
const { getDb, write } = await import('@/db/client');
const schema = await import('@/db/schema');
const { fileIncidentCore } = await import('./core');
const { fileIncidentTx } = await import('./file');
const { eq } = await import('drizzle-orm');

let s: Awaited<ReturnType<typeof seedProduction>>;
beforeAll(async () => {
  s = await seedProduction();
});
const now = new Date('2026-11-24T15:00:00Z');

describe('filing an incident', () => {
  it('a quick first report needs only type, what happened and where', () => {
    const res = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'near_miss', description: 'Boom swung low', location: 'Stage 2' }, now);
    expect(res).toMatchObject({ ok: true, data: { number: 1, created: true, severity: 'unrated', hold: false } });
  });

  it('a repeated submission files once', () => {
    const id = randomUUID();
    const input = { id, type: 'unsafe_condition', description: 'Cable across the exit', location: 'Stage 2' };
    const a = fileIncidentCore(s.actors.crew, input, now);
    const b = fileIncidentCore(s.actors.crew, input, now);
    expect(a.ok && b.ok && a.data.id === b.data.id && b.data.created === false).toBe(true);
    expect(getDb().select().from(schema.incidents).where(eq(schema.incidents.id, id)).all()).toHaveLength(1);
  });

  it('refuses an auditor, bad input and a future time, storing nothing', () => {
    const before = getDb().select().from(schema.incidents).all().length;
    expect(fileIncidentCore(s.actors.auditor, { id: randomUUID(), type: 'other', description: 'x'.repeat(10), location: 'Here' }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    const bad = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'other', description: '', location: '' }, now);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(['description', 'location']));
    const future = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'other', description: 'Later', location: 'Here', occurredAt: '2026-11-25T12:00' }, now);
    expect(!future.ok && future.fieldErrors?.occurredAt).toBeTruthy();
    expect(getDb().select().from(schema.incidents).all().length).toBe(before);
  });

  it('rule 1: a discharge is critical and holds the production; a second joins the hold and fires rule 3', () => {
    const a = fileIncidentCore(s.actors.actor, { id: randomUUID(), type: 'accidental_discharge', description: 'Went off while holstering', location: 'Ranch', severity: 'low', occurredAt: '2026-11-23T10:00' }, now);
    expect(a).toMatchObject({ ok: true, data: { severity: 'critical', hold: true } });
    const open = getDb().select().from(schema.holds).where(eq(schema.holds.productionId, s.production.id)).all();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ source: 'rule1', liftedAt: null });
    const producerNotes = getDb().select().from(schema.notifications).where(eq(schema.notifications.userId, s.actors.producer.userId)).all();
    expect(producerNotes.some((n) => n.kind === 'critical_incident')).toBe(true);

    const b = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'accidental_discharge', description: 'Second one', location: 'Ranch', occurredAt: '2026-11-24T07:00' }, now);
    expect(b.ok).toBe(true);
    expect(getDb().select().from(schema.holds).where(eq(schema.holds.productionId, s.production.id)).all()).toHaveLength(1);
    expect(getDb().select().from(schema.holdIncidents).all()).toHaveLength(2);
    expect(getDb().select().from(schema.ruleFlags).all()).toHaveLength(1);
  });

  it('anonymous filings store no user and no time finer than the day', () => {
    const id = randomUUID();
    write((tx) =>
      fileIncidentTx(tx, { productionId: s.production.id, timeZone: 'America/Denver', reporter: null, now: new Date('2026-11-24T21:37:12Z'), receiptHash: 'h'.repeat(64) }, { id, type: 'unsafe_condition', description: 'Guns left on a cart', location: 'Church set' }),
    );
    const row = getDb().select().from(schema.incidents).where(eq(schema.incidents.id, id)).get()!;
    expect(row.reporterId).toBeNull();
    expect(row.reportedAt.toISOString()).toBe('2026-11-24T07:00:00.000Z');
    const audit = getDb().select().from(schema.auditLog).where(eq(schema.auditLog.entityId, id)).all();
    expect(audit.every((e) => e.actorId === null && e.at.toISOString().endsWith('T07:00:00.000Z'))).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('h'.repeat(64));
  });
});
