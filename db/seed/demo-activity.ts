// A day on the demo set, so a first look at SetSafe shows it working rather than empty screens:
// weapons and ammunition in the store (one delivery: a blank lot and a verified dummy lot, whose
// ledger shows today's reconciliation once the blanks go out), today's safety meeting, a witnessed check and a hand-off,
// a check still waiting for a witness, two reports being worked on, and one recordable injury on
// Stage 2's OSHA log (ARCHITECTURE.md: OSHA recordkeeping). The production and its
// people are fictional (db/seed/demo.ts); nothing here is about the Rust case.
// Everything goes through the same core functions as the app, so every row has its audit entry.
// It runs once: a production that already has weapons is left as it is.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '../client';
import { firearms, injuredPeople, memberships, users } from '../schema';
import type { Actor } from '../../app/lib/actor';
import type { ActionResult } from '../../app/lib/errors';
import { actorOf } from '../../app/lib/testing/world';
import { createFirearm } from '../../app/lib/firearms/inventory';
import { createAmmoLot } from '../../app/lib/firearms/ammunition';
import { recordMeeting, confirmAttendance } from '../../app/lib/firearms/meetings';
import { recordCheck, confirmWitness } from '../../app/lib/firearms/checks';
import { handOff, recordReturn } from '../../app/lib/firearms/custody';
import { approveScenePlan, createScenePlan, recordQualification, signPlanAsAdvisor, signPlanAsArmorer } from '../../app/lib/firearms/scene-plans';
import { CHECK_ITEM_KEYS } from '../../app/lib/firearms/checklist';
import { fileIncidentCore } from '../../app/lib/incidents/core';
import { assignIncidentOwnerCore, setIncidentSeverityCore, setIncidentStatusCore } from '../../app/lib/incidents/workflow';
import { addCorrectiveActionCore } from '../../app/lib/incidents/corrective-actions';
import { addCommentCore } from '../../app/lib/incidents/comments';
import { decideRecordabilityCore } from '../../app/lib/incidents/people';
import { assignCaseCore, saveEstablishmentCore } from '../../app/lib/osha/establishments';
import { localDate, toLocalDateTime, HOUR, DAY } from '../../app/lib/time';

function must<T>(what: string, res: ActionResult<T>): T {
  if (!res.ok) throw new Error(`Demo activity: ${what} was refused: ${res.message}`);
  return res.data;
}

