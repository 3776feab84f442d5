// The firearms cores called with an actor against a temp database: what each role may do,
// what the rules refuse, and what a refusal records (rule 2: nothing moves, the attempt is kept).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
const { getDb } = await import('@/db/client');
const t = await import('@/db/schema');
const { and, eq } = await import('drizzle-orm');
const { createFirearm, updateFirearm, setFirearmStatus } = await import('./inventory');
const { createAmmoLot } = await import('./ammunition');
const { recordCheck, confirmWitness, declineWitness } = await import('./checks');
const { handOff, recordReturn, reportOutsideHandoff } = await import('./custody');
const { recordMeeting, confirmAttendance } = await import('./meetings');
const { fileIncidentCore } = await import('../incidents/core');
const { LIVE_AMMO_MESSAGE } = await import('../schemas/firearms');
const { emptyChecklist } = await import('./checklist');
const { allChecked, ok } = await import('../testing/world');

type Seed = Awaited<ReturnType<typeof seedProduction>>;
let s: Seed;
// 08:00 in Denver on 24 Nov 2026; each step moves the clock on so checks, hand-offs and returns order.
let clock = new Date('2026-11-24T15:00:00Z').getTime();
const tick = () => new Date((clock += 60_000));

const db = () => getDb();
const auditActions = (entityId: string) => db().select().from(t.auditLog).where(eq(t.auditLog.entityId, entityId)).all().map((a) => a.action);


function addWeapon(seed: Seed, tag: string) {
  return ok(createFirearm(seed.actors.armorer, { tag, make: 'Pietta', model: '1873 SAA', serial: 'P-' + tag, kind: 'functional', status: 'locked_up', notes: '' }, tick()));
}
function addLot(seed: Seed, count = 50) {
  return ok(
    createAmmoLot(
      seed.actors.armorer,
      { id: randomUUID(), kind: 'dummy', calibre: '.45 Colt', countOnHand: count, supplier: 'Prop House', lotNumber: 'L-' + randomUUID().slice(0, 6), paperworkRef: 'DN-1', verificationMethods: ['rattle'], verifiedCount: 1, receivedOn: '2026-11-23', inspected: true, inspectionNotes: 'Every round rattled, no primers.' },
      tick(),
    ),
  );
}
function meeting(seed: Seed, firearmsOnSet = true) {
  return ok(recordMeeting(seed.actors.armorer, { id: randomUUID(), date: '2026-11-24', scene: '12A', firearmsOnSet, blanksInUse: false, topics: firearmsOnSet ? '' : 'Stunt rigging only', attendeeIds: [seed.actors.actor.userId, seed.actors.armorer.userId] }, tick()));
}
function check(seed: Seed, firearmId: string, scene = '12A', result: 'pass' | 'fail' = 'pass', witnessIds = [seed.actors.actor.userId]) {
  return recordCheck(seed.actors.armorer, { id: randomUUID(), firearmId, phase: 'before_use', scene, checklist: allChecked('before_use'), result, findings: result === 'fail' ? 'Cylinder does not index' : '', witnessIds }, tick());
}
function handOver(seed: Seed, firearmId: string, extra: Partial<{ scene: string; ammoLotId: string; roundsOut: number; toUserId: string; id: string }> = {}) {
  return handOff(seed.actors.armorer, { id: randomUUID(), firearmId, toUserId: seed.actors.actor.userId, scene: '12A', ammoLotId: '', roundsOut: 0, ...extra }, tick());
}
const statusOf = (id: string) => db().select().from(t.firearms).where(eq(t.firearms.id, id)).get()!.status;
const lotCount = (id: string) => db().select().from(t.ammoLots).where(eq(t.ammoLots.id, id)).get()!.countOnHand;

beforeAll(async () => {
  s = await seedProduction({ now: new Date(clock) });
});

