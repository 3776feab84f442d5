// Ammunition lots: dummies and blanks only. Live ammunition can never be inventory (ARCHITECTURE.md:
// ammunition); finding any is a "live ammunition found" incident (rule 1).
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { ammoEvidenceTransfers, ammoLots, ammoMovements, handoffs, incidents, type AmmoEvidenceTransfer, type AmmoLot, type AmmoMovement } from '@/db/schema';
import type { Actor } from '../actor';
import { defineCore, type Core, type Ctx } from '../core';
import { fail, Refusal, type ActionResult } from '../errors';
import { fileIncidentTx } from '../incidents/file';
import { pastLocalTime } from '../past-time';
import type { AmmoMovementKind } from '../enums';
import { recallNotice, vendorReturnProblem } from '../rules';
import { memberIdsWithRole, notifyUsers } from '../notify';
import { createAmmoLotSchema, LIVE_AMMO_MESSAGE, type CreateAmmoLotInput } from '../schemas/firearms';
import { acknowledgeVendorReturnSchema, adjustAmmoCountSchema, freezeAmmoLotSchema, recordEvidenceTransferSchema, returnLotToVendorSchema } from '../schemas/ammunition';
import { formatInZone, localDate } from '../time';
import { audit } from './common';
import { handoutsCarrying } from './ammunition-facts';

export { handoutsCarrying };

export function liveAmmoIncidentPath(productionId: string) {
  return `/productions/${productionId}/incidents/new?type=live_ammunition_found`;
}

/**
 * The one way a lot's count on hand changes (ARCHITECTURE.md: ammunition chain): the count and the
 * ledger row move together in the caller's transaction, so the ledger always sums to the count.
 * A movement with delta 0 (rounds fired, rounds missing) only records what the return counted.
 */
export function moveRounds(ctx: Ctx, lotId: string, m: { id?: string; kind: AmmoMovementKind; delta: number; rounds: number; handoffId?: string | null; reason?: string }): AmmoMovement {
  const row: AmmoMovement = {
    id: m.id ?? randomUUID(),
    productionId: ctx.actor.productionId,
    lotId,
    kind: m.kind,
    delta: m.delta,
    rounds: m.rounds,
    handoffId: m.handoffId ?? null,
    reason: m.reason ?? '',
    byId: ctx.actor.userId,
    at: ctx.now,
  };
  ctx.tx.insert(ammoMovements).values(row).run();
  if (m.delta !== 0) ctx.tx.update(ammoLots).set({ countOnHand: sql`${ammoLots.countOnHand} + ${m.delta}` }).where(eq(ammoLots.id, lotId)).run();
  return row;
}

/** The lot, if it belongs to the actor's production; another production's lot does not exist (404). */
export function ammoLotOf(tx: Tx, productionId: string, lotId: string): AmmoLot {
  const lot = tx.select().from(ammoLots).where(and(eq(ammoLots.id, lotId), eq(ammoLots.productionId, productionId))).get();
  if (!lot) throw new Refusal('That lot is not in this production’s ammunition.', 'not_found');
  return lot;
}

/** Rounds of this lot out with weapons now (hand-offs not yet returned). */
export function roundsOutOf(tx: Tx, lotId: string): number {
  return tx.select({ n: sql<number>`coalesce(sum(${handoffs.roundsOut}), 0)` }).from(handoffs).where(and(eq(handoffs.ammoLotId, lotId), isNull(handoffs.returnedAt))).get()?.n ?? 0;
}

const invalid = (field: string, message: string) => new Refusal('Some fields need attention.', 'invalid', { [field]: [message] });