export function seedDemoActivity(productionId: string, now = new Date()): boolean {
  const db = getDb();
  if (db.select({ id: firearms.id }).from(firearms).where(eq(firearms.productionId, productionId)).get()) return false;

  const people = db
    .select({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.productionId, productionId))
    .all();
  const as = (email: string): Actor => {
    const p = people.find((x) => x.email === email);
    if (!p) throw new Error(`Demo activity: ${email} is not on the demo production`);
    return actorOf(p.id, productionId);
  };
  const armorer = as('armorer@setsafe.test');
  const producer = as('producer@setsafe.test');
  const actor = as('actor@setsafe.test');
  const ad = as('ad@setsafe.test');
  const stunt = as('stunt@setsafe.test');
  const camera = as('crew@setsafe.test');
  const advisor = as('advisor@setsafe.test');
  const propmaster = people.some((p) => p.email === 'propmaster@setsafe.test') ? as('propmaster@setsafe.test') : null;
  const tz = armorer.production.timeZone;
  const today = localDate(now, tz);
  const allChecked = Object.fromEntries(CHECK_ITEM_KEYS.map((k) => [k, true]));

  // The store.
  const revolver = must('the revolver', createFirearm(armorer, { tag: 'DC-01', make: 'Uberti', model: '1873 Cattleman (blank-adapted)', serial: 'DEMO-0142', kind: 'blank_firing', status: 'locked_up', notes: 'Hero revolver for Cal. Blank-firing only.' }, now));
  const rifle = must('the rifle', createFirearm(armorer, { tag: 'DC-02', make: 'Denix', model: '1892 lever-action replica', serial: '', kind: 'non_firing_replica', status: 'locked_up', notes: 'Background and stunt rifle. Cannot chamber a round.' }, now));
  must('the rubber pistol', createFirearm(armorer, { tag: 'DC-03', make: 'Rubber prop', model: 'Single-action revolver', serial: '', kind: 'rubber_airsoft', status: 'locked_up', notes: 'For the fall in 22C.' }, now));
  const blanks = must('the blanks', createAmmoLot(armorer, { id: randomUUID(), kind: 'blank', calibre: '.45 Colt', countOnHand: 50, supplier: 'Demo Theatrical Supply', paperworkRef: 'DN-40117', lotNumber: 'BLK-2611', receivedOn: today, verificationMethods: [], verifiedCount: 0, inspected: true, inspectionNotes: 'Every round crimped blank, no projectile. Counted 50.' }, now));
  must('the dummies', createAmmoLot(armorer, { id: randomUUID(), kind: 'dummy', calibre: '.45 Colt', countOnHand: 24, supplier: 'Demo Theatrical Supply', paperworkRef: 'DN-40117', lotNumber: 'DMY-0907', receivedOn: today, verificationMethods: ['rattle', 'drilled_case', 'no_primer'], verifiedCount: 24, inspected: true, inspectionNotes: 'Drilled cases, no primers; each one rattled. Counted 24.' }, now));

  // Today's meeting (rule 6), then the before-use check for 14B with its witnesses (rule 2).
  const meeting = must('the safety meeting', recordMeeting(armorer, { id: randomUUID(), date: today, scene: '14B', firearmsOnSet: true, blanksInUse: true, topics: 'Cold weapon until the armorer calls it hot. No one points a weapon at anyone, even a replica. Camera stays out of the line of fire.', attendeeIds: [armorer, producer, actor, ad, stunt, camera].map((a) => a.userId) }, now));
  for (const a of [actor, ad, camera]) must('an attendance', confirmAttendance(a, { meetingId: meeting.id }, now));
  const check = must('the revolver check', recordCheck(armorer, { id: randomUUID(), firearmId: revolver.id, phase: 'before_use', scene: '14B', checklist: allChecked, result: 'pass', findings: '', witnessIds: [actor.userId, ad.userId] }, now));
  must('the actor’s confirmation', confirmWitness(actor, { checkId: check.id }, now));
  must('the 1st AD’s confirmation', confirmWitness(ad, { checkId: check.id }, now));
  // Rule 8: the actor's current training, the stunt performer's lapsed permit (a first look shows
  // one expired qualification), and today's approved plan for 14B, signed twice and approved.
  const day = (offset: number) => localDate(new Date(now.getTime() + offset * DAY), tz);
  must('the actor’s training', recordQualification(producer, { id: randomUUID(), userId: actor.userId, kind: 'firearms_safety_training', issuer: 'Demo Studio Safety Course', reference: 'FST-2291', issuedOn: day(-200), expiresOn: day(530) }, now));
  must('the stunt performer’s permit', recordQualification(producer, { id: randomUUID(), userId: stunt.userId, kind: 'handler_permit', issuer: 'Demo Permit Office', reference: 'HP-0417', issuedOn: day(-740), expiresOn: day(-10) }, now));
  const plan = must('the 14B plan', createScenePlan(armorer, {
    id: randomUUID(),
    scene: '14B',
    action: 'Cal draws the revolver and fires two blanks at the barn door, away from camera.',
    weapons: [{ firearmId: revolver.id, handlerId: actor.userId, load: 'blank', rounds: 6 }],
    lineOfFire: 'From Cal toward the barn door. Nobody forward of Cal; the armorer stands beside him.',
    protection: 'Camera on a long lens from behind a shield, 20 ft off the line. Eye and ear protection for everyone within 20 ft.',
    replicaConsidered: 'The wide uses the non-firing replica. The close-up needs the muzzle flash, so the blank-firing revolver; no functional firearm.',
    riskAssessment: 'Blank discharge debris and noise: 20 ft minimum, shields, protection. Muzzle toward people: blocked line, rehearsed cold first. Wrong rounds: blanks from lot BLK-2611 only, counted out and back by the armorer.',
  }, now));
  must('the armorer’s signature', signPlanAsArmorer(armorer, { planId: plan.id }, now));
  must('the safety advisor’s signature', signPlanAsAdvisor(advisor, { planId: plan.id }, now));
  must('the approval', approveScenePlan(producer, { planId: plan.id }, now));
  // Rule 9: the first take of 14B (two blanks fired), collected afterwards by the property master (a custodian
  // under Cal. Labor Code §9153(a)(2)), so the custody log names one. Milliseconds apart, so the
  // whole day stays on today's date (rule 6) whatever hour the demo is seeded at.
  let at = now.getTime();
  const next = () => new Date((at += 1));
  if (propmaster) {
    const firstTake = must('the first take’s hand-off', handOff(armorer, { id: randomUUID(), firearmId: revolver.id, toUserId: actor.userId, scene: '14B', ammoLotId: blanks.id, roundsOut: 6 }, next()));
    must('the first take’s return', recordReturn(armorer, { handoffId: firstTake.id, collectedById: propmaster.userId, roundsBack: 4, roundsFired: 2, afterCheckId: '', checkId: randomUUID(), checklist: allChecked, result: 'pass', findings: '' }, next()));
    const again = must('the check after the first take', recordCheck(armorer, { id: randomUUID(), firearmId: revolver.id, phase: 'before_use', scene: '14B', checklist: allChecked, result: 'pass', findings: '', witnessIds: [actor.userId, ad.userId] }, next()));
    must('the actor’s confirmation', confirmWitness(actor, { checkId: again.id }, next()));
    must('the 1st AD’s confirmation', confirmWitness(ad, { checkId: again.id }, next()));
  }
  must('the hand-off', handOff(armorer, { id: randomUUID(), firearmId: revolver.id, toUserId: actor.userId, scene: '14B', ammoLotId: blanks.id, roundsOut: 6 }, next()));
  // The rifle's check waits for the stunt performer: the dashboard shows it as missing a confirmation.
  must('the rifle check', recordCheck(armorer, { id: randomUUID(), firearmId: rifle.id, phase: 'before_use', scene: '22C', checklist: allChecked, result: 'pass', findings: '', witnessIds: [stunt.userId] }, now));

  // Two reports from the week, being worked on.
  const nearMiss = must('the near miss', fileIncidentCore(camera, { id: randomUUID(), type: 'near_miss', description: 'Between setups the revolver was left on the props cart for a few minutes with no one watching it.', location: 'Stage 2, props cart', scene: '12A', occurredAt: toLocalDateTime(new Date(now.getTime() - 2 * DAY), tz), immediateActions: 'Told the armorer, who took it back to the locked case.', firearmIds: [revolver.id] }, now));
  must('its severity', setIncidentSeverityCore(producer, { incidentId: nearMiss.id, severity: 'medium' }, now));
  must('its owner', assignIncidentOwnerCore(producer, { incidentId: nearMiss.id, ownerId: armorer.userId }, now));
  must('its status', setIncidentStatusCore(producer, { incidentId: nearMiss.id, status: 'action_required', note: 'No weapon leaves the armorer’s hands between setups.' }, now));
  must('its corrective action', addCorrectiveActionCore(producer, { incidentId: nearMiss.id, what: 'Lockable weapons case on the cart; the armorer stays with it between setups.', ownerId: armorer.userId, dueDate: localDate(new Date(now.getTime() + 3 * DAY), tz) }, now));
  const unsafe = must('the unsafe condition', fileIncidentCore(actor, { id: randomUUID(), type: 'unsafe_condition', description: 'The camera position planned for 14B puts the operator in line with the revolver’s muzzle.', location: 'Dry Creek ranch exterior', scene: '14B', occurredAt: toLocalDateTime(new Date(now.getTime() - 20 * HOUR), tz) }, now));
  must('its owner', assignIncidentOwnerCore(producer, { incidentId: unsafe.id, ownerId: producer.userId }, now));
  must('its status', setIncidentStatusCore(producer, { incidentId: unsafe.id, status: 'investigating' }, now));
  must('a comment', addCommentCore(armorer, { incidentId: unsafe.id, body: 'Agreed. Long lens from behind a shield instead; I will walk the line of fire with camera before lunch.' }, now));

  // One recordable injury, so the OSHA log is not empty on a first look: a grip's sprain, days away.
  const sprain = must('the injury', fileIncidentCore(producer, {
    id: randomUUID(), type: 'injury', description: 'A grip stepped off the dolly track in the dark and twisted an ankle.', location: 'Stage 2', scene: '9',
    occurredAt: toLocalDateTime(new Date(now.getTime() - 3 * DAY), tz), immediateActions: 'Set medic iced it; the grip was driven to urgent care.',
    injuredPeople: [{ employeeName: 'Gil Grip (demo)', employeeSex: 'male', caseNumber: 'DC-1', timeBeganWork: '06:00', activityBefore: 'Laying dolly track between setups', howOccurred: 'Stepped off the end of the track in the dark and rolled the ankle', injuryDescription: 'Sprained left ankle', harmingObject: 'The end of the dolly track', facilityNameAddress: 'Demo Urgent Care, Santa Fe', emergencyRoom: false, hospitalizedInpatient: false }],
  }, now));
  const grip = getDb().select({ id: injuredPeople.id }).from(injuredPeople).where(eq(injuredPeople.incidentId, sprain.id)).get();
  if (!grip) throw new Error('Demo activity: the injured grip was not recorded');
  must('its recordability', decideRecordabilityCore(producer, {
    incidentId: sprain.id, personId: grip.id, workRelated: 'yes', newCase: 'yes', daysAwayFromWork: 'yes', daysAway: '3', restrictedOrTransferred: 'no',
    medicalTreatment: 'yes', firstAid: ['E'], lossOfConsciousness: 'no', significantDiagnosis: 'no', caseType: 'injury', privacyReason: '',
  }, now));
  const stage = randomUUID();
  must('the establishment', saveEstablishmentCore(producer, {
    establishmentId: stage, name: 'Stage 2', companyName: 'Fictional Pictures LLC', ein: '', street: '1 Studio Way', city: 'Santa Fe', state: 'NM', zip: '87507',
    naicsCode: '512110', industryDescription: 'Motion Picture and Video Production', establishmentType: 'private', peakEmployees: '85', writtenRequest: '',
  }, now));
  must('the case on its log', assignCaseCore(producer, { personId: grip.id, establishmentId: stage, jobTitle: 'Grip' }, now));
  return true;
}