describe('inventory', () => {
  it('the armorer adds and edits a weapon; every change is audited', () => {
    const { id } = addWeapon(s, 'INV-1');
    ok(updateFirearm(s.actors.armorer, { firearmId: id, tag: 'INV-1', make: 'Pietta', model: '1873 SAA', serial: 'X1', kind: 'blank_firing', notes: 'Converted' }, tick()));
    expect(db().select().from(t.firearms).where(eq(t.firearms.id, id)).get()).toMatchObject({ kind: 'blank_firing', serial: 'X1' });
    expect(auditActions(id)).toEqual(['firearm.create', 'firearm.update']);
  });

  it('a tag is unique per production, whatever its case', () => {
    addWeapon(s, 'INV-2');
    const res = createFirearm(s.actors.armorer, { tag: 'inv-2', make: 'A', model: 'B', serial: '', kind: 'functional', status: 'locked_up', notes: '' }, tick());
    expect(res).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { tag: [expect.stringMatching(/already has this tag/)] } });
  });

  it('crew, producers and auditors are refused on the server and nothing is stored', () => {
    const before = db().select().from(t.firearms).all().length;
    for (const who of ['crew', 'actor', 'producer', 'auditor'] as const) {
      expect(createFirearm(s.actors[who], { tag: 'NO-' + who, make: 'A', model: 'B', serial: '', kind: 'functional', status: 'locked_up', notes: '' }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(db().select().from(t.firearms).all().length).toBe(before);
  });

  it('out of service and back, by hand, audited with the reason', () => {
    const { id } = addWeapon(s, 'INV-3');
    ok(setFirearmStatus(s.actors.armorer, { firearmId: id, to: 'out_of_service', reason: 'Hammer spring replaced' }, tick()));
    expect(statusOf(id)).toBe('out_of_service');
    ok(setFirearmStatus(s.actors.armorer, { firearmId: id, to: 'locked_up', reason: 'Repaired and test-cycled' }, tick()));
    const status = db().select().from(t.auditLog).where(and(eq(t.auditLog.entityId, id), eq(t.auditLog.action, 'firearm.status'))).all();
    expect(status.map((a) => JSON.parse(a.after!).reason)).toEqual(['Hammer spring replaced', 'Repaired and test-cycled']);
  });

  it('another production’s weapon does not exist', async () => {
    const other = await seedProduction({ title: 'Elsewhere', now: new Date(clock) });
    const { id } = addWeapon(other, 'ELSE-1');
    expect(setFirearmStatus(s.actors.armorer, { firearmId: id, to: 'out_of_service', reason: 'Probing' }, tick())).toMatchObject({ ok: false, code: 'not_found' });
    expect(statusOf(id)).toBe('locked_up');
  });
});

describe('ammunition', () => {
  it('a dummy lot is received and inspected by the acting armorer', () => {
    const { id } = addLot(s, 24);
    expect(db().select().from(t.ammoLots).where(eq(t.ammoLots.id, id)).get()).toMatchObject({ kind: 'dummy', countOnHand: 24, inspectedById: s.actors.armorer.userId });
  });

  it.each(['live', 'LIVE', 'hollow_point', '', null])('kind %s is refused with the live-ammunition message and nothing is stored', (kind) => {
    const before = db().select().from(t.ammoLots).all().length;
    const res = createAmmoLot(s.actors.armorer, { id: randomUUID(), kind, calibre: '.45 Colt', countOnHand: 6, supplier: 'X', lotNumber: 'Y' + Math.random(), paperworkRef: 'DN-1', verificationMethods: ['rattle'], verifiedCount: 1, receivedOn: '2026-11-24', inspected: true, inspectionNotes: '' }, tick());
    expect(res).toMatchObject({ ok: false, code: 'invalid', message: LIVE_AMMO_MESSAGE, fieldErrors: { kind: [LIVE_AMMO_MESSAGE] } });
    expect(LIVE_AMMO_MESSAGE).toMatch(/Live ammunition found/);
    expect(db().select().from(t.ammoLots).all().length).toBe(before);
  });

  it('crew asking for live ammunition hears "not allowed", not the inventory message', () => {
    expect(createAmmoLot(s.actors.crew, { kind: 'live' }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('a lot cannot arrive in the future or without the inspection', () => {
    const res = createAmmoLot(s.actors.armorer, { id: randomUUID(), kind: 'blank', calibre: '.45 Colt', countOnHand: 6, supplier: 'X', lotNumber: 'F1', paperworkRef: 'DN-1', verificationMethods: ['rattle'], verifiedCount: 1, receivedOn: '2026-11-25', inspected: true, inspectionNotes: '' }, tick());
    expect(res).toMatchObject({ ok: false, fieldErrors: { receivedOn: [expect.stringMatching(/future/)] } });
    const res2 = createAmmoLot(s.actors.armorer, { id: randomUUID(), kind: 'blank', calibre: '.45 Colt', countOnHand: 6, supplier: 'X', lotNumber: 'F2', paperworkRef: 'DN-1', verificationMethods: ['rattle'], verifiedCount: 1, receivedOn: '2026-11-24', inspected: false, inspectionNotes: '' }, tick());
    expect(res2).toMatchObject({ ok: false, fieldErrors: { inspected: [expect.any(String)] } });
  });
});

describe('checks and witnesses', () => {
  it('a check names witnesses, who are notified and confirm once, in their own session', () => {
    const { id: fid } = addWeapon(s, 'CHK-1');
    const { id } = ok(check(s, fid));
    const note = db().select().from(t.notifications).where(and(eq(t.notifications.userId, s.actors.actor.userId), eq(t.notifications.kind, 'witness_request'))).all();
    expect(note.some((n) => n.link === `/productions/${s.production.id}/checks/${id}` && n.readAt === null)).toBe(true);

    expect(confirmWitness(s.actors.ad, { checkId: id }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(confirmWitness(s.actors.auditor, { checkId: id }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    ok(confirmWitness(s.actors.actor, { checkId: id }, tick()));
    expect(confirmWitness(s.actors.actor, { checkId: id }, tick())).toMatchObject({ ok: false, code: 'conflict' });
    expect(db().select().from(t.checkWitnesses).where(eq(t.checkWitnesses.checkId, id)).get()!.confirmedAt).not.toBeNull();
    expect(auditActions(id)).toEqual(['check.record', 'check.witness_confirm']);
    const read = db().select().from(t.notifications).where(and(eq(t.notifications.userId, s.actors.actor.userId), eq(t.notifications.link, `/productions/${s.production.id}/checks/${id}`))).get();
    expect(read!.readAt).not.toBeNull();
  });

  it('only actors, stunt performers and 1st ADs may be named, never the armorer', () => {
    const { id: fid } = addWeapon(s, 'CHK-2');
    expect(check(s, fid, '12A', 'pass', [s.actors.crew.userId])).toMatchObject({ ok: false, fieldErrors: { witnessIds: [expect.stringMatching(/actor, stunt performer or 1st AD/)] } });
    expect(check(s, fid, '12A', 'pass', [randomUUID()])).toMatchObject({ ok: false, fieldErrors: { witnessIds: [expect.stringMatching(/member/)] } });
    expect(check(s, fid, '12A', 'pass', [])).toMatchObject({ ok: false, fieldErrors: { witnessIds: [expect.any(String)] } });
    expect(db().select().from(t.firearmChecks).where(eq(t.firearmChecks.firearmId, fid)).all()).toHaveLength(0);
  });

  it('a check passes only with every item verified', () => {
    const { id: fid } = addWeapon(s, 'CHK-3');
    const res = recordCheck(s.actors.armorer, { id: randomUUID(), firearmId: fid, phase: 'before_use', scene: '12A', checklist: { ...allChecked('before_use'), no_live_round: false }, result: 'pass', findings: '', witnessIds: [s.actors.actor.userId] }, tick());
    expect(res).toMatchObject({ ok: false, fieldErrors: { 'checklist.no_live_round': [expect.any(String)] } });
  });

  it('a failed check puts the weapon out of service until a later passing check', () => {
    const { id: fid } = addWeapon(s, 'CHK-4');
    ok(check(s, fid, '12A', 'fail', []));
    expect(statusOf(fid)).toBe('out_of_service');
    expect(setFirearmStatus(s.actors.armorer, { firearmId: fid, to: 'locked_up', reason: 'Looks fine' }, tick())).toMatchObject({ ok: false, message: expect.stringMatching(/passing check/) });
    expect(statusOf(fid)).toBe('out_of_service');
    ok(check(s, fid));
    expect(statusOf(fid)).toBe('locked_up');
    const changes = db().select().from(t.auditLog).where(and(eq(t.auditLog.entityId, fid), eq(t.auditLog.action, 'firearm.status'))).all();
    expect(changes.map((c) => JSON.parse(c.after!).status)).toEqual(['out_of_service', 'locked_up']);
  });
});

describe('custody (rules 2, 5, 6)', () => {
  let weapon: string;
  let lot: string;
  beforeAll(() => {
    meeting(s);
    weapon = addWeapon(s, 'CUS-1').id;
    lot = addLot(s, 50).id;
  });

  it('a refused hand-off moves nothing but records the attempt and files a custody breach', () => {
    const id = randomUUID();
    const incidentsBefore = db().select().from(t.incidents).all().length;
    const res = handOver(s, weapon, { id, ammoLotId: lot, roundsOut: 6 });
    expect(res).toMatchObject({ ok: false, code: 'refused', message: expect.stringMatching(/nothing moved.*no before-use check.*report #\d+/i) });
    expect(db().select().from(t.handoffs).where(eq(t.handoffs.firearmId, weapon)).all()).toHaveLength(0);
    expect(statusOf(weapon)).toBe('locked_up');
    expect(lotCount(lot)).toBe(50);
    const refused = db().select().from(t.refusedHandoffs).where(eq(t.refusedHandoffs.id, id)).get()!;
    expect(refused).toMatchObject({ firearmId: weapon, attemptedById: s.actors.armorer.userId, toId: s.actors.actor.userId, reasons: ['no_check'] });
    const incident = db().select().from(t.incidents).where(eq(t.incidents.id, refused.incidentId!)).get()!;
    expect(incident).toMatchObject({ type: 'custody_breach', reporterId: s.actors.armorer.userId, scene: '12A' });
    expect(incident.description).toMatch(/no before-use check/);
    expect(db().select().from(t.incidentFirearms).where(eq(t.incidentFirearms.incidentId, incident.id)).all()).toEqual([{ incidentId: incident.id, firearmId: weapon }]);
    expect(auditActions(id)).toEqual(['handoff.refused']);
    expect(auditActions(incident.id)).toContain('incident.file');

    // The same submission again is the same attempt: no second breach report.
    expect(handOver(s, weapon, { id, ammoLotId: lot, roundsOut: 6 })).toMatchObject({ ok: false, code: 'refused' });
    expect(db().select().from(t.incidents).all().length).toBe(incidentsBefore + 1);
  });

  it('refused while a witness has not confirmed, for another setup, or to someone without a receiving position', () => {
    const { id: checkId } = ok(check(s, weapon));
    expect(handOver(s, weapon)).toMatchObject({ ok: false, message: expect.stringMatching(/witness has confirmed/) });
    ok(confirmWitness(s.actors.actor, { checkId }, tick()));
    expect(handOver(s, weapon, { scene: '14B' })).toMatchObject({ ok: false, message: expect.stringMatching(/another setup/) });
    expect(handOver(s, weapon, { toUserId: s.actors.crew.userId })).toMatchObject({ ok: false, message: expect.stringMatching(/actor, stunt performer, 1st AD, property master or assistant property master position/) });
    expect(handOver(s, weapon, { toUserId: randomUUID() })).toMatchObject({ ok: false, message: expect.stringMatching(/member of this production/) });
    expect(statusOf(weapon)).toBe('locked_up');
    expect(db().select().from(t.refusedHandoffs).where(eq(t.refusedHandoffs.firearmId, weapon)).all()).toHaveLength(5);
  });

  it('allowed: the weapon goes out with 6 dummies counted out of the lot', () => {
    const res = ok(handOver(s, weapon, { ammoLotId: lot, roundsOut: 6 }));
    expect(statusOf(weapon)).toBe('checked_out');
    expect(lotCount(lot)).toBe(44);
    const h = db().select().from(t.handoffs).where(eq(t.handoffs.id, res.id)).get()!;
    expect(h).toMatchObject({ fromId: s.actors.armorer.userId, toId: s.actors.actor.userId, roundsOut: 6, returnedAt: null });
    expect(auditActions(res.id)).toEqual(['handoff.out']);
    // Already out: a second hand-off is refused.
    expect(handOver(s, weapon)).toMatchObject({ ok: false, message: expect.stringMatching(/already checked out/) });
  });

  it('more rounds out than the lot holds is refused without a breach (nothing moves)', () => {
    const w = addWeapon(s, 'CUS-2').id;
    const { id: checkId } = ok(check(s, w));
    ok(confirmWitness(s.actors.actor, { checkId }, tick()));
    const breaches = db().select().from(t.refusedHandoffs).all().length;
    expect(handOver(s, w, { ammoLotId: lot, roundsOut: 45 })).toMatchObject({ ok: false, fieldErrors: { roundsOut: ['Only 44 rounds of this lot are on hand.'] } });
    expect(db().select().from(t.refusedHandoffs).all().length).toBe(breaches);
    expect(statusOf(w)).toBe('locked_up');
  });

  it('return with 5 of 6 rounds: a high-severity incident, linked to the weapon and the hand-off', () => {
    const open = db().select().from(t.handoffs).where(eq(t.handoffs.firearmId, weapon)).get()!;
    const res = ok(recordReturn(s.actors.armorer, { handoffId: open.id, roundsBack: 5, afterCheckId: '', checklist: allChecked('after_use'), result: 'pass', findings: '' }, tick()));
    expect(res).toMatchObject({ discrepancy: 1, firearmStatus: 'locked_up' });
    const h = db().select().from(t.handoffs).where(eq(t.handoffs.id, open.id)).get()!;
    expect(h).toMatchObject({ roundsBack: 5, receivedById: s.actors.armorer.userId, discrepancyIncidentId: res.incidentId });
    expect(h.returnCheckId).not.toBeNull();
    const incident = db().select().from(t.incidents).where(eq(t.incidents.id, res.incidentId!)).get()!;
    expect(incident).toMatchObject({ type: 'custody_breach', severity: 'high' });
    expect(incident.description.startsWith('6 rounds out, 5 back')).toBe(true);
    expect(db().select().from(t.incidentFirearms).where(eq(t.incidentFirearms.incidentId, incident.id)).all()).toHaveLength(1);
    expect(lotCount(lot)).toBe(49);
    expect(statusOf(weapon)).toBe('locked_up');
    expect(auditActions(open.id)).toEqual(['handoff.out', 'handoff.return']);
    expect(recordReturn(s.actors.armorer, { handoffId: open.id, roundsBack: 5, afterCheckId: '', checklist: allChecked('after_use'), result: 'pass', findings: '' }, tick())).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('after the return the old check no longer counts (rule 2)', () => {
    expect(handOver(s, weapon)).toMatchObject({ ok: false, message: expect.stringMatching(/before the weapon’s last return/) });
  });

  it('a return needs an after-use check; a failed one puts the weapon out of service; equal counts file nothing', () => {
    const { id: checkId } = ok(check(s, weapon));
    ok(confirmWitness(s.actors.actor, { checkId }, tick()));
    const out = ok(handOver(s, weapon, { ammoLotId: lot, roundsOut: 6 }));
    expect(recordReturn(s.actors.armorer, { handoffId: out.id, roundsBack: 6, afterCheckId: '', checklist: emptyChecklist(), result: null, findings: '' }, tick())).toMatchObject({ ok: false, fieldErrors: { result: [expect.any(String)] } });
    const incidents = db().select().from(t.incidents).all().length;
    const res = ok(recordReturn(s.actors.armorer, { handoffId: out.id, roundsBack: 6, afterCheckId: '', checklist: emptyChecklist(), result: 'fail', findings: 'Cylinder pin loose' }, tick()));
    expect(res).toMatchObject({ discrepancy: 0, incidentId: null, firearmStatus: 'out_of_service' });
    expect(db().select().from(t.incidents).all().length).toBe(incidents);
    expect(statusOf(weapon)).toBe('out_of_service');
  });

  it('a return can use an after-use check recorded just before it', () => {
    const w = addWeapon(s, 'CUS-3').id;
    const { id: checkId } = ok(check(s, w));
    ok(confirmWitness(s.actors.actor, { checkId }, tick()));
    const out = ok(handOver(s, w));
    const after = ok(recordCheck(s.actors.armorer, { id: randomUUID(), firearmId: w, phase: 'after_use', scene: '12A', checklist: allChecked('after_use'), result: 'pass', findings: '', witnessIds: [] }, tick()));
    expect(statusOf(w)).toBe('checked_out');
    ok(recordReturn(s.actors.armorer, { handoffId: out.id, roundsBack: 0, afterCheckId: after.id, checklist: emptyChecklist(), result: null, findings: '' }, tick()));
    expect(statusOf(w)).toBe('locked_up');
  });

  it('blanks fired are neither back nor missing: only returned rounds restock; what neither explains is the incident', () => {
    const w = addWeapon(s, 'CUS-4').id;
    const blanks = ok(createAmmoLot(s.actors.armorer, { id: randomUUID(), kind: 'blank', calibre: '.45 Colt', countOnHand: 20, supplier: 'Prop House', lotNumber: 'B-' + randomUUID().slice(0, 6), paperworkRef: 'DN-1', verificationMethods: ['rattle'], verifiedCount: 1, receivedOn: '2026-11-23', inspected: true, inspectionNotes: 'Crimped, no projectiles.' }, tick())).id;
    const fire = (roundsFired: number, roundsBack: number) => {
      const { id: checkId } = ok(check(s, w));
      ok(confirmWitness(s.actors.actor, { checkId }, tick()));
      const out = ok(handOver(s, w, { ammoLotId: blanks, roundsOut: 6 }));
      return { out, res: recordReturn(s.actors.armorer, { handoffId: out.id, roundsFired, roundsBack, afterCheckId: '', checklist: allChecked('after_use'), result: 'pass', findings: '' }, tick()) };
    };
    // Four spent, two back: counts match, two go back into the lot.
    const a = fire(4, 2);
    expect(ok(a.res)).toMatchObject({ discrepancy: 0, incidentId: null });
    expect(db().select().from(t.handoffs).where(eq(t.handoffs.id, a.out.id)).get()).toMatchObject({ roundsOut: 6, roundsFired: 4, roundsBack: 2, discrepancyIncidentId: null });
    expect(lotCount(blanks)).toBe(16);
    // Four spent, one back: one missing is the incident.
    const b = ok(fire(4, 1).res);
    expect(b.discrepancy).toBe(1);
    expect(db().select().from(t.incidents).where(eq(t.incidents.id, b.incidentId!)).get()!.description.startsWith('6 rounds out, 4 fired, 1 back: 1 round is missing.')).toBe(true);
    expect(lotCount(blanks)).toBe(11);
    // More fired than went out is refused, and nothing is recorded.
    const c = fire(7, 0);
    expect(c.res).toMatchObject({ ok: false, fieldErrors: { roundsFired: ['Only 6 rounds went out.'] } });
    expect(db().select().from(t.handoffs).where(eq(t.handoffs.id, c.out.id)).get()!.returnedAt).toBeNull();
  });

  it('a dummy cannot be fired: the return is refused with the way to report it, and stays open', () => {
    const w = addWeapon(s, 'CUS-5').id;
    const { id: checkId } = ok(check(s, w));
    ok(confirmWitness(s.actors.actor, { checkId }, tick()));
    const out = ok(handOver(s, w, { ammoLotId: lot, roundsOut: 2 }));
    const res = recordReturn(s.actors.armorer, { handoffId: out.id, roundsFired: 1, roundsBack: 1, afterCheckId: '', checklist: allChecked('after_use'), result: 'pass', findings: '' }, tick());
    expect(res).toMatchObject({ ok: false, fieldErrors: { roundsFired: [expect.stringMatching(/Dummy rounds cannot be fired.*live ammunition found/)] } });
    expect(db().select().from(t.handoffs).where(eq(t.handoffs.id, out.id)).get()!.returnedAt).toBeNull();
    ok(recordReturn(s.actors.armorer, { handoffId: out.id, roundsBack: 2, afterCheckId: '', checklist: allChecked('after_use'), result: 'pass', findings: '' }, tick()));
  });

  it('a witness who did not see the check declines it: the hand-out is refused, the armorer is told, and it is final', () => {
    const w = addWeapon(s, 'CUS-6').id;
    const { id: checkId } = ok(check(s, w, '12A', 'pass', [s.actors.actor.userId, s.actors.ad.userId]));
    ok(confirmWitness(s.actors.actor, { checkId }, tick()));
    // Only a named witness may decline; crew named on nothing is refused.
    expect(declineWitness(s.actors.crew, { checkId }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    // The one who confirmed cannot take it back by declining.
    expect(declineWitness(s.actors.actor, { checkId }, tick())).toMatchObject({ ok: false, code: 'conflict' });
    ok(declineWitness(s.actors.ad, { checkId }, tick()));
    const row = db().select().from(t.checkWitnesses).where(and(eq(t.checkWitnesses.checkId, checkId), eq(t.checkWitnesses.userId, s.actors.ad.userId))).get()!;
    expect(row.declinedAt).not.toBeNull();
    expect(row.confirmedAt).toBeNull();
    expect(auditActions(checkId)).toContain('check.witness_decline');
    const told = db().select().from(t.notifications).where(and(eq(t.notifications.userId, s.actors.armorer.userId), eq(t.notifications.kind, 'witness_declined'))).all();
    expect(told).toHaveLength(1);
    expect(told[0].link).toBe(`/productions/${s.production.id}/checks/${checkId}`);
    // Declining again is the same answer; confirming afterwards is refused.
    ok(declineWitness(s.actors.ad, { checkId }, tick()));
    expect(confirmWitness(s.actors.ad, { checkId }, tick())).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/declined/) });
    expect(handOver(s, w)).toMatchObject({ ok: false, message: expect.stringMatching(/declined the check/) });
    expect(db().select().from(t.refusedHandoffs).where(eq(t.refusedHandoffs.firearmId, w)).get()!.reasons).toEqual(['witness_declined']);
    // A new check with witnesses who saw it clears the weapon again.
    const again = ok(check(s, w));
    ok(confirmWitness(s.actors.actor, { checkId: again.id }, tick()));
    ok(handOver(s, w));
  });

  it('crew and producers cannot hand out or take back a weapon; every such attempt joins the refusal list', () => {
    for (const who of ['crew', 'actor', 'producer', 'auditor'] as const) {
      const id = randomUUID();
      const incidentsBefore = db().select().from(t.incidents).all().length;
      const attempt = { id, firearmId: weapon, toUserId: s.actors.actor.userId, scene: '12A', ammoLotId: '', roundsOut: 0 };
      expect(handOff(s.actors[who], attempt, tick())).toMatchObject({ ok: false, code: 'forbidden' });
      // Rule 2: the refused attempt is kept (who, which weapon, to whom), audited, with no incident.
      expect(db().select().from(t.refusedHandoffs).where(eq(t.refusedHandoffs.id, id)).get()).toMatchObject({
        attemptedById: s.actors[who].userId,
        firearmId: weapon,
        toId: s.actors.actor.userId,
        reasons: ['giver_not_armorer'],
        incidentId: null,
      });
      expect(auditActions(id)).toEqual(['handoff.refused']);
      expect(db().select().from(t.incidents).all()).toHaveLength(incidentsBefore);
      // The same request again is the same attempt.
      expect(handOff(s.actors[who], attempt, tick())).toMatchObject({ ok: false, code: 'forbidden' });
      expect(auditActions(id)).toEqual(['handoff.refused']);
    }
    // Nothing is recorded for a weapon that is not this production's, or a body that names none.
    const before = db().select().from(t.refusedHandoffs).all().length;
    handOff(s.actors.crew, { id: randomUUID(), firearmId: randomUUID(), toUserId: s.actors.actor.userId, scene: '12A' }, tick());
    handOff(s.actors.crew, 'not an object', tick());
    expect(db().select().from(t.refusedHandoffs).all()).toHaveLength(before);
  });

  it('any member reports a weapon that changed hands outside the armorer', () => {
    const res = ok(reportOutsideHandoff(s.actors.crew, { id: randomUUID(), firearmId: weapon, location: 'Church set', occurredAt: '2026-11-24T07:30', description: 'The 1st AD took the revolver from the cart and handed it over.' }, tick()));
    const incident = db().select().from(t.incidents).where(eq(t.incidents.id, res.id)).get()!;
    expect(incident).toMatchObject({ type: 'custody_breach', reporterId: s.actors.crew.userId });
    expect(db().select().from(t.incidentFirearms).where(eq(t.incidentFirearms.incidentId, res.id)).all()).toHaveLength(1);
    expect(reportOutsideHandoff(s.actors.auditor, { id: randomUUID(), firearmId: '', location: 'x', occurredAt: '', description: 'Auditors do not file.' }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('rules 5 and 6 on a second production', () => {
  it('no hand-off without a firearms safety meeting today, or while a hold stands; returns still work', async () => {
    const p = await seedProduction({ title: 'Rule 5 and 6', now: new Date(clock) });
    const w = addWeapon(p, 'R-1').id;
    const { id: checkId } = ok(check(p, w));
    ok(confirmWitness(p.actors.actor, { checkId }, tick()));
    meeting(p, false); // a meeting that did not cover firearms does not count
    expect(handOver(p, w)).toMatchObject({ ok: false, message: expect.stringMatching(/No safety meeting covering firearms/) });
    meeting(p, true);
    const out = ok(handOver(p, w));

    ok(fileIncidentCore(p.actors.crew, { id: randomUUID(), type: 'accidental_discharge', description: 'A blank went off during rehearsal', location: 'Stage 2' }, tick()));
    const w2 = addWeapon(p, 'R-2').id;
    const { id: c2 } = ok(check(p, w2));
    ok(confirmWitness(p.actors.actor, { checkId: c2 }, tick()));
    expect(handOver(p, w2)).toMatchObject({ ok: false, message: expect.stringMatching(/stop-work hold/) });
    expect(statusOf(w2)).toBe('locked_up');
    ok(recordReturn(p.actors.armorer, { handoffId: out.id, roundsBack: 0, afterCheckId: '', checklist: allChecked('after_use'), result: 'pass', findings: '' }, tick()));
    expect(statusOf(w)).toBe('locked_up');
  });
});

describe('safety meetings', () => {
  it('attendees confirm once; a future date and non-members are refused', () => {
    const { id } = meeting(s);
    expect(db().select().from(t.meetingAttendees).where(eq(t.meetingAttendees.meetingId, id)).all().find((a) => a.userId === s.actors.armorer.userId)!.confirmedAt).not.toBeNull();
    expect(confirmAttendance(s.actors.crew, { meetingId: id }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    ok(confirmAttendance(s.actors.actor, { meetingId: id }, tick()));
    expect(confirmAttendance(s.actors.actor, { meetingId: id }, tick())).toMatchObject({ ok: false, code: 'conflict' });
    expect(auditActions(id)).toEqual(['meeting.record', 'meeting.attend']);
    expect(recordMeeting(s.actors.armorer, { id: randomUUID(), date: '2026-11-25', scene: '12A', firearmsOnSet: true, blanksInUse: false, topics: '', attendeeIds: [s.actors.actor.userId] }, tick())).toMatchObject({ ok: false, fieldErrors: { date: [expect.stringMatching(/future/)] } });
    expect(recordMeeting(s.actors.armorer, { id: randomUUID(), date: '2026-11-24', scene: '12A', firearmsOnSet: true, blanksInUse: false, topics: '', attendeeIds: [randomUUID()] }, tick())).toMatchObject({ ok: false, fieldErrors: { attendeeIds: [expect.any(String)] } });
    expect(recordMeeting(s.actors.producer, { id: randomUUID(), date: '2026-11-24', scene: '12A', firearmsOnSet: true, blanksInUse: false, topics: '', attendeeIds: [s.actors.actor.userId] }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
