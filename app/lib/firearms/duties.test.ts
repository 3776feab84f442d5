// Rule 9 through the cores, against a temp database: a hand-out refused while the setup's plan
// records a custodian on another duty (recorded like rule 2's refusals), the property master
// receiving and collecting a weapon, and the producer's decision on an armorer with another
// position, which never clears that refusal.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';
import type { Position } from '../enums';

createTempDatabase();
const { getDb } = await import('@/db/client');
const t = await import('@/db/schema');
const { eq } = await import('drizzle-orm');
const { createFirearm } = await import('./inventory');
const { recordCheck, confirmWitness } = await import('./checks');
const { handOff, recordReturn } = await import('./custody');
const { recordMeeting } = await import('./meetings');
const { createScenePlan, signPlanAsArmorer, signPlanAsAdvisor, approveScenePlan, recordQualification } = await import('./scene-plans');
const { decideArmorerDuties, revokeDutyDecision } = await import('./duties');
const { allChecked, crewMember, ok } = await import('../testing/world');

type Seed = Awaited<ReturnType<typeof seedProduction>>;
let s: Seed;
let advisor: ReturnType<typeof crewMember>;
let pm: ReturnType<typeof crewMember>;
let propsHand: ReturnType<typeof crewMember>;
let clock = new Date('2026-11-24T15:00:00Z').getTime();
const tick = () => new Date((clock += 60_000));
const db = () => getDb();
let revolver: string;

const member = (email: string, name: string, positions: Position[]) => crewMember(s.production.id, { email, name, positions }, new Date(clock));

function approvedPlan(scene: string, handlerId: string, duties: { userId: string; duty: string }[]) {
  const id = ok(
    createScenePlan(
      s.actors.armorer,
      {
        id: randomUUID(),
        scene,
        action: 'Cal draws and holds the revolver on the door; no shot.',
        weapons: [{ firearmId: revolver, handlerId, load: 'none', rounds: 0 }],
        lineOfFire: 'Toward the barn door; nobody forward of the actor.',
        protection: 'Eye protection within 20 ft.',
        replicaConsidered: 'The close-up shows the cylinder; the wide uses a replica.',
        riskAssessment: 'Cold weapon, no rounds; armorer beside the actor.',
        duties,
      },
      tick(),
    ),
  ).id;
  ok(signPlanAsArmorer(s.actors.armorer, { planId: id }, tick()));
  ok(signPlanAsAdvisor(advisor, { planId: id }, tick()));
  ok(approveScenePlan(s.actors.producer, { planId: id }, tick()));
  return id;
}
function checked(scene: string) {
  const c = ok(recordCheck(s.actors.armorer, { id: randomUUID(), firearmId: revolver, phase: 'before_use', scene, checklist: allChecked('before_use'), result: 'pass', findings: '', witnessIds: [s.actors.ad.userId] }, tick()));
  ok(confirmWitness(s.actors.ad, { checkId: c.id }, tick()));
}
const give = (scene: string, toUserId: string, id = randomUUID()) => handOff(s.actors.armorer, { id, firearmId: revolver, toUserId, scene, ammoLotId: '', roundsOut: 0 }, tick());
const status = () => db().select().from(t.firearms).where(eq(t.firearms.id, revolver)).get()!.status;

beforeAll(async () => {
  s = await seedProduction({ now: new Date(clock) });
  advisor = member('advisor@duties.local', 'Ada Advisor', ['safety_advisor']);
  pm = member('pm@duties.local', 'Pam Propmaster', ['property_master']);
  propsHand = member('props@duties.local', 'Pip Props', ['props']);
  revolver = ok(createFirearm(s.actors.armorer, { tag: 'R-9', make: 'Uberti', model: '1873', serial: '', kind: 'blank_firing', status: 'locked_up', notes: '' }, tick())).id;
  for (const who of [s.actors.actor.userId, pm.userId])
    ok(recordQualification(s.actors.producer, { id: randomUUID(), userId: who, kind: 'firearms_safety_training', issuer: 'Course', reference: '', issuedOn: '2026-01-05', expiresOn: '2027-01-05' }, tick()));
  ok(recordMeeting(s.actors.armorer, { id: randomUUID(), date: '2026-11-24', scene: '20A, 20B, 20C', firearmsOnSet: true, blanksInUse: false, topics: '', attendeeIds: [s.actors.actor.userId] }, tick()));
});

describe('rule 9: a hand-out while the plan records a custodian on another duty', () => {
  it('is refused and recorded like rule 2: nothing moves, a refused row, a custody-breach report, an audit entry', () => {
    approvedPlan('20A', s.actors.actor.userId, [{ userId: s.actors.armorer.userId, duty: 'props' }]);
    checked('20A');
    const id = randomUUID();
    const res = give('20A', s.actors.actor.userId, id);
    expect(res).toMatchObject({ ok: false, code: 'refused', message: expect.stringContaining('records the armorer on another duty') });
    expect(status()).toBe('locked_up');
    const row = db().select().from(t.refusedHandoffs).where(eq(t.refusedHandoffs.id, id)).get()!;
    expect(row.reasons).toEqual(['armorer_other_duty']);
    const incident = db().select().from(t.incidents).where(eq(t.incidents.id, row.incidentId!)).get()!;
    expect(incident.type).toBe('custody_breach');
    expect(incident.description).toContain('(rule 9)');
    const entry = db().select().from(t.auditLog).where(eq(t.auditLog.entityId, id)).get()!;
    expect(entry.action).toBe('handoff.refused');
  });

  it('a producer’s decision on the armorer’s other position does not clear that refusal', () => {
    ok(decideArmorerDuties(s.actors.producer, { id: randomUUID(), userId: s.actors.armorer.userId, reason: 'Props work is covered by Pip whenever weapons are out.' }, tick()));
    expect(give('20A', s.actors.actor.userId)).toMatchObject({ ok: false, code: 'refused' });
    expect(status()).toBe('locked_up');
  });

  it('a new plan that gives the duty to someone else clears it', () => {
    approvedPlan('20A', s.actors.actor.userId, [{ userId: propsHand.userId, duty: 'props' }]);
    const res = give('20A', s.actors.actor.userId);
    expect(res.ok).toBe(true);
    expect(status()).toBe('checked_out');
  });
});