const createAmmoLotCore = defineCore({
  schema: createAmmoLotSchema,
  permission: 'ammo.receive',
  run: (input, ctx) => {
    if (input.receivedOn > localDate(ctx.now, ctx.actor.production.timeZone)) {
      throw new Refusal('Some fields need attention.', 'invalid', { receivedOn: ['A lot is recorded once it has arrived: the date cannot be in the future.'] });
    }
    const existing = ctx.tx.select().from(ammoLots).where(eq(ammoLots.id, input.id)).get();
    if (existing) {
      // A repeated submission of the same form is the same lot.
      if (existing.productionId === ctx.actor.productionId) return { id: existing.id };
      throw new Refusal('This request id is already in use. Reload the form.', 'conflict');
    }
    const clash = ctx.tx
      .select({ id: ammoLots.id })
      .from(ammoLots)
      .where(and(eq(ammoLots.productionId, ctx.actor.productionId), sql`lower(${ammoLots.lotNumber}) = lower(${input.lotNumber})`, sql`lower(${ammoLots.supplier}) = lower(${input.supplier})`))
      .get();
    if (clash) throw new Refusal('Some fields need attention.', 'invalid', { lotNumber: ['This supplier’s lot is already recorded.'] });
    const row: AmmoLot = {
      id: input.id,
      productionId: ctx.actor.productionId,
      kind: input.kind,
      calibre: input.calibre,
      // Starts empty: the "received" movement below brings the count in, through the ledger.
      countOnHand: 0,
      supplier: input.supplier,
      lotNumber: input.lotNumber,
      receivedOn: input.receivedOn,
      // The inspection on arrival is the acting armorer's (live rounds came mixed with dummies on Rust).
      inspectedById: ctx.actor.userId,
      inspectedAt: ctx.now,
      inspectionNotes: input.inspectionNotes,
      createdAt: ctx.now,
      paperworkRef: input.paperworkRef,
      countReceived: input.countOnHand,
      verificationMethods: input.kind === 'dummy' ? input.verificationMethods : [],
      verifiedCount: input.kind === 'dummy' ? input.verifiedCount : null,
      status: 'in_store',
      frozenAt: null,
      frozenById: null,
      frozenIncidentId: null,
      liveRoundsFound: null,
      countedAtFreeze: null,
      vendorReturnedAt: null,
      vendorReturnedById: null,
      vendorReturnCount: null,
      vendorReceiver: null,
      vendorReference: null,
      vendorAckById: null,
      vendorAckAt: null,
    };
    ctx.tx.insert(ammoLots).values(row).run();
    const movement = moveRounds(ctx, row.id, { kind: 'received', delta: input.countOnHand, rounds: input.countOnHand, reason: `Delivery ${input.paperworkRef}` });
    audit(ctx, { entity: 'ammo_lot', entityId: row.id, action: 'ammo.receive', after: { ...row, countOnHand: input.countOnHand, movementId: movement.id } });
    return { id: row.id };
  },
});

/**
 * Any kind but dummy or blank — live above all, also from a crafted request — answers with the
 * message that points to filing a "live ammunition found" incident. Nothing is stored.
 */
export const createAmmoLot: Core<CreateAmmoLotInput, { id: string }> = Object.assign(
  (actor: Actor, raw: unknown, now?: Date): ActionResult<{ id: string }> => {
    const res = createAmmoLotCore(actor, raw, now);
    if (!res.ok && res.code === 'invalid' && res.fieldErrors?.kind) {
      return fail(LIVE_AMMO_MESSAGE, 'invalid', { ...res.fieldErrors, kind: [LIVE_AMMO_MESSAGE] });
    }
    return res;
  },
  { permission: createAmmoLotCore.permission, schema: createAmmoLotCore.schema },
);

/**
 * A physical count that differs from the ledger: the count on hand is set to what was counted,
 * with the reason in the ledger (ARCHITECTURE.md: ammunition chain). A closed lot is not adjusted.
 */
export const adjustAmmoCount = defineCore({
  schema: adjustAmmoCountSchema,
  permission: 'ammo.receive',
  run: (input, ctx) => {
    const { tx, actor } = ctx;
    const done = tx.select().from(ammoMovements).where(eq(ammoMovements.id, input.id)).get();
    if (done) {
      if (done.productionId !== actor.productionId) throw new Refusal('This request id is already in use. Reload the form.', 'conflict');
      return { lotId: done.lotId, delta: done.delta };
    }
    const lot = ammoLotOf(tx, actor.productionId, input.lotId);
    if (lot.status === 'returned') throw new Refusal('This lot was returned to the vendor and is closed.', 'conflict');
    const delta = input.countedOnHand - lot.countOnHand;
    if (delta === 0) throw invalid('countedOnHand', `The ledger already holds ${lot.countOnHand}: nothing to adjust.`);
    // The client-made id keeps a repeated submission from adjusting twice.
    moveRounds(ctx, lot.id, { id: input.id, kind: 'adjusted', delta, rounds: Math.abs(delta), reason: input.reason });
    audit(ctx, { entity: 'ammo_lot', entityId: lot.id, action: 'ammo.adjust', before: { countOnHand: lot.countOnHand }, after: { countOnHand: input.countedOnHand, movementId: input.id, reason: input.reason } });
    return { lotId: lot.id, delta };
  },
});

/**
 * A live round found in a lot (rule 1; ARCHITECTURE.md: ammunition chain): the lot is frozen at
 * once, so nothing in it can be issued; it is counted (the ledger follows the count); and it is
 * linked to the "live ammunition found" report — one already filed by whoever found it, or one
 * filed here, which makes it critical and puts the production on a stop-work hold.
 */
