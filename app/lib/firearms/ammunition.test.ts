// The ammunition chain's cores against a temp database (ARCHITECTURE.md: ammunition chain):
// receiving with dummy verification, the ledger that moves with every count, the reconciliation
// by the production's local day, a frozen lot refused at hand-out and recorded like rule 2, the
// evidence chain, and the return to the vendor with the producer's acknowledgement.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
const { getDb } = await import('@/db/client');
const t = await import('@/db/schema');
const { eq } = await import('drizzle-orm');
const ammo = await import('./ammunition');
const { recordCheck, confirmWitness } = await import('./checks');
const { handOff, recordReturn } = await import('./custody');
const { recordMeeting } = await import('./meetings');
const { fileIncidentCore } = await import('../incidents/core');
const { concurHoldCore, liftHoldCore } = await import('../incidents/holds');
const { allChecked, ok } = await import('../testing/world');
const { reconcile, reconciliationForDay } = await import('@/db/queries/ammunition');

type Seed = Awaited<ReturnType<typeof seedProduction>>;
let s: Seed;
// The production is in Denver (UTC−7 in November): 15:00Z is 08:00 local.
let clock = new Date('2026-11-24T15:00:00Z').getTime();
const tick = () => new Date((clock += 60_000));
const db = () => getDb();

const lot = (id: string) => db().select().from(t.ammoLots).where(eq(t.ammoLots.id, id)).get()!;
const ledger = (id: string) => db().select().from(t.ammoMovements).where(eq(t.ammoMovements.lotId, id)).all();
const ledgerSum = (id: string) => ledger(id).reduce((n, m) => n + m.delta, 0);
/** Rule 1's hold stands after each live-ammunition report: the armorer concurs and a producer lifts it. */
function liftStandingHold() {
  const hold = db().select().from(t.holds).all().find((h) => !h.liftedAt);
  if (!hold) return;
  ok(concurHoldCore(s.actors.armorer, { holdId: hold.id, note: 'Lot frozen and bagged.' }, tick()));
  ok(liftHoldCore(s.actors.producer, { holdId: hold.id, resolution: 'The lot is frozen and sealed; the armorer recounted every other lot.' }, tick()));
}
const auditOf = (id: string) => db().select().from(t.auditLog).where(eq(t.auditLog.entityId, id)).all().map((a) => a.action);

function receive(kind: 'dummy' | 'blank', count: number, extra: Record<string, unknown> = {}) {
  return ammo.createAmmoLot(
    s.actors.armorer,
    {
      id: randomUUID(),
      kind,
      calibre: '.45 Colt',
      countOnHand: count,
      supplier: 'Prop House',
      paperworkRef: 'DN-' + randomUUID().slice(0, 6),
      lotNumber: 'L-' + randomUUID().slice(0, 6),
      receivedOn: '2026-11-24',
      verificationMethods: kind === 'dummy' ? ['rattle', 'no_primer'] : [],
      verifiedCount: kind === 'dummy' ? count : 0,
      inspected: true,
      inspectionNotes: '',
      ...extra,
    },
    tick(),
  );
}
function weapon(tag: string) {
  const id = randomUUID();
  db().insert(t.firearms).values({ id, productionId: s.production.id, tag, make: 'Pietta', model: '1873', serial: tag, kind: 'blank_firing', status: 'locked_up', notes: '', createdAt: tick() }).run();
  return id;
}
function meeting(date: string) {
  ok(recordMeeting(s.actors.armorer, { id: randomUUID(), date, scene: '12A', firearmsOnSet: true, blanksInUse: true, topics: '', attendeeIds: [s.actors.actor.userId] }, tick()));
}
function ready(firearmId: string) {
  const { id: checkId } = ok(recordCheck(s.actors.armorer, { id: randomUUID(), firearmId, phase: 'before_use', scene: '12A', checklist: allChecked('before_use'), result: 'pass', findings: '', witnessIds: [s.actors.actor.userId] }, tick()));
  ok(confirmWitness(s.actors.actor, { checkId }, tick()));
}
const handOut = (firearmId: string, ammoLotId: string, roundsOut: number) =>
  handOff(s.actors.armorer, { id: randomUUID(), firearmId, toUserId: s.actors.actor.userId, scene: '12A', ammoLotId, roundsOut }, tick());