describe('custodians: the property master receives and collects (§9153(a)(1)–(2))', () => {
  let handoffId: string;
  it('only a property master or an assistant collects, besides the armorer', () => {
    const open = db().select().from(t.handoffs).where(eq(t.handoffs.firearmId, revolver)).all().find((h) => !h.returnedAt)!;
    handoffId = open.id;
    const base = { handoffId, roundsBack: 0, afterCheckId: '', checkId: randomUUID(), checklist: allChecked('after_use'), result: 'pass' as const, findings: '' };
    const refused = recordReturn(s.actors.armorer, { ...base, collectedById: propsHand.userId }, tick());
    expect(refused).toMatchObject({ ok: false, fieldErrors: { collectedById: [expect.stringContaining('§9153(a)(2)')] } });
    expect(status()).toBe('checked_out');
    ok(recordReturn(s.actors.armorer, { ...base, checkId: randomUUID(), collectedById: pm.userId }, tick()));
    const h = db().select().from(t.handoffs).where(eq(t.handoffs.id, handoffId)).get()!;
    expect(h.receivedById).toBe(pm.userId);
    expect(status()).toBe('locked_up');
  });

  it('the property master receives a weapon named for them in the plan; recorded on another duty, they are refused', () => {
    approvedPlan('20B', pm.userId, []);
    checked('20B');
    expect(give('20B', pm.userId).ok).toBe(true);
    const open = db().select().from(t.handoffs).where(eq(t.handoffs.firearmId, revolver)).all().find((h) => !h.returnedAt)!;
    ok(recordReturn(s.actors.armorer, { handoffId: open.id, roundsBack: 0, afterCheckId: '', checkId: randomUUID(), checklist: allChecked('after_use'), result: 'pass', findings: '' }, tick()));
    approvedPlan('20C', pm.userId, [{ userId: pm.userId, duty: 'camera' }]);
    checked('20C');
    const res = give('20C', pm.userId);
    expect(res).toMatchObject({ ok: false, code: 'refused', message: expect.stringContaining('receiving property master') });
  });

  it('props crew (the generic position) still cannot receive a weapon', () => {
    expect(give('20C', propsHand.userId)).toMatchObject({ ok: false, message: expect.stringContaining('property master or assistant property master position') });
  });
});

describe('the producer’s decision on an armorer holding another position', () => {
  it('only a producer decides; the armorer and crew are refused', () => {
    for (const who of [s.actors.armorer, s.actors.crew, s.actors.auditor]) {
      expect(decideArmorerDuties(who, { id: randomUUID(), userId: s.actors.armorer.userId, reason: 'I decide this myself, thank you.' }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });
  it('needs a reason, and refuses a second decision over a standing one', () => {
    expect(decideArmorerDuties(s.actors.producer, { id: randomUUID(), userId: s.actors.armorer.userId, reason: 'ok' }, tick())).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
    expect(decideArmorerDuties(s.actors.producer, { id: randomUUID(), userId: s.actors.armorer.userId, reason: 'Covered by Pip while weapons are out.' }, tick())).toMatchObject({ ok: false, code: 'conflict' });
  });
  it('refuses a member who is not an armorer with another position', () => {
    expect(decideArmorerDuties(s.actors.producer, { id: randomUUID(), userId: pm.userId, reason: 'Not an armorer at all, so what?' }, tick())).toMatchObject({ ok: false, code: 'conflict' });
  });
  it('is revoked with a reason, audited, and then a new decision may be made', () => {
    const d = db().select().from(t.dutyDecisions).where(eq(t.dutyDecisions.userId, s.actors.armorer.userId)).get()!;
    expect(d.positions).toEqual(['props']);
    expect(revokeDutyDecision(s.actors.crew, { decisionId: d.id, reason: 'No.' }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    ok(revokeDutyDecision(s.actors.producer, { decisionId: d.id, reason: 'Pip left the show.' }, tick()));
    expect(revokeDutyDecision(s.actors.producer, { decisionId: d.id, reason: 'Again.' }, tick())).toMatchObject({ ok: false, code: 'conflict' });
    const actions = db().select().from(t.auditLog).where(eq(t.auditLog.entityId, d.id)).all().map((e) => e.action);
    expect(actions).toEqual(['duties.decide', 'duties.revoke']);
    ok(decideArmorerDuties(s.actors.producer, { id: randomUUID(), userId: s.actors.armorer.userId, reason: 'A second props hand joined for firearm days.' }, tick()));
  });
});