export const freezeAmmoLot = defineCore({
  schema: freezeAmmoLotSchema,
  permission: 'ammo.evidence',
  run: (input, ctx) => {
    const { tx, actor, now } = ctx;
    const tz = actor.production.timeZone;
    const lot = ammoLotOf(tx, actor.productionId, input.lotId);
    if (lot.status === 'frozen') throw new Refusal(`This lot is already frozen (${formatInZone(lot.frozenAt!, tz)}).`, 'conflict');
    if (lot.status === 'returned') throw new Refusal('This lot was returned to the vendor: report the live round as an incident, with the vendor’s details.', 'conflict');
    let incident: { id: string; number: number };
    if (input.incidentId) {
      const found = tx.select({ id: incidents.id, number: incidents.number, type: incidents.type }).from(incidents).where(and(eq(incidents.id, input.incidentId), eq(incidents.productionId, actor.productionId))).get();
      if (!found) throw invalid('incidentId', 'Choose a report of this production.');
      if (found.type !== 'live_ammunition_found') throw invalid('incidentId', 'Choose a “Live ammunition found” report.');
      incident = found;
    } else {
      const out = roundsOutOf(tx, lot.id);
      incident = fileIncidentTx(
        tx,
        { productionId: actor.productionId, timeZone: tz, reporter: { userId: actor.userId, label: actor.name, role: actor.role }, now },
        {
          id: randomUUID(),
          type: 'live_ammunition_found',
          description:
            `${input.liveRoundsFound} live ${input.liveRoundsFound === 1 ? 'round' : 'rounds'} found in ${lot.kind} lot ${lot.lotNumber} (${lot.calibre}, from ${lot.supplier}). ${input.description}\n` +
            `The lot is frozen as evidence: nothing in it can be issued. ${input.countedInert} ${lot.kind} rounds counted in the store${out ? `; ${out} still out with weapons` : ''}.`,
          location: 'Armory',
          occurredAt: now,
          peopleInvolved: actor.name,
        },
      ).incident;
    }
    const after = { status: 'frozen' as const, frozenAt: now, frozenById: actor.userId, frozenIncidentId: incident.id, liveRoundsFound: input.liveRoundsFound, countedAtFreeze: input.countedInert };
    tx.update(ammoLots).set(after).where(eq(ammoLots.id, lot.id)).run();
    const diff = input.countedInert - lot.countOnHand;
    const movement = diff !== 0 ? moveRounds(ctx, lot.id, { kind: 'adjusted', delta: diff, rounds: Math.abs(diff), reason: `Counted when frozen: ${input.countedInert} ${lot.kind} rounds in the store, ${input.liveRoundsFound} live found (report #${incident.number}).` }) : null;
    // Rounds of the lot already out with weapons are as suspect as those in the store: the armorers and
    // producers are told, hand-out by hand-out, in this transaction (rule 1; ARCHITECTURE.md: ammunition chain, recall).
    const carrying = handoutsCarrying(tx, lot.id, tz);
    const notice = recallNotice(lot, carrying);
    if (notice) {
      notifyUsers(tx, actor.productionId, memberIdsWithRole(tx, actor.productionId, ['armorer', 'producer']), { kind: 'critical_incident', ...notice, link: `/productions/${actor.productionId}/ammunition/${lot.id}#recall-h` }, now);
    }
    audit(ctx, {
      entity: 'ammo_lot',
      entityId: lot.id,
      action: 'ammo.freeze',
      before: { status: lot.status, countOnHand: lot.countOnHand },
      after: { ...after, countOnHand: input.countedInert, movementId: movement?.id ?? null, recalledHandoffIds: carrying.map((h) => h.handoffId) },
    });
    return { lotId: lot.id, incidentId: incident.id, incidentNumber: incident.number, recalled: carrying.length };
  },
});

/**
 * One transfer in a frozen lot's chain of custody to the authorities: from whom, to whom (name,
 * agency, badge or ID), when, how many rounds, under which seal. Rounds leaving the production's
 * store leave the ledger too; a later transfer between officers moves nothing on hand.
 */
