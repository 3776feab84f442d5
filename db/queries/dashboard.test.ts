// Dashboard queries against a seeded temporary database with hand-counted answers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-dash-'));
process.env.DATABASE_PATH = path.join(dir, 'setsafe.db');

const { getDb, getSqlite } = await import('@/db/client');
const S = await import('@/db/schema');
const Q = await import('./dashboard');
type Role = import('@/app/lib/enums').Role;
type Production = import('@/db/schema').Production;

// Wednesday 18 Nov 2026, 13:00 in Denver (MST, UTC-7): today = 2026-11-18, began 07:00Z.
const NOW = new Date('2026-11-18T20:00:00Z');
const Z = (s: string) => new Date(s);

const id = () => randomUUID();
const U = { prod: id(), arm: id(), arm2: id(), crew: id(), aud: id(), actor: id(), other: id() };
let P1: Production;
let P2: Production;
const I: Record<string, string> = {};

function actor(role: Role, userId: string, p: Production = P1) {
  return { role, userId, productionId: p.id, production: p };
}

beforeAll(() => {
  const db = getDb();
  const t0 = Z('2026-10-01T00:00:00Z');
  const mkProd = (title: string): Production => {
    const p: Production = { id: id(), title, company: 'Co', locations: '', startDate: null, endDate: null, timeZone: 'America/Denver', phase: 'shooting', reportToken: id(), reportTokenRotatedAt: null, requireTwoFactor: false, jurisdiction: 'federal', createdAt: t0 };
    db.insert(S.productions).values(p).run();
    return p;
  };
  P1 = mkProd('Dash One');
  P2 = mkProd('Dash Two');
  const names: Record<string, string> = { prod: 'Priya Producer', arm: 'Ana Armorer', arm2: 'Bo Backup-Armorer', crew: 'Cody Camera', aud: 'Aldo Auditor', actor: 'Cal Actor', other: 'Olive Other' };
  for (const [k, uid] of Object.entries(U)) db.insert(S.users).values({ id: uid, email: `${k}@t.test`, name: names[k], passwordHash: null, createdAt: t0 }).run();
  const member = (p: Production, userId: string, role: Role, positions: string[] = []) =>
    db.insert(S.memberships).values({ id: id(), productionId: p.id, userId, role, positions, createdAt: t0 }).run();
  member(P1, U.prod, 'producer');
  member(P1, U.arm, 'armorer', ['props']); // FP4: flagged
  member(P1, U.arm2, 'armorer', []); // not flagged
  member(P1, U.crew, 'crew', ['camera']);
  member(P1, U.aud, 'auditor');
  member(P1, U.actor, 'crew', ['actor']);
  member(P2, U.other, 'producer');
  member(P2, U.arm, 'armorer', ['props', 'other']);

  let n = 0;
  const inc = (key: string, p: Production, v: Partial<typeof S.incidents.$inferInsert> & { type: (typeof S.incidents.$inferInsert)['type'] }) => {
    I[key] = id();
    db.insert(S.incidents)
      .values({ id: I[key], productionId: p.id, number: ++n, location: 'Stage', description: key, reportedAt: v.occurredAt ?? t0, updatedAt: t0, ...v })
      .run();
  };
  inc('i1', P1, { type: 'near_miss', severity: 'high', status: 'reported', occurredAt: Z('2026-11-02T18:00:00Z'), reportedAt: Z('2026-11-02T19:00:00Z'), reporterId: U.crew });
  inc('i2', P1, { type: 'accidental_discharge', severity: 'critical', status: 'investigating', ownerId: U.prod, occurredAt: Z('2026-11-10T20:00:00Z'), reportedAt: Z('2026-11-10T20:05:00Z') });
  inc('i3', P1, { type: 'injury', severity: 'medium', status: 'action_required', occurredAt: Z('2026-11-17T15:00:00Z'), reportedAt: Z('2026-11-17T16:00:00Z') });
  inc('i4', P1, { type: 'injury', severity: 'low', status: 'closed', ownerId: U.prod, occurredAt: Z('2026-11-01T15:00:00Z'), reportedAt: Z('2026-11-01T16:00:00Z') });
  inc('i5', P1, { type: 'injury', severity: 'high', status: 'reported', ownerId: U.prod, occurredAt: Z('2026-11-18T10:00:00Z'), reportedAt: Z('2026-11-18T10:30:00Z') });
  inc('i6', P1, { type: 'unsafe_condition', severity: 'unrated', status: 'closed', occurredAt: Z('2026-11-02T18:00:00Z'), reportedAt: Z('2026-11-02T18:30:00Z') });
  // Anonymous: no time given, filed at the start of the local day (Monday 16 Nov, 00:00 MST).
  inc('i7', P1, { type: 'other', severity: 'low', status: 'reported', anonymous: true, occurredAt: null, reportedAt: Z('2026-11-16T07:00:00Z') });
  inc('i8', P1, { type: 'misfire_malfunction', severity: 'high', status: 'closed', ownerId: U.arm, occurredAt: Z('2026-11-12T18:00:00Z'), reportedAt: Z('2026-11-12T18:10:00Z') });
  inc('i9', P1, { type: 'injury', severity: 'medium', status: 'closed', ownerId: U.prod, occurredAt: Z('2026-10-20T18:00:00Z'), reportedAt: Z('2026-10-20T18:10:00Z') });
  inc('x1', P2, { type: 'live_ammunition_found', severity: 'critical', status: 'reported', occurredAt: Z('2026-11-17T18:00:00Z'), reportedAt: Z('2026-11-17T18:00:00Z') });
  inc('x2', P2, { type: 'injury', severity: 'high', status: 'reported', occurredAt: Z('2026-11-01T18:00:00Z'), reportedAt: Z('2026-11-01T18:00:00Z') });
  getSqlite().prepare('update incidents set duplicate_of_id = ? where id = ?').run(I.i1, I.i6);

  const injury = (key: string, v: Partial<typeof S.injuredPeople.$inferInsert>) =>
    db.insert(S.injuredPeople).values({ id: id(), incidentId: I[key], ordinal: 1, updatedAt: t0, employeeName: 'Private Person', ...v }).run();
  injury('i3', { hospitalizedInpatient: true }); // OSHA 24 h from 17 Nov 15:00Z → overdue at 18 Nov 20:00Z
  injury('i4', {}); // Form 301 due 8 Nov (7 days from 1 Nov) → overdue (closed does not stop the clock)
  injury('i5', { died: true }); // OSHA 8 h from 18 Nov 10:00Z → overdue at 20:00Z
  injury('i9', { amputation: true, oshaReportedAt: Z('2026-10-21T01:00:00Z'), form301CompletedAt: Z('2026-10-22T00:00:00Z') }); // all done
  injury('x2', {}); // other production: not counted

  const hold = (p: Production, calledAt: string, lifted?: string) =>
    db.insert(S.holds).values({ id: id(), productionId: p.id, source: 'manual', calledById: U.crew, calledAt: Z(calledAt), reason: `hold ${calledAt}`, liftedAt: lifted ? Z(lifted) : null, liftedById: lifted ? U.prod : null, resolution: lifted ? 'done' : null }).run();
  hold(P1, '2026-11-17T15:00:00Z');
  hold(P1, '2026-11-10T15:00:00Z', '2026-11-10T18:00:00Z');
  hold(P2, '2026-11-17T18:05:00Z');

  const ca = (p: Production, key: string, what: string, due: string, done?: string) =>
    db.insert(S.correctiveActions).values({ id: id(), productionId: p.id, incidentId: I[key], what, ownerId: U.arm, dueDate: due, createdById: U.prod, createdAt: t0, doneAt: done ? Z(done) : null, doneById: done ? U.arm : null }).run();
  ca(P1, 'i2', 'Re-train on cold-gun call', '2026-11-17');
  ca(P1, 'i2', 'Due today: not overdue', '2026-11-18');
  ca(P1, 'i1', 'Done in time', '2026-11-10', '2026-11-09T12:00:00Z');
  ca(P1, 'i1', 'Lock the prop truck safe', '2026-11-01');
  ca(P2, 'x1', 'Other show action', '2026-11-01');

  db.insert(S.ruleFlags).values({ id: id(), productionId: P1.id, rule: 'rule3', windowStart: Z('2026-11-02T18:00:00Z'), windowEnd: Z('2026-11-09T18:00:00Z'), incidentIds: [I.i2, I.i1], createdAt: Z('2026-11-10T20:05:00Z') }).run();

  const F: Record<string, string> = {};
  for (const [k, p] of [['f1', P1], ['f2', P1], ['f3', P1], ['f4', P1], ['g1', P2]] as const) {
    F[k] = id();
    db.insert(S.firearms).values({ id: F[k], productionId: p.id, tag: k.toUpperCase(), make: 'Pietta', model: '1873', kind: 'blank_firing', createdAt: t0 }).run();
  }
  db.insert(S.incidentFirearms).values({ incidentId: I.i7, firearmId: F.f1 }).run();

  const check = (p: Production, f: string, at: string, witnessConfirmed: (string | null)[], result: 'pass' | 'fail' = 'pass') => {
    const cid = id();
    db.insert(S.firearmChecks).values({ id: cid, productionId: p.id, firearmId: F[f], phase: 'before_use', scene: `sc ${at}`, checklist: { boreClear: true }, result, performedById: U.arm, performedAt: Z(at) }).run();
    witnessConfirmed.forEach((c, k) => db.insert(S.checkWitnesses).values({ checkId: cid, userId: [U.actor, U.crew, U.prod][k], confirmedAt: c ? Z(c) : null }).run());
    return cid;
  };
  const handoff = (p: Production, f: string, checkId: string, at: string, returned?: string) =>
    db.insert(S.handoffs).values({ id: id(), productionId: p.id, firearmId: F[f], checkId, fromId: U.arm, toId: U.actor, scene: 'sc', handedAt: Z(at), returnedAt: returned ? Z(returned) : null, receivedById: returned ? U.arm : null }).run();
  // F1: an earlier use returned at 14:00, then a fresh check and a hand-off still out (today).
  const c6 = check(P1, 'f1', '2026-11-18T11:00:00Z', ['2026-11-18T11:05:00Z']);
  handoff(P1, 'f1', c6, '2026-11-18T12:00:00Z', '2026-11-18T14:00:00Z'); // valid
  const c1 = check(P1, 'f1', '2026-11-18T15:00:00Z', ['2026-11-18T15:05:00Z']);
  handoff(P1, 'f1', c1, '2026-11-18T15:10:00Z'); // valid, out now
  // F2: handed out yesterday and never returned: not back at the end of the day.
  const c2 = check(P1, 'f2', '2026-11-17T15:00:00Z', ['2026-11-17T15:05:00Z']);
  handoff(P1, 'f2', c2, '2026-11-17T15:10:00Z'); // valid, overdue
  // F3: a witness never confirmed; another witness confirmed only after the hand-off.
  const c3 = check(P1, 'f3', '2026-11-16T15:00:00Z', [null]);
  handoff(P1, 'f3', c3, '2026-11-16T15:10:00Z', '2026-11-16T20:00:00Z'); // invalid
  const c5 = check(P1, 'f3', '2026-11-18T16:00:00Z', ['2026-11-18T16:30:00Z']);
  handoff(P1, 'f3', c5, '2026-11-18T16:10:00Z', '2026-11-18T17:00:00Z'); // invalid
  // F4: a check reused after the weapon came back.
  const c7 = check(P1, 'f4', '2026-11-15T10:00:00Z', ['2026-11-15T10:05:00Z']);
  handoff(P1, 'f4', c7, '2026-11-15T10:10:00Z', '2026-11-15T12:00:00Z'); // valid
  handoff(P1, 'f4', c7, '2026-11-15T13:00:00Z', '2026-11-15T14:00:00Z'); // invalid: check older than the last return
  // A failed check awaiting a witness too (counts as pending witness, newer than c3).
  check(P1, 'f4', '2026-11-18T09:00:00Z', [null, '2026-11-18T09:10:00Z'], 'fail');
  // A check its witness declined ("I did not see this check"): refused by rule 2, awaited by no one.
  const c8 = check(P1, 'f2', '2026-11-18T08:00:00Z', []);
  db.insert(S.checkWitnesses).values({ checkId: c8, userId: U.crew, confirmedAt: null, declinedAt: Z('2026-11-18T08:05:00Z') }).run();
  db.insert(S.refusedHandoffs).values({ id: id(), productionId: P1.id, firearmId: F.f3, attemptedById: U.prod, toId: U.actor, scene: 'sc', reasons: ['not armorer'], at: Z('2026-11-17T16:00:00Z') }).run();
  // Other production: out overnight and refused, never counted here.
  const g = check(P2, 'g1', '2026-11-16T15:00:00Z', [null]);
  handoff(P2, 'g1', g, '2026-11-16T15:10:00Z');
  db.insert(S.refusedHandoffs).values({ id: id(), productionId: P2.id, firearmId: F.g1, attemptedById: U.other, scene: 'sc', reasons: ['x'], at: Z('2026-11-17T16:00:00Z') }).run();
});

