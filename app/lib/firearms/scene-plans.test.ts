// Rule 8 through the cores, against a temp database: the plan's signatures and approval, the
// qualifications, and each refusal of a hand-out recorded like rule 2's (nothing moves, a
// refused_handoffs row, a custody-breach report, an audit entry).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
const { getDb } = await import('@/db/client');
const t = await import('@/db/schema');
const { eq } = await import('drizzle-orm');
const { createFirearm } = await import('./inventory');
const { createAmmoLot } = await import('./ammunition');
const { recordCheck, confirmWitness } = await import('./checks');
const { handOff } = await import('./custody');
const { recordMeeting } = await import('./meetings');
const { createScenePlan, signPlanAsArmorer, signPlanAsAdvisor, approveScenePlan, recordQualification } = await import('./scene-plans');
const { allChecked, crewMember, ok } = await import('../testing/world');

type Seed = Awaited<ReturnType<typeof seedProduction>>;
let s: Seed;
let advisor: ReturnType<typeof crewMember>;
let clock = new Date('2026-11-24T15:00:00Z').getTime();
const tick = () => new Date((clock += 60_000));
const db = () => getDb();

let revolver: string;
let blanks: string;
let dummies: string;

function plan(scene: string, weapons: { firearmId: string; handlerId: string; load: 'none' | 'dummy' | 'blank'; rounds: number }[]) {
  return createScenePlan(
    s.actors.armorer,
    {
      id: randomUUID(),
      scene,
      action: 'Cal draws and fires twice at the barn door.',
      weapons,
      lineOfFire: 'Toward the barn door; nobody forward of the actor.',
      protection: 'Shield for camera, eye and ear protection within 20 ft.',
      replicaConsidered: 'A replica cannot show the muzzle flash the shot needs; the wide shot uses the replica.',
      riskAssessment: 'Blanks at 20 ft minimum; armorer beside the actor; cold until called hot.',
    },
    tick(),
  );
}
function checked(firearmId: string, scene: string) {
  const c = ok(recordCheck(s.actors.armorer, { id: randomUUID(), firearmId, phase: 'before_use', scene, checklist: allChecked('before_use'), result: 'pass', findings: '', witnessIds: [s.actors.ad.userId] }, tick()));
  ok(confirmWitness(s.actors.ad, { checkId: c.id }, tick()));
}
const give = (firearmId: string, scene: string, extra: Partial<{ toUserId: string; ammoLotId: string; roundsOut: number }> = {}) =>
  handOff(s.actors.armorer, { id: randomUUID(), firearmId, toUserId: s.actors.actor.userId, scene, ammoLotId: '', roundsOut: 0, ...extra }, tick());
const qualify = (userId: string, expiresOn: string) =>
  recordQualification(s.actors.producer, { id: randomUUID(), userId, kind: 'firearms_safety_training', issuer: 'Studio safety course', reference: 'FS-1', issuedOn: '2026-01-05', expiresOn }, tick());

beforeAll(async () => {
  s = await seedProduction({ now: new Date(clock) });
  advisor = crewMember(s.production.id, { email: 'advisor@test.local', name: 'Ada Advisor', positions: ['safety_advisor'] }, new Date(clock));
  revolver = ok(createFirearm(s.actors.armorer, { tag: 'R-1', make: 'Uberti', model: '1873', serial: '', kind: 'blank_firing', status: 'locked_up', notes: '' }, tick())).id;
  const lot = (kind: 'blank' | 'dummy') =>
    ok(createAmmoLot(s.actors.armorer, { id: randomUUID(), kind, calibre: '.45 Colt', countOnHand: 30, supplier: 'Prop House', lotNumber: `${kind}-1`, paperworkRef: 'DN-1', verificationMethods: ['rattle'], verifiedCount: 1, receivedOn: '2026-11-23', inspected: true, inspectionNotes: '' }, tick())).id;
  blanks = lot('blank');
  dummies = lot('dummy');
  ok(recordMeeting(s.actors.armorer, { id: randomUUID(), date: '2026-11-24', scene: '12A', firearmsOnSet: true, blanksInUse: true, topics: '', attendeeIds: [s.actors.actor.userId] }, tick()));
});

