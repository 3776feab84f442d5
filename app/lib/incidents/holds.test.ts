import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
const { getDb } = await import('@/db/client');
const schema = await import('@/db/schema');
const { and, eq } = await import('drizzle-orm');
const { fileIncidentCore } = await import('./core');
const { callHoldCore, concurHoldCore, liftHoldCore } = await import('./holds');

type Seed = Awaited<ReturnType<typeof seedProduction>>;
let s: Seed;
const now = new Date('2026-11-24T15:00:00Z');
const why = 'Checked every chamber with the armorer; the ammunition lot was replaced.';

beforeEach(async () => {
  s = await seedProduction(); // a fresh production per test: one hold stands at a time
});

const holdsOf = () => getDb().select().from(schema.holds).where(eq(schema.holds.productionId, s.production.id)).all();
const notes = (userId: string, kind: string) => getDb().select().from(schema.notifications).where(and(eq(schema.notifications.userId, userId), eq(schema.notifications.kind, kind as 'hold_called'))).all();
const audit = (holdId: string) => getDb().select().from(schema.auditLog).where(and(eq(schema.auditLog.entity, 'hold'), eq(schema.auditLog.entityId, holdId))).all().map((a) => a.action);

function rule1Hold() {
  const res = fileIncidentCore(s.actors.actor, { id: randomUUID(), type: 'accidental_discharge', description: 'Went off on the draw', location: 'Church set' }, now);
  expect(res).toMatchObject({ ok: true, data: { hold: true } });
  return holdsOf()[0];
}