afterAll(() => {
  getSqlite().close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('dashboard queries (seeded, hand-counted)', () => {
  it('are refused to crew on the server', () => {
    expect(() => Q.listOpenHolds(actor('crew', U.crew))).toThrow(/does not allow/);
    expect(() => Q.productionSummary(actor('crew', U.crew), NOW)).toThrow(/does not allow/);
  });

  it('open holds: only the standing one of this production', () => {
    const h = Q.listOpenHolds(actor('producer', U.prod));
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ reason: 'hold 2026-11-17T15:00:00Z', calledBy: 'Cody Camera', concurred: false });
  });

  it('overdue corrective actions: due before today (local), not done, oldest first', () => {
    const r = Q.overdueCorrectiveActions(actor('producer', U.prod), NOW);
    expect(r.count).toBe(2);
    expect(r.items.map((i) => i.what)).toEqual(['Lock the prop truck safe', 'Re-train on cold-gun call']);
    expect(r.items[0]).toMatchObject({ dueDate: '2026-11-01', owner: 'Ana Armorer' });
    // At 23:30 local on 17 Nov (06:30Z on the 18th) the action due on the 17th is not yet overdue.
    expect(Q.overdueCorrectiveActions(actor('producer', U.prod), Z('2026-11-18T06:30:00Z')).count).toBe(1);
  });

  it('overdue legal deadlines: death 8 h, hospitalisation 24 h, Form 301 7 days', () => {
    const r = Q.overdueLegalDeadlines(actor('producer', U.prod), NOW);
    expect(r.count).toBe(3);
    expect(r.items.map((i) => [i.incidentId, i.deadlines.map((d) => d.key)])).toEqual([
      [I.i4, ['form_301']],
      [I.i3, ['osha_24h']],
      [I.i5, ['osha_8h']],
    ]);
    // An injury section on a duplicate report does not count (the original carries the clocks).
    // One hour earlier the death report (due 18:00Z) is not yet late.
    expect(Q.overdueLegalDeadlines(actor('producer', U.prod), Z('2026-11-18T17:59:00Z')).items.map((i) => i.incidentId)).toEqual([I.i4, I.i3]);
  });

  it('rule-3 flags with their incident numbers', () => {
    const r = Q.listRuleFlags(actor('producer', U.prod));
    expect(r.count).toBe(1);
    expect(r.items[0].incidents.map((i) => i.number)).toEqual([1, 2]);
  });

  it('open incidents by severity and by type (closed and duplicates left out)', () => {
    expect(Q.openIncidentsBySeverity(actor('auditor', U.aud))).toEqual({ unrated: 0, low: 1, medium: 1, high: 2, critical: 1 });
    const t = Q.openIncidentsByType(actor('armorer', U.arm));
    expect(t).toMatchObject({ near_miss: 1, accidental_discharge: 1, injury: 2, other: 1, unsafe_condition: 0, misfire_malfunction: 0 });
  });

  it('incidents per week: local Monday weeks, firearm-related apart, exact at midnight', () => {
    const w = Q.incidentsPerWeek(actor('producer', U.prod), NOW, 12);
    expect(w).toHaveLength(12);
    expect(w[11]).toMatchObject({ week: '2026-11-16', total: 3, firearm: 1, other: 2 });
    expect(w[10]).toMatchObject({ week: '2026-11-09', total: 2, firearm: 2, other: 0 });
    expect(w[9]).toMatchObject({ week: '2026-11-02', total: 1, firearm: 0 });
    expect(w[8]).toMatchObject({ week: '2026-10-26', total: 1 }); // Sunday 1 Nov 08:00 local belongs to the week of 26 Oct
    expect(w[7]).toMatchObject({ week: '2026-10-19', total: 1 });
    expect(w.reduce((n, x) => n + x.total, 0)).toBe(8);
  });

  it('check compliance = valid hand-offs ÷ (hand-offs + refused attempts)', () => {
    expect(Q.checkCompliance(actor('producer', U.prod), new Date(0))).toEqual({ handoffs: 7, valid: 4, refused: 1, ratio: 0.5 });
    // Since 17 Nov 00:00 local (07:00Z): F1 ×2, F2, F3 (late witness) and the refusal.
    expect(Q.checkCompliance(actor('producer', U.prod), Z('2026-11-17T07:00:00Z'))).toEqual({ handoffs: 4, valid: 3, refused: 1, ratio: 0.6 });
  });

  it('checks still missing a witness, oldest first, naming who (a witness who declined is not awaited)', () => {
    const r = Q.checksMissingWitness(actor('producer', U.prod));
    expect(r.count).toBe(2);
    expect(r.items.map((i) => [i.firearmTag, i.pending])).toEqual([
      ['F3', ['Cal Actor']],
      ['F4', ['Cal Actor']],
    ]);
  });

  it('weapons not back: out since before today is overdue, out today is out now', () => {
    const r = Q.weaponsNotBack(actor('producer', U.prod), NOW);
    expect(r).toMatchObject({ overdue: 1, outNow: 1 });
    expect(r.items.map((i) => [i.tag, i.overdue, i.holder])).toEqual([
      ['F2', true, 'Cal Actor'],
      ['F1', false, 'Cal Actor'],
    ]);
  });

  it('flags an armorer holding any other position (FP4), props included', () => {
    expect(Q.armorersWithOtherPositions(actor('producer', U.prod))).toEqual([{ userId: U.arm, name: 'Ana Armorer', positions: ['props'] }]);
    expect(Q.armorersWithOtherPositions(actor('producer', U.other, P2))[0].positions).toEqual(['props', 'other']);
  });

  it('oldest unassigned open reports first', () => {
    const r = Q.oldestUnassigned(actor('producer', U.prod));
    expect(r.count).toBe(3);
    expect(r.items.map((i) => i.id)).toEqual([I.i1, I.i7, I.i3]);
    expect(r.items[1].anonymous).toBe(true);
  });

  it('the cross-production summary keeps each production to itself', () => {
    expect(Q.productionSummary(actor('producer', U.prod), NOW)).toEqual({
      openHolds: 1, overdueActions: 2, overdueDeadlines: 3, ruleFlags: 1, openIncidents: 5, openCritical: 1,
      weaponsOverdue: 1, checksPendingWitness: 2, unassigned: 3, armorerDoubling: 1,
    });
    expect(Q.productionSummary(actor('producer', U.other, P2), NOW)).toEqual({
      openHolds: 1, overdueActions: 1, overdueDeadlines: 1, ruleFlags: 0, openIncidents: 2, openCritical: 1,
      weaponsOverdue: 1, checksPendingWitness: 1, unassigned: 2, armorerDoubling: 1,
    });
  });
});