const giveBack = (handoffId: string, roundsFired: number, roundsBack: number) =>
  recordReturn(s.actors.armorer, { handoffId, roundsFired, roundsBack, afterCheckId: '', checklist: allChecked('after_use'), result: 'pass', findings: '' }, tick());

beforeAll(async () => {
  s = await seedProduction({ now: new Date(clock) });
  meeting('2026-11-24');
});

describe('receiving', () => {
  it('records the delivery note, the count and how the dummies were verified; the ledger opens with the count', () => {
    const { id } = ok(receive('dummy', 24, { verifiedCount: 20 }));
    expect(lot(id)).toMatchObject({ countOnHand: 24, countReceived: 24, verificationMethods: ['rattle', 'no_primer'], verifiedCount: 20, status: 'in_store', inspectedById: s.actors.armorer.userId });
    expect(ledger(id)).toMatchObject([{ kind: 'received', delta: 24, rounds: 24 }]);
    expect(auditOf(id)).toEqual(['ammo.receive']);
  });

  it('a dummy lot without its verification method, or with more verified than received, is refused; nothing stored', () => {
    const before = db().select().from(t.ammoLots).all().length;
    expect(receive('dummy', 10, { verificationMethods: [] })).toMatchObject({ ok: false, fieldErrors: { verificationMethods: [expect.stringMatching(/rattle, drilled case, no primer/)] } });
    expect(receive('dummy', 10, { verifiedCount: 11 })).toMatchObject({ ok: false, fieldErrors: { verifiedCount: [expect.any(String)] } });
    expect(receive('dummy', 10, { paperworkRef: '' })).toMatchObject({ ok: false, fieldErrors: { paperworkRef: [expect.any(String)] } });
    expect(receive('dummy', 10, { verificationMethods: ['rattle', 'x-ray'] })).toMatchObject({ ok: false, code: 'invalid' });
    expect(db().select().from(t.ammoLots).all().length).toBe(before);
  });

  it('blanks need no dummy verification, and keep none', () => {
    const { id } = ok(receive('blank', 30, { verificationMethods: ['rattle'], verifiedCount: 3 }));
    expect(lot(id)).toMatchObject({ verificationMethods: [], verifiedCount: null });
  });

  it('only the armorer receives or adjusts', () => {
    for (const who of ['producer', 'auditor', 'crew'] as const) {
      expect(ammo.createAmmoLot(s.actors[who], {}, tick())).toMatchObject({ ok: false, code: 'forbidden' });
      expect(ammo.adjustAmmoCount(s.actors[who], {}, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });
});

describe('the ledger and the count cannot drift', () => {
  it('after a run of hand-outs, returns with fired and missing rounds, and adjustments, the ledger sums to the count', () => {
    const blanks = ok(receive('blank', 200)).id;
    const w = weapon('LED-1');
    // A fixed run (seeded, not random): rounds out, fired, back.
    const run: [number, number, number][] = [[12, 6, 6], [10, 10, 0], [6, 2, 3], [20, 0, 20], [8, 5, 4], [1, 0, 1]];
    for (const [out, fired, back] of run) {
      ready(w);
      const h = ok(handOut(w, blanks, out));
      expect(ledgerSum(blanks)).toBe(lot(blanks).countOnHand);
      ok(giveBack(h.id, fired, back));
      expect(ledgerSum(blanks)).toBe(lot(blanks).countOnHand);
    }
    // Each run keeps out − restock (only unspent rounds come back: in [8, 5, 4] one round is of unknown origin).
    expect(lot(blanks).countOnHand).toBe(200 - 6 - 10 - 3 - 0 - 5 - 0);
    ok(ammo.adjustAmmoCount(s.actors.armorer, { id: randomUUID(), lotId: blanks, countedOnHand: 170, reason: 'Recount after the day: three short, found crushed in the tray.' }, tick()));
    expect(ledgerSum(blanks)).toBe(170);
    expect(lot(blanks).countOnHand).toBe(170);
    // Fired and missing rounds are in the ledger too, though they move nothing on hand.
    const kinds = ledger(blanks).map((m) => m.kind);
    expect(kinds.filter((k) => k === 'fired')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'missing')).toHaveLength(1);
    const r = reconcile(lot(blanks), ledger(blanks), s.production.timeZone);
    expect(r.drift).toBe(0);
    expect(r.ledgerOnHand).toBe(170);
  });

  it('an adjustment needs a reason and a different count, and a repeat is the same adjustment', () => {
    const id = ok(receive('blank', 10)).id;
    expect(ammo.adjustAmmoCount(s.actors.armorer, { id: randomUUID(), lotId: id, countedOnHand: 10, reason: 'Counted again today.' }, tick())).toMatchObject({ ok: false, fieldErrors: { countedOnHand: [expect.stringMatching(/nothing to adjust/)] } });
    expect(ammo.adjustAmmoCount(s.actors.armorer, { id: randomUUID(), lotId: id, countedOnHand: 9, reason: '' }, tick())).toMatchObject({ ok: false, fieldErrors: { reason: expect.arrayContaining([expect.stringMatching(/Say why/)]) } });
    const req = { id: randomUUID(), lotId: id, countedOnHand: 9, reason: 'One round dropped in the creek.' };
    ok(ammo.adjustAmmoCount(s.actors.armorer, req, tick()));
    ok(ammo.adjustAmmoCount(s.actors.armorer, req, tick()));
    expect(lot(id).countOnHand).toBe(9);
    expect(ledgerSum(id)).toBe(9);
  });
});

describe('reconciliation by the production’s local day', () => {
  it('a hand-out at 23:00 and its return at 00:30 in Denver fall on two days, though both are the same UTC date', () => {
    const blanks = ok(receive('blank', 40)).id;
    const w = weapon('MID-1');
    ready(w);
    clock = new Date('2026-11-25T06:00:00Z').getTime(); // 23:00 on 24 Nov in Denver
    const h = ok(handOut(w, blanks, 10));
    clock = new Date('2026-11-25T07:30:00Z').getTime(); // 00:30 on 25 Nov in Denver
    ok(giveBack(h.id, 4, 6));
    const r = reconcile(lot(blanks), ledger(blanks), 'America/Denver');
    expect(r.days.map((d) => ({ day: d.day, opening: d.opening, issued: d.issued, fired: d.fired, returned: d.returned, closing: d.closing, outstanding: d.outstanding }))).toEqual([
      { day: '2026-11-24', opening: 0, issued: 10, fired: 0, returned: 0, closing: 30, outstanding: 10 },
      { day: '2026-11-25', opening: 30, issued: 0, fired: 4, returned: 6, closing: 36, outstanding: 0 },
    ]);
    // Read in UTC, the same ledger would be one day: the zone decides.
    expect(reconcile(lot(blanks), ledger(blanks), 'UTC').days.map((d) => d.day)).toEqual(['2026-11-24', '2026-11-25']);
    expect(reconcile(lot(blanks), ledger(blanks), 'UTC').days[1]).toMatchObject({ issued: 10, fired: 4, returned: 6 });
    // The day view shows the lot on each local day with the same figures.
    const day24 = reconciliationForDay(s.actors.producer, '2026-11-24').find((row) => row.lot.id === blanks)!;
    expect(day24).toMatchObject({ onHand: 30, drift: 0, day: { issued: 10, outstanding: 10 } });
    const day25 = reconciliationForDay(s.actors.auditor, '2026-11-25').find((row) => row.lot.id === blanks)!;
    expect(day25).toMatchObject({ onHand: 36, day: { fired: 4, returned: 6 } });
    expect(() => reconciliationForDay(s.actors.crew, '2026-11-25')).toThrow();
  });
});

describe('a live round found in a lot', () => {
  let dummies: string;
  let weaponId: string;
  let incidentId: string;

  beforeAll(() => {
    clock = new Date('2026-11-25T16:00:00Z').getTime(); // 09:00 on 25 Nov in Denver
    meeting('2026-11-25');
    dummies = ok(receive('dummy', 24)).id;
    weaponId = weapon('FRZ-1');
  });

  it('crew may file the report but not freeze a lot; producer and auditor may not freeze either', () => {
    for (const who of ['crew', 'producer', 'auditor'] as const) {
      expect(ammo.freezeAmmoLot(s.actors[who], { lotId: dummies, incidentId: '', liveRoundsFound: 1, countedInert: 23, description: 'Found one in the box' }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(lot(dummies).status).toBe('in_store');
  });

  it('the armorer freezes the lot: it is counted, and the rule-1 report is filed (critical, stop-work hold)', () => {
    const res = ok(ammo.freezeAmmoLot(s.actors.armorer, { lotId: dummies, incidentId: '', liveRoundsFound: 1, countedInert: 23, description: 'A primed round with a bullet in the dummy box, found at the morning count.' }, tick()));
    incidentId = res.incidentId;
    expect(lot(dummies)).toMatchObject({ status: 'frozen', liveRoundsFound: 1, countedAtFreeze: 23, countOnHand: 23, frozenIncidentId: incidentId, frozenById: s.actors.armorer.userId });
    const incident = db().select().from(t.incidents).where(eq(t.incidents.id, incidentId)).get()!;
    expect(incident).toMatchObject({ type: 'live_ammunition_found', severity: 'critical' });
    expect(db().select().from(t.holdIncidents).where(eq(t.holdIncidents.incidentId, incidentId)).get()).toBeTruthy();
    // The ledger follows the count: 24 received, one fewer counted (the live one was never inventory).
    expect(ledger(dummies).map((m) => [m.kind, m.delta])).toEqual([['received', 24], ['adjusted', -1]]);
    expect(ledgerSum(dummies)).toBe(23);
    expect(auditOf(dummies)).toEqual(['ammo.receive', 'ammo.freeze']);
    expect(ammo.freezeAmmoLot(s.actors.armorer, { lotId: dummies, incidentId, liveRoundsFound: 1, countedInert: 23, description: '' }, tick())).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('nothing in a frozen lot can be issued: refused, recorded like rule 2, nothing moves', () => {
    // Lift the rule-1 hold (armorer concurs, producer lifts) so that the frozen lot alone refuses.
    liftStandingHold();
    ready(weaponId);
    const attempt = randomUUID();
    const res = handOff(s.actors.armorer, { id: attempt, firearmId: weaponId, toUserId: s.actors.actor.userId, scene: '12A', ammoLotId: dummies, roundsOut: 6 }, tick());
    expect(res).toMatchObject({ ok: false, code: 'refused' });
    expect(res.ok ? '' : res.message).toMatch(/frozen as evidence/);
    const refused = db().select().from(t.refusedHandoffs).where(eq(t.refusedHandoffs.id, attempt)).get()!;
    expect(refused.reasons).toEqual(['lot_frozen']);
    const breach = db().select().from(t.incidents).where(eq(t.incidents.id, refused.incidentId!)).get()!;
    expect(breach.type).toBe('custody_breach');
    expect(breach.description).toMatch(/rule 1/);
    expect(auditOf(attempt)).toEqual(['handoff.refused']);
    expect(lot(dummies).countOnHand).toBe(23);
    expect(db().select().from(t.firearms).where(eq(t.firearms.id, weaponId)).get()!.status).toBe('locked_up');
    // Naming the lot with no rounds is refused too: the lot issues nothing.
    expect(handOut(weaponId, dummies, 0)).toMatchObject({ ok: false, code: 'refused' });
  });

  it('a live-ammunition report filed by crew can be the one the armorer links', () => {
    const other = ok(receive('dummy', 12)).id;
    const filed = ok(fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'live_ammunition_found', description: 'A round with a primer in the dummy tray by the cart.', location: 'Stage 2', occurredAt: '', firearmIds: [] }, tick()));
    const notLive = ok(fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'near_miss', description: 'Something else entirely happened here.', location: 'Stage 2', occurredAt: '', firearmIds: [] }, tick()));
    expect(ammo.freezeAmmoLot(s.actors.armorer, { lotId: other, incidentId: notLive.id, liveRoundsFound: 1, countedInert: 12, description: '' }, tick())).toMatchObject({ ok: false, fieldErrors: { incidentId: [expect.stringMatching(/Live ammunition found/)] } });
    ok(ammo.freezeAmmoLot(s.actors.armorer, { lotId: other, incidentId: filed.id, liveRoundsFound: 1, countedInert: 12, description: '' }, tick()));
    expect(lot(other)).toMatchObject({ status: 'frozen', frozenIncidentId: filed.id, countOnHand: 12 });
    expect(ledger(other).map((m) => m.kind)).toEqual(['received']);
  });

  it('the chain of custody to the authorities: each transfer recorded; rounds leaving the store leave the ledger', () => {
    const first = { id: randomUUID(), lotId: dummies, fromStore: true, fromName: 'Ari Armorer', fromAgency: '', toName: 'Deputy Dana Cruz', toAgency: 'Santa Fe County Sheriff', toBadge: 'SF-2231', transferredAt: '2026-11-25T09:00', rounds: 23, liveRounds: 1, sealNumber: 'EV-0042' };
    expect(ammo.recordEvidenceTransfer(s.actors.armorer, { ...first, rounds: 24 }, tick())).toMatchObject({ ok: false, fieldErrors: { rounds: [expect.stringMatching(/Only 23/)] } });
    expect(ammo.recordEvidenceTransfer(s.actors.armorer, { ...first, liveRounds: 2 }, tick())).toMatchObject({ ok: false, fieldErrors: { liveRounds: [expect.any(String)] } });
    expect(ammo.recordEvidenceTransfer(s.actors.armorer, { ...first, transferredAt: '2026-12-25T09:30' }, tick())).toMatchObject({ ok: false, fieldErrors: { transferredAt: [expect.stringMatching(/future/)] } });
    expect(ammo.recordEvidenceTransfer(s.actors.producer, first, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    ok(ammo.recordEvidenceTransfer(s.actors.armorer, first, tick()));
    ok(ammo.recordEvidenceTransfer(s.actors.armorer, first, tick())); // a repeat is the same transfer
    ok(ammo.recordEvidenceTransfer(s.actors.armorer, { ...first, id: randomUUID(), fromStore: false, fromName: 'Deputy Dana Cruz', fromAgency: 'Santa Fe County Sheriff', toName: 'Lee Tech', toAgency: 'State Crime Lab', toBadge: 'LAB-77', transferredAt: '2026-11-25T09:01' }, tick()));
    const chain = db().select().from(t.ammoEvidenceTransfers).where(eq(t.ammoEvidenceTransfers.lotId, dummies)).all();
    expect(chain.map((c) => [c.fromName, c.toName, c.toBadge, c.sealNumber])).toEqual([
      ['Ari Armorer', 'Deputy Dana Cruz', 'SF-2231', 'EV-0042'],
      ['Deputy Dana Cruz', 'Lee Tech', 'LAB-77', 'EV-0042'],
    ]);
    expect(lot(dummies).countOnHand).toBe(0);
    expect(ledgerSum(dummies)).toBe(0);
    expect(ledger(dummies).at(-1)).toMatchObject({ kind: 'evidence', delta: -23 });
    // A lot that is not frozen goes nowhere near the authorities' chain.
    const plain = ok(receive('blank', 5)).id;
    expect(ammo.recordEvidenceTransfer(s.actors.armorer, { ...first, id: randomUUID(), lotId: plain, rounds: 1, liveRounds: 0 }, tick())).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('rounds out with a weapon when their lot is frozen (the recall)', () => {
  it('the freeze tells armorers and producers which hand-outs carry the lot; the return goes back into the frozen lot, never issuable', () => {
    clock = new Date('2026-11-26T16:00:00Z').getTime(); // 09:00 on 26 Nov in Denver
    liftStandingHold();
    meeting('2026-11-26');
    const d = ok(receive('dummy', 10)).id;
    const w = weapon('RCL-1');
    ready(w);
    const h = ok(handOut(w, d, 3));
    expect(ammo.handoutsCarrying(db(), d, s.production.timeZone).map((x) => [x.handoffId, x.rounds, x.holderId])).toEqual([[h.id, 3, s.actors.actor.userId]]);

    const res = ok(ammo.freezeAmmoLot(s.actors.armorer, { lotId: d, incidentId: '', liveRoundsFound: 1, countedInert: 6, description: 'A live round among the dummies at the count.' }, tick()));
    expect(res.recalled).toBe(1);
    // Sent as a critical-incident message (never muted); the freeze's own rule-1 report sends others, so the recall is found by its title.
    const recalls = db().select().from(t.notifications).where(eq(t.notifications.kind, 'critical_incident')).all().filter((n) => n.title.startsWith('Recall:'));
    // Every armorer and producer, the armorer who froze it included: the recall is her to-do list too.
    const members = db().select().from(t.memberships).where(eq(t.memberships.productionId, s.production.id)).all();
    const armorersAndProducers = db().select().from(t.memberships).all().filter((m) => m.productionId === s.production.id && (m.role === 'armorer' || m.role === 'producer')).map((m) => m.userId);
    expect(members.length).toBeGreaterThan(armorersAndProducers.length); // crew and auditors are members too, and are not told
    expect(recalls.map((n) => n.userId).sort()).toEqual(armorersAndProducers.sort());
    expect(armorersAndProducers).toEqual(expect.arrayContaining([s.actors.armorer.userId, s.actors.producer.userId]));
    for (const n of recalls) {
      expect(n.title).toBe(`Recall: 3 rounds of frozen lot ${lot(d).lotNumber} still out with 1 weapon`);
      expect(n.body).toContain('RCL-1 (Pietta 1873), with ');
      expect(n.body).toContain(': 3 rounds since ');
      expect(n.link).toBe(`/productions/${s.production.id}/ammunition/${d}#recall-h`);
    }
    // The outbox holds the message in the same transaction, unmutable (critical).
    const out = db().select().from(t.deliveries).where(eq(t.deliveries.kind, 'critical_incident')).all().filter((o) => o.subject.startsWith('Recall:'));
    expect(out.length).toBeGreaterThanOrEqual(2);
    expect(new Set(out.map((o) => o.notificationId))).toEqual(new Set(recalls.map((n) => n.id)));
    expect(out.every((o) => o.critical)).toBe(true);
    const freezeAudit = db().select().from(t.auditLog).where(eq(t.auditLog.entityId, d)).all().find((a) => a.action === 'ammo.freeze')!;
    expect(JSON.stringify(freezeAudit)).toContain(h.id);

    // The return (rule 5 lets it through the stop-work hold): the rounds go back into the frozen lot.
    ok(giveBack(h.id, 0, 3));
    expect(lot(d)).toMatchObject({ status: 'frozen', countOnHand: 9 });
    expect(ledgerSum(d)).toBe(9);
    const back = ledger(d).find((m) => m.kind === 'returned')!;
    expect(back).toMatchObject({ delta: 3, handoffId: h.id });
    expect(back.reason).toMatch(/^Returned under freeze: back into frozen lot/);
    expect(ammo.handoutsCarrying(db(), d, s.production.timeZone)).toEqual([]);

    // Never issuable again: the lot rule still refuses, with the hold lifted and the weapon cleared.
    liftStandingHold();
    ready(w);
    const again = handOut(w, d, 1);
    expect(again).toMatchObject({ ok: false, code: 'refused' });
    expect(again.ok ? '' : again.message).toMatch(/frozen as evidence/);
    expect(lot(d).countOnHand).toBe(9);
  });

  it('a freeze with nothing of the lot out sends no recall', () => {
    const recallCount = () => db().select().from(t.notifications).all().filter((n) => n.title.startsWith('Recall:')).length;
    const before = recallCount();
    liftStandingHold();
    const d = ok(receive('dummy', 5)).id;
    expect(ok(ammo.freezeAmmoLot(s.actors.armorer, { lotId: d, incidentId: '', liveRoundsFound: 1, countedInert: 4, description: 'Found at the count.' }, tick())).recalled).toBe(0);
    expect(recallCount()).toBe(before);
  });
});

describe('return to the vendor at wrap', () => {
  it('the armorer signs the whole count back; the lot closes and can never be issued; a producer acknowledges', () => {
    liftStandingHold();
    const blanks = ok(receive('blank', 20)).id;
    const w = weapon('VND-1');
    ready(w);
    const h = ok(handOut(w, blanks, 6));
    const base = { lotId: blanks, vendorReceiver: 'Sam at Prop House', vendorReference: 'RMA-5521', signed: true };
    expect(ammo.returnLotToVendor(s.actors.armorer, { ...base, countReturned: 14 }, tick())).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/still out/) });
    ok(giveBack(h.id, 2, 4));
    expect(ammo.returnLotToVendor(s.actors.armorer, { ...base, countReturned: 17 }, tick())).toMatchObject({ ok: false, fieldErrors: { countReturned: [expect.stringMatching(/holds 18/)] } });
    expect(ammo.returnLotToVendor(s.actors.armorer, { ...base, countReturned: 18, signed: false }, tick())).toMatchObject({ ok: false, fieldErrors: { signed: [expect.any(String)] } });
    for (const who of ['producer', 'auditor', 'crew'] as const) expect(ammo.returnLotToVendor(s.actors[who], { ...base, countReturned: 18 }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(ammo.acknowledgeVendorReturn(s.actors.producer, { lotId: blanks }, tick())).toMatchObject({ ok: false, code: 'conflict' });
    ok(ammo.returnLotToVendor(s.actors.armorer, { ...base, countReturned: 18 }, tick()));
    expect(lot(blanks)).toMatchObject({ status: 'returned', countOnHand: 0, vendorReturnCount: 18, vendorReceiver: 'Sam at Prop House', vendorReference: 'RMA-5521', vendorReturnedById: s.actors.armorer.userId, vendorAckAt: null });
    expect(ledgerSum(blanks)).toBe(0);
    expect(ammo.returnLotToVendor(s.actors.armorer, { ...base, countReturned: 0 }, tick())).toMatchObject({ ok: false, code: 'conflict' });
    // Closed: naming it on a hand-out is refused and recorded.
    ready(w);
    const refused = handOut(w, blanks, 0);
    expect(refused).toMatchObject({ ok: false, code: 'refused' });
    expect(db().select().from(t.refusedHandoffs).all().at(-1)!.reasons).toEqual(['lot_returned']);
    // The producer's acknowledgement; the armorer and the auditor cannot give it.
    expect(ammo.acknowledgeVendorReturn(s.actors.armorer, { lotId: blanks }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(ammo.acknowledgeVendorReturn(s.actors.auditor, { lotId: blanks }, tick())).toMatchObject({ ok: false, code: 'forbidden' });
    ok(ammo.acknowledgeVendorReturn(s.actors.producer, { lotId: blanks }, tick()));
    expect(lot(blanks)).toMatchObject({ vendorAckById: s.actors.producer.userId });
    expect(auditOf(blanks)).toEqual(['ammo.receive', 'ammo.issue', 'ammo.return', 'ammo.vendor_return', 'ammo.vendor_ack']);
  });

  it('another production’s lot does not exist', async () => {
    const other = await seedProduction({ title: 'Other', now: new Date(clock) });
    const mine = ok(receive('blank', 3)).id;
    expect(ammo.returnLotToVendor(other.actors.armorer, { lotId: mine, countReturned: 3, vendorReceiver: 'X', vendorReference: 'Y', signed: true }, tick())).toMatchObject({ ok: false, code: 'not_found' });
    expect(ammo.adjustAmmoCount(other.actors.armorer, { id: randomUUID(), lotId: mine, countedOnHand: 1, reason: 'Not my lot at all.' }, tick())).toMatchObject({ ok: false, code: 'not_found' });
  });
});