describe('before any plan: rule 8 asks nothing', () => {
  it('a hand-out with a witnessed check on a meeting day goes out, as before', () => {
    checked(revolver, '12A');
    const res = give(revolver, '12A');
    expect(res.ok).toBe(true);
    // Back to the store for the next tests (a return needs its own core; the status is enough here).
    db().update(t.firearms).set({ status: 'locked_up' }).where(eq(t.firearms.id, revolver)).run();
    db().update(t.handoffs).set({ returnedAt: tick() }).where(eq(t.handoffs.firearmId, revolver)).run();
  });
});

describe('the plan: written, signed twice by two people, approved', () => {
  let planId: string;
  it('the armorer writes it; the handler must be one who may receive a weapon', () => {
    expect(plan('14B', [{ firearmId: revolver, handlerId: s.actors.crew.userId, load: 'blank', rounds: 6 }])).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { 'weapons.0.handlerId': [expect.any(String)] } });
    planId = ok(plan('14B', [{ firearmId: revolver, handlerId: s.actors.actor.userId, load: 'blank', rounds: 6 }])).id;
    expect(db().select().from(t.notifications).where(eq(t.notifications.userId, advisor.userId)).all().map((n) => n.kind)).toEqual(['scene_plan']);
  });
  it('crew, producers and auditors cannot write one', () => {
    for (const who of ['crew', 'producer', 'auditor'] as const) expect(createScenePlan(s.actors[who], {}, tick())).toMatchObject({ ok: false, code: 'forbidden' });
  });
  it('a producer cannot approve before both signatures', () => {
    expect(approveScenePlan(s.actors.producer, { planId }, tick())).toMatchObject({ ok: false, code: 'refused' });
    ok(signPlanAsArmorer(s.actors.armorer, { planId }, tick()));
    expect(approveScenePlan(s.actors.producer, { planId }, tick())).toMatchObject({ ok: false, code: 'refused' });
  });
  it('only a member holding the safety advisor position signs as the safety advisor', () => {
    expect(signPlanAsAdvisor(s.actors.actor, { planId }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(signPlanAsAdvisor(s.actors.producer, { planId }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    ok(signPlanAsAdvisor(advisor, { planId }, tick()));
    expect(signPlanAsAdvisor(advisor, { planId }, tick())).toMatchObject({ ok: false, code: 'conflict' });
  });
  it('the producer approves; every step is audited', () => {
    expect(approveScenePlan(s.actors.armorer, { planId }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    ok(approveScenePlan(s.actors.producer, { planId }, tick()));
    expect(db().select().from(t.auditLog).where(eq(t.auditLog.entityId, planId)).all().map((a) => a.action)).toEqual(['plan.create', 'plan.sign_armorer', 'plan.sign_advisor', 'plan.approve']);
  });
});

describe('hand-outs once the production plans its scenes (rule 8)', () => {
  const refusedReasons = () => db().select().from(t.refusedHandoffs).all().map((r) => r.reasons);
  it('no meeting for the scene, handler not qualified: refused, nothing moves, recorded like rule 2', () => {
    checked(revolver, '14B');
    const res = give(revolver, '14B', { ammoLotId: blanks, roundsOut: 6 });
    expect(res).toMatchObject({ ok: false, code: 'refused', message: expect.stringMatching(/rule 8/) });
    expect(refusedReasons().at(-1)).toEqual(['handler_not_qualified', 'no_scene_meeting']);
    const row = db().select().from(t.refusedHandoffs).all().at(-1)!;
    const breach = db().select().from(t.incidents).where(eq(t.incidents.id, row.incidentId!)).get()!;
    expect(breach).toMatchObject({ type: 'custody_breach' });
    expect(breach.description).toMatch(/rule 8/);
    expect(db().select().from(t.firearms).where(eq(t.firearms.id, revolver)).get()!.status).toBe('locked_up');
    expect(db().select().from(t.ammoLots).where(eq(t.ammoLots.id, blanks)).get()!.countOnHand).toBe(30);
  });
  it('an expired qualification is refused; a current one clears it', () => {
    ok(recordMeeting(s.actors.armorer, { id: randomUUID(), date: '2026-11-24', scene: '14B, 22C', firearmsOnSet: true, blanksInUse: true, topics: '', attendeeIds: [s.actors.actor.userId] }, tick()));
    ok(qualify(s.actors.actor.userId, '2026-11-23'));
    give(revolver, '14B', { ammoLotId: blanks, roundsOut: 6 });
    expect(refusedReasons().at(-1)).toEqual(['qualification_expired']);
    ok(qualify(s.actors.actor.userId, '2027-11-23'));
  });
  it('a load the plan does not name is refused: dummies, or more blanks than planned', () => {
    give(revolver, '14B', { ammoLotId: dummies, roundsOut: 6 });
    expect(refusedReasons().at(-1)).toEqual(['plan_load_mismatch']);
    give(revolver, '14B', { ammoLotId: blanks, roundsOut: 7 });
    expect(refusedReasons().at(-1)).toEqual(['plan_load_mismatch']);
  });
  it('a handler the plan does not name is refused', () => {
    const res = give(revolver, '14B', { toUserId: s.actors.ad.userId, ammoLotId: blanks, roundsOut: 6 });
    expect(res.ok).toBe(false);
    expect(refusedReasons().at(-1)).toEqual(['handler_not_qualified', 'plan_handler_not_named']);
  });
  it('a setup without a plan is refused, even with a witnessed check and a meeting', () => {
    checked(revolver, '12A');
    give(revolver, '12A');
    expect(refusedReasons().at(-1)).toEqual(['no_scene_plan']);
  });
  it('what the approved plan names goes out', () => {
    const res = give(revolver, '14B', { ammoLotId: blanks, roundsOut: 6 });
    expect(res).toMatchObject({ ok: true });
    expect(db().select().from(t.ammoLots).where(eq(t.ammoLots.id, blanks)).get()!.countOnHand).toBe(24);
  });
  it('a newer plan for the setup replaces the approved one until it is approved itself', () => {
    const other = ok(createFirearm(s.actors.armorer, { tag: 'R-2', make: 'Uberti', model: '1873', serial: '', kind: 'blank_firing', status: 'locked_up', notes: '' }, tick())).id;
    const first = ok(plan('22C', [{ firearmId: other, handlerId: s.actors.actor.userId, load: 'none', rounds: 0 }])).id;
    ok(plan('22c', [{ firearmId: other, handlerId: s.actors.actor.userId, load: 'none', rounds: 0 }]));
    expect(signPlanAsArmorer(s.actors.armorer, { planId: first }, tick())).toMatchObject({ ok: false, code: 'conflict' });
    checked(other, '22C');
    give(other, '22C');
    expect(refusedReasons().at(-1)).toEqual(['plan_not_approved']);
  });
});

describe('qualifications', () => {
  it('only armorers and producers record them, for members of the production', () => {
    for (const who of ['crew', 'auditor'] as const) expect(recordQualification(s.actors[who], {}, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(qualify('nobody', '2027-01-01')).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { userId: [expect.any(String)] } });
    const bad = recordQualification(s.actors.armorer, { id: randomUUID(), userId: s.actors.ad.userId, kind: 'handler_permit', issuer: 'X', reference: '', issuedOn: '2026-05-01', expiresOn: '2026-04-01' }, tick());
    expect(bad).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { expiresOn: [expect.any(String)] } });
  });
});

describe('qualification reminders through the notification delivery', () => {
  it('tell the member and the armorers once, in-app and through the outbox, audited', async () => {
    const { runQualificationReminders } = await import('./qualification-reminders');
    // 24 Nov 2026 in Denver: a permit expiring on 1 Dec is due a reminder.
    const q = ok(recordQualification(s.actors.producer, { id: randomUUID(), userId: s.actors.ad.userId, kind: 'handler_permit', issuer: 'Permit office', reference: '', issuedOn: '2025-12-01', expiresOn: '2026-12-01' }, tick()));
    const at = tick();
    expect(runQualificationReminders(at)).toBeGreaterThanOrEqual(1);
    expect(runQualificationReminders(tick())).toBe(0);
    const rows = db().select().from(t.notifications).where(eq(t.notifications.kind, 'qualification_expiring')).all().filter((n) => n.title.includes('expires on 2026-12-01'));
    expect(new Set(rows.map((n) => n.userId))).toEqual(new Set([s.actors.ad.userId, s.actors.armorer.userId]));
    const outbox = db().select().from(t.deliveries).all().filter((d) => rows.some((n) => n.id === d.notificationId));
    expect(outbox.length).toBeGreaterThan(0);
    expect(db().select().from(t.auditLog).where(eq(t.auditLog.entityId, `qualification:${q.id}:soon`)).all().map((a) => a.action)).toEqual(['reminder.send']);
  });
});