export const recordEvidenceTransfer = defineCore({
  schema: recordEvidenceTransferSchema,
  permission: 'ammo.evidence',
  run: (input, ctx) => {
    const { tx, actor, now } = ctx;
    const tz = actor.production.timeZone;
    const done = tx.select().from(ammoEvidenceTransfers).where(eq(ammoEvidenceTransfers.id, input.id)).get();
    if (done) {
      if (done.productionId !== actor.productionId) throw new Refusal('This request id is already in use. Reload the form.', 'conflict');
      return { id: done.id };
    }
    const lot = ammoLotOf(tx, actor.productionId, input.lotId);
    if (lot.status !== 'frozen') throw new Refusal('Only a frozen lot (a live round found in it) goes to the authorities.', 'conflict');
    const at = pastLocalTime(input.transferredAt, tz, now, 'transferredAt', 'That time is in the future. When was it handed over?');
    if (input.fromStore) {
      if (input.rounds > lot.countOnHand) throw invalid('rounds', `Only ${lot.countOnHand} rounds of this lot are in the store.`);
      const liveGone = tx.select({ n: sql<number>`coalesce(sum(${ammoEvidenceTransfers.liveRounds}), 0)` }).from(ammoEvidenceTransfers).where(and(eq(ammoEvidenceTransfers.lotId, lot.id), eq(ammoEvidenceTransfers.fromStore, true))).get()?.n ?? 0;
      const liveLeft = (lot.liveRoundsFound ?? 0) - liveGone;
      if (input.liveRounds > liveLeft) throw invalid('liveRounds', `${liveLeft} of the ${lot.liveRoundsFound ?? 0} live rounds found are still in the store.`);
    }
    const row: AmmoEvidenceTransfer = {
      id: input.id,
      productionId: actor.productionId,
      lotId: lot.id,
      fromStore: input.fromStore,
      fromName: input.fromName,
      fromAgency: input.fromAgency,
      toName: input.toName,
      toAgency: input.toAgency,
      toBadge: input.toBadge,
      rounds: input.rounds,
      liveRounds: input.liveRounds,
      sealNumber: input.sealNumber,
      transferredAt: at,
      recordedById: actor.userId,
      recordedAt: now,
    };
    tx.insert(ammoEvidenceTransfers).values(row).run();
    const movement = input.fromStore && input.rounds > 0 ? moveRounds(ctx, lot.id, { kind: 'evidence', delta: -input.rounds, rounds: input.rounds, reason: `To ${input.toName} (${input.toAgency}, ${input.toBadge}), seal ${input.sealNumber}` }) : null;
    audit(ctx, { entity: 'ammo_lot', entityId: lot.id, action: 'ammo.evidence_transfer', before: { countOnHand: lot.countOnHand }, after: { ...row, countOnHand: lot.countOnHand - (movement ? input.rounds : 0), movementId: movement?.id ?? null } });
    return { id: row.id };
  },
});

/**
 * The return to the vendor at wrap, signed by the armorer: every round the ledger holds goes back
 * (a count that differs is adjusted first, with its reason), none may still be out, and a frozen
 * lot goes to the authorities instead (`vendorReturnProblem`). The lot is then closed: it can
 * never be issued again (rule 2's refusal list records an attempt).
 */
export const returnLotToVendor = defineCore({
  schema: returnLotToVendorSchema,
  permission: 'ammo.vendorReturn',
  run: (input, ctx) => {
    const { tx, actor, now } = ctx;
    const lot = ammoLotOf(tx, actor.productionId, input.lotId);
    const problem = vendorReturnProblem(lot, roundsOutOf(tx, lot.id), input.countReturned);
    if (problem) throw problem.field ? invalid(problem.field, problem.message) : new Refusal(problem.message, 'conflict');
    const movement = lot.countOnHand > 0 ? moveRounds(ctx, lot.id, { kind: 'vendor_return', delta: -lot.countOnHand, rounds: lot.countOnHand, reason: `To ${input.vendorReceiver} for ${lot.supplier}, reference ${input.vendorReference}` }) : null;
    const after = { status: 'returned' as const, vendorReturnedAt: now, vendorReturnedById: actor.userId, vendorReturnCount: input.countReturned, vendorReceiver: input.vendorReceiver, vendorReference: input.vendorReference };
    tx.update(ammoLots).set(after).where(eq(ammoLots.id, lot.id)).run();
    audit(ctx, { entity: 'ammo_lot', entityId: lot.id, action: 'ammo.vendor_return', before: { status: lot.status, countOnHand: lot.countOnHand }, after: { ...after, countOnHand: 0, movementId: movement?.id ?? null } });
    return { lotId: lot.id };
  },
});

/** A producer acknowledges the armorer's return of a lot to the vendor (the wrap's second signature). */
export const acknowledgeVendorReturn = defineCore({
  schema: acknowledgeVendorReturnSchema,
  permission: 'ammo.acknowledgeReturn',
  run: (input, ctx) => {
    const { tx, actor, now } = ctx;
    const lot = ammoLotOf(tx, actor.productionId, input.lotId);
    if (lot.status !== 'returned') throw new Refusal('This lot has not been returned to the vendor yet.', 'conflict');
    if (lot.vendorAckAt) return { lotId: lot.id };
    tx.update(ammoLots).set({ vendorAckById: actor.userId, vendorAckAt: now }).where(eq(ammoLots.id, lot.id)).run();
    audit(ctx, { entity: 'ammo_lot', entityId: lot.id, action: 'ammo.vendor_ack', after: { vendorAckById: actor.userId, vendorAckAt: now } });
    return { lotId: lot.id };
  },
});