describe('calling a hold', () => {
  it('any member but an auditor calls one; everyone is told; it is audited', () => {
    expect(callHoldCore(s.actors.auditor, { reason: 'Looks unsafe' }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    const res = callHoldCore(s.actors.crew, { reason: 'Walkway over the rig is loose' }, now);
    expect(res.ok).toBe(true);
    const [h] = holdsOf();
    expect(h).toMatchObject({ source: 'manual', calledById: s.actors.crew.userId, liftedAt: null, reason: 'Walkway over the rig is loose' });
    for (const who of ['producer', 'producer2', 'armorer', 'auditor', 'actor'] as const) expect(notes(s.actors[who].userId, 'hold_called')).toHaveLength(1);
    expect(notes(s.actors.crew.userId, 'hold_called')).toHaveLength(0);
    expect(audit(h.id)).toEqual(['hold.call']);
  });
  it('one stands at a time; a reason is required', () => {
    expect(callHoldCore(s.actors.crew, { reason: '' }, now)).toMatchObject({ ok: false, code: 'invalid' });
    expect(callHoldCore(s.actors.crew, { reason: 'Loose rigging' }, now).ok).toBe(true);
    expect(callHoldCore(s.actors.armorer, { reason: 'Second one' }, now)).toMatchObject({ ok: false, code: 'conflict' });
    expect(holdsOf()).toHaveLength(1);
  });
});

describe('lifting a hold (rule 5)', () => {
  it('crew and the armorer cannot lift; nothing changes', () => {
    callHoldCore(s.actors.crew, { reason: 'Loose rigging' }, now);
    const [h] = holdsOf();
    expect(liftHoldCore(s.actors.crew, { holdId: h.id, resolution: why }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(liftHoldCore(s.actors.armorer, { holdId: h.id, resolution: why }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(liftHoldCore(s.actors.auditor, { holdId: h.id, resolution: why }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(holdsOf()[0]).toEqual(h);
  });
  it('a producer lifts a manual hold in writing; everyone is told', () => {
    callHoldCore(s.actors.crew, { reason: 'Loose rigging' }, now);
    const [h] = holdsOf();
    expect(liftHoldCore(s.actors.producer, { holdId: h.id, resolution: 'fixed' }, now)).toMatchObject({ ok: false, code: 'invalid' });
    expect(liftHoldCore(s.actors.producer, { holdId: h.id, resolution: why }, now).ok).toBe(true);
    expect(holdsOf()[0]).toMatchObject({ liftedById: s.actors.producer.userId, resolution: why });
    expect(notes(s.actors.crew.userId, 'hold_lifted')).toHaveLength(1);
    expect(notes(s.actors.auditor.userId, 'hold_lifted')).toHaveLength(1);
    expect(liftHoldCore(s.actors.producer2, { holdId: h.id, resolution: why }, now).ok).toBe(false); // lifted once
    expect(audit(h.id)).toEqual(['hold.call', 'hold.lift']);
  });
  it('a rule-1 hold needs the armorer’s concurrence before a producer lifts it', () => {
    const h = rule1Hold();
    const alone = liftHoldCore(s.actors.producer, { holdId: h.id, resolution: why }, now);
    expect(alone).toMatchObject({ ok: false, code: 'refused' });
    expect(!alone.ok && alone.message).toMatch(/concurrence/);
    expect(holdsOf()[0].liftedAt).toBeNull();
    expect(concurHoldCore(s.actors.crew, { holdId: h.id }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(concurHoldCore(s.actors.armorer, { holdId: h.id, note: 'All weapons inspected' }, now).ok).toBe(true);
    expect(concurHoldCore(s.actors.producer2, { holdId: h.id }, now).ok).toBe(false); // once
    expect(liftHoldCore(s.actors.producer, { holdId: h.id, resolution: why }, now).ok).toBe(true);
    expect(audit(h.id)).toEqual(['hold.call', 'hold.concur', 'hold.lift']);
  });
  it('or a second producer’s — but the producer who concurred cannot also lift', () => {
    const h = rule1Hold();
    expect(concurHoldCore(s.actors.producer2, { holdId: h.id }, now).ok).toBe(true);
    expect(liftHoldCore(s.actors.producer2, { holdId: h.id, resolution: why }, now)).toMatchObject({ ok: false, code: 'refused' });
    expect(liftHoldCore(s.actors.producer, { holdId: h.id, resolution: why }, now).ok).toBe(true);
  });
  it('a manual hold needs no concurrence, and none can be recorded on it', () => {
    callHoldCore(s.actors.crew, { reason: 'Loose rigging' }, now);
    const [h] = holdsOf();
    expect(concurHoldCore(s.actors.armorer, { holdId: h.id }, now).ok).toBe(false);
  });
  it('holds are never overwritten: the history keeps every one', () => {
    const first = rule1Hold();
    concurHoldCore(s.actors.armorer, { holdId: first.id }, now);
    liftHoldCore(s.actors.producer, { holdId: first.id, resolution: why }, now);
    callHoldCore(s.actors.crew, { reason: 'Smoke in the stage' }, new Date(now.getTime() + 60_000));
    const all = holdsOf();
    expect(all).toHaveLength(2);
    expect(all.find((x) => x.id === first.id)).toMatchObject({ resolution: why, source: 'rule1' });
  });
  it('another production’s hold is not found', async () => {
    const other = await seedProduction({ title: 'Other' });
    callHoldCore(s.actors.crew, { reason: 'Loose rigging' }, now);
    const [h] = holdsOf();
    expect(liftHoldCore(other.actors.producer, { holdId: h.id, resolution: why }, now)).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('a hold called by hand that a rule-1 report joins (rule 5)', () => {
  const joined = (type: 'accidental_discharge' | 'live_ammunition_found') => {
    expect(callHoldCore(s.actors.crew, { reason: 'Cart of weapons left open by the stage door' }, now).ok).toBe(true);
    const res = fileIncidentCore(s.actors.crew, { id: randomUUID(), type, description: 'Found in the dummy box', location: 'Stage 4' }, now);
    expect(res).toMatchObject({ ok: true, data: { hold: true } });
    const [h] = holdsOf();
    expect(h.source).toBe('manual');
    expect(getDb().select().from(schema.holdIncidents).where(eq(schema.holdIncidents.holdId, h.id)).all()).toHaveLength(1);
    return h;
  };

  for (const type of ['live_ammunition_found', 'accidental_discharge'] as const) {
    it(`one producer alone cannot lift it once a ${type} report joined; nothing changes`, () => {
      const h = joined(type);
      const res = liftHoldCore(s.actors.producer, { holdId: h.id, resolution: why }, now);
      expect(res).toMatchObject({ ok: false, code: 'refused' });
      expect(res.ok ? '' : res.message).toMatch(/concurrence first/);
      expect(holdsOf()[0]).toEqual(h);
      expect(audit(h.id)).toEqual(['hold.call', 'hold.join']);
    });
  }

  it('the producer who concurred cannot lift it; a second producer can, after that concurrence', () => {
    const h = joined('live_ammunition_found');
    expect(concurHoldCore(s.actors.producer, { holdId: h.id, note: 'Box bagged' }, now).ok).toBe(true);
    expect(liftHoldCore(s.actors.producer, { holdId: h.id, resolution: why }, now)).toMatchObject({ ok: false, code: 'refused' });
    expect(holdsOf()[0].liftedAt).toBeNull();
    expect(liftHoldCore(s.actors.producer2, { holdId: h.id, resolution: why }, now).ok).toBe(true);
    expect(holdsOf()[0]).toMatchObject({ liftedById: s.actors.producer2.userId, concurredById: s.actors.producer.userId });
    expect(audit(h.id)).toEqual(['hold.call', 'hold.join', 'hold.concur', 'hold.lift']);
  });

  it('a hold joined only by other reports still lifts with one producer', () => {
    expect(callHoldCore(s.actors.crew, { reason: 'Loose rigging' }, now).ok).toBe(true);
    const [h] = holdsOf();
    expect(concurHoldCore(s.actors.armorer, { holdId: h.id }, now)).toMatchObject({ ok: false, code: 'refused' });
    expect(liftHoldCore(s.actors.producer, { holdId: h.id, resolution: why }, now).ok).toBe(true);
  });
});
