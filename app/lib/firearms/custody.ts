// Custody: hand-offs from the armorer and returns to the armorer (rules 2, 5 and 6), and reports
// that a weapon changed hands outside the armorer. The rules decide; this file gathers the facts
// and applies the outcome inside one immediate transaction.
import { randomUUID } from 'node:crypto';
import { and, eq, max } from 'drizzle-orm';
import type { DB, Tx } from '@/db/client';
import {
  ammoLots,
  checkWitnesses,
  firearms,
  firearmChecks,
  handoffs,
  memberships,
  refusedHandoffs,
  safetyMeetings,
  users,
  type AmmoLot,
  type Firearm,
  type Handoff,
  type RefusedHandoff,
} from '@/db/schema';
import type { Actor } from '../actor';
import { defineCore, type Ctx } from '../core';
import { RecordedRefusal, Refusal } from '../errors';
import { fileIncidentTx, openHoldOf } from '../incidents/file';
import { canCollect, countReturn, DUTY_REASONS, evaluateHandoff, HANDOFF_REASONS, LOT_REASONS, SCENE_PLAN_REASONS, statusAfterReturn, type CheckFact, type HandoffFacts, type HandoffReason } from '../rules';
import { handOffSchema, recordReturnSchema, reportOutsideHandoffSchema } from '../schemas/firearms';
import { pastLocalTime } from '../past-time';
import { formatInZone, localDate } from '../time';
import { recordCheckTx } from './checks';
import { otherDutyFactsTx, scenePlanFactsTx } from './scene-plans';
import type { PlanLoad, Position } from '../enums';
import { audit, changeStatus, firearmOf, positionsOf, weaponLabel } from './common';
import { moveRounds } from './ammunition';

const HANDOFF_POINT = 'Armorer’s hand-off point';

function lotOf(tx: Tx, productionId: string, lotId: string): AmmoLot {
  const lot = tx.select().from(ammoLots).where(and(eq(ammoLots.id, lotId), eq(ammoLots.productionId, productionId))).get();
  if (!lot) throw new Refusal('Some fields need attention.', 'not_found', { ammoLotId: ['Choose a lot from this production’s ammunition.'] });
  return lot;
}

function nameOf(tx: Tx, userId: string | null): string | null {
  if (!userId) return null;
  return tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? null;
}

/** This weapon's checks with their witnesses, as the rules read them. */
export function checkFactsOf(tx: Tx | DB, firearmId: string): CheckFact[] {
  const checks = tx.select().from(firearmChecks).where(eq(firearmChecks.firearmId, firearmId)).all();
  if (checks.length === 0) return [];
  const witnesses = tx
    .select({ checkId: checkWitnesses.checkId, userId: checkWitnesses.userId, confirmedAt: checkWitnesses.confirmedAt, declinedAt: checkWitnesses.declinedAt })
    .from(checkWitnesses)
    .innerJoin(firearmChecks, eq(firearmChecks.id, checkWitnesses.checkId))
    .where(eq(firearmChecks.firearmId, firearmId))
    .all();
  return checks.map((c) => ({
    id: c.id,
    phase: c.phase,
    scene: c.scene,
    result: c.result,
    performedAt: c.performedAt,
    witnesses: witnesses.filter((w) => w.checkId === c.id).map((w) => ({ userId: w.userId, confirmedAt: w.confirmedAt, declinedAt: w.declinedAt })),
  }));
}

export function lastReturnOf(tx: Tx | DB, firearmId: string): Date | null {
  // max() reads the weapon's range of handoffs_firearm_at alone; `order by … limit 1` sorted it first.
  const at = tx.select({ at: max(handoffs.returnedAt) }).from(handoffs).where(eq(handoffs.firearmId, firearmId)).get()?.at;
  return at ?? null;
}

/** Everything rules 2, 5, 6, 8 and 9 need about one attempt, read inside the transaction. */
export function handoffFactsTx(tx: Tx, actor: Actor, firearm: Firearm, toUserId: string, scene: string, now: Date, goingOut: { load: PlanLoad; rounds: number }): HandoffFacts {
  const positions = positionsOf(tx, actor.productionId, toUserId);
  const today = localDate(now, actor.production.timeZone);
  return {
    giver: { userId: actor.userId, role: actor.role },
    recipient: positions ? { userId: toUserId, positions } : null,
    firearm: { id: firearm.id, status: firearm.status },
    scene,
    checks: checkFactsOf(tx, firearm.id),
    lastReturnAt: lastReturnOf(tx, firearm.id),
    holdStanding: openHoldOf(tx, actor.productionId) != null,
    meetingsToday: tx
      .select({ firearmsOnSet: safetyMeetings.firearmsOnSet })
      .from(safetyMeetings)
      .where(and(eq(safetyMeetings.productionId, actor.productionId), eq(safetyMeetings.date, today)))
      .all(),
    scenePlan: scenePlanFactsTx(tx, actor, { firearmId: firearm.id, handlerId: toUserId, scene, ...goingOut }, now),
    duties: otherDutyFactsTx(tx, actor.productionId, { giverId: actor.userId, recipientId: toUserId, recipientPositions: positions, scene }),
  };
}

/** The rule a refusal is filed under: 9, 8 or 1 when only custodians' duties, only the scene plan or only the lot refused it, else 2. */
function ruleOf(reasons: readonly HandoffReason[]): number {
  if (reasons.every((r) => r in DUTY_REASONS)) return 9;
  if (reasons.every((r) => r in SCENE_PLAN_REASONS)) return 8;
  if (reasons.every((r) => r in LOT_REASONS)) return 1;
  return 2;
}

function refusalMessage(reasons: readonly string[], incidentNumber: number | null) {
  const why = reasons.map((r) => HANDOFF_REASONS[r as HandoffReason] ?? r).join(' ');
  const record = incidentNumber ? ` Custody-breach report #${incidentNumber} records the attempt.` : '';
  return `Hand-off refused — nothing moved. ${why}${record}`;
}

/**
 * Rule 2: a hand-off tried by a member whose role may not hand out weapons (crew through the JSON
 * route, say) joins the refusal list like any other refused attempt — no incident, since nothing
 * was near a weapon, but the armorer and producers can see who tried. Only an attempt naming a
 * weapon of this production is recorded; a repeated request id is the same attempt.
 */
function recordForbiddenHandoff(raw: unknown, ctx: Ctx) {
  const { tx, actor, now } = ctx;
  const parsed = handOffSchema.safeParse(raw);
  const input = parsed.success
    ? parsed.data
    : raw && typeof raw === 'object' && typeof (raw as Record<string, unknown>).firearmId === 'string'
      ? (raw as Record<string, unknown>)
      : null;
  if (!input) return;
  const firearmId = String(input.firearmId);
  const firearm = firearmId.length <= 100 ? tx.select({ id: firearms.id }).from(firearms).where(and(eq(firearms.id, firearmId), eq(firearms.productionId, actor.productionId))).get() : undefined;
  if (!firearm) return;
  const id = parsed.success ? parsed.data.id : randomUUID();
  if (tx.select({ id: refusedHandoffs.id }).from(refusedHandoffs).where(eq(refusedHandoffs.id, id)).get()) return;
  const toUserId = typeof input.toUserId === 'string' && input.toUserId.length <= 100 ? input.toUserId : null;
  const toName = nameOf(tx, toUserId);
  const row: RefusedHandoff = {
    id,
    productionId: actor.productionId,
    firearmId: firearm.id,
    attemptedById: actor.userId,
    toId: toName ? toUserId : null,
    scene: typeof input.scene === 'string' ? input.scene.trim().slice(0, 60) : '',
    reasons: ['giver_not_armorer'] satisfies HandoffReason[],
    incidentId: null,
    at: now,
  };
  tx.insert(refusedHandoffs).values(row).run();
  audit(ctx, { entity: 'refused_handoff', entityId: row.id, action: 'handoff.refused', after: row });
}

/**
 * Rule 2 (with 5 and 6): only the armorer hands out a weapon, only to a member who may receive
 * one, only after a passing, fully witnessed check for this setup made since its last return,
 * not during a hold, not on a day without a firearms safety meeting. A refused attempt moves
 * nothing but is recorded: a refused_handoffs row and a custody-breach incident.
 */
export const handOff = defineCore({
  schema: handOffSchema,
  permission: 'check.record',
  recordForbidden: recordForbiddenHandoff,
  run: (input, ctx) => {
    const { tx, actor, now } = ctx;
    const tz = actor.production.timeZone;

    // A repeated submission is the same attempt: same answer, no second breach report.
    const done = tx.select().from(handoffs).where(eq(handoffs.id, input.id)).get();
    if (done) {
      if (done.productionId !== actor.productionId || done.fromId !== actor.userId) throw new Refusal('This request id is already in use. Reload the form.', 'conflict');
      return { id: done.id, toName: nameOf(tx, done.toId) ?? '', roundsOut: done.roundsOut };
    }
    const refusedBefore = tx.select().from(refusedHandoffs).where(eq(refusedHandoffs.id, input.id)).get();
    if (refusedBefore) {
      if (refusedBefore.productionId !== actor.productionId || refusedBefore.attemptedById !== actor.userId) throw new Refusal('This request id is already in use. Reload the form.', 'conflict');
      return new RecordedRefusal(refusalMessage(refusedBefore.reasons, null));
    }

    const firearm = firearmOf(tx, actor.productionId, input.firearmId);
    const lot = input.ammoLotId ? lotOf(tx, actor.productionId, input.ammoLotId) : null;
    // Rule 8 compares what would go out with the plan's load: no rounds is the load 'none'.
    const goingOut = { load: lot && input.roundsOut > 0 ? lot.kind : ('none' as const), rounds: lot ? input.roundsOut : 0 };
    // A frozen lot (a live round found in it) or one returned to the vendor issues nothing (ARCHITECTURE.md: ammunition chain).
    const verdict = evaluateHandoff({ ...handoffFactsTx(tx, actor, firearm, input.toUserId, input.scene, now, goingOut), lot });

    if (!verdict.allowed) {
      const toName = nameOf(tx, input.toUserId);
      const lines = verdict.reasons.map((r) => `- ${HANDOFF_REASONS[r]}`).join('\n');
      const rounds = input.roundsOut ? `, with ${input.roundsOut} ${lot ? `${lot.kind} ` : ''}rounds counted out` : '';
      const { incident } = fileIncidentTx(
        tx,
        { productionId: actor.productionId, timeZone: tz, reporter: { userId: actor.userId, label: actor.name, role: actor.role }, now },
        {
          id: randomUUID(),
          type: 'custody_breach',
          description:
            `Refused hand-off recorded by SetSafe (rule ${ruleOf(verdict.reasons)}). ${actor.name} tried to hand ${weaponLabel(firearm)} to ${toName ?? 'someone who is not a member of this production'} for ${input.scene}${rounds}, at ${formatInZone(now, tz)}.\n` +
            `Refused because:\n${lines}\nNothing moved: the weapon stayed ${firearm.status.replace(/_/g, ' ')} and no rounds left the store.`,
          location: HANDOFF_POINT,
          scene: input.scene,
          occurredAt: now,
          peopleInvolved: [actor.name, toName].filter(Boolean).join(', '),
          firearmIds: [firearm.id],
        },
      );
      const row: RefusedHandoff = {
        id: input.id,
        productionId: actor.productionId,
        firearmId: firearm.id,
        attemptedById: actor.userId,
        toId: toName ? input.toUserId : null,
        scene: input.scene,
        reasons: verdict.reasons,
        incidentId: incident.id,
        at: now,
      };
      tx.insert(refusedHandoffs).values(row).run();
      audit(ctx, { entity: 'refused_handoff', entityId: row.id, action: 'handoff.refused', after: { ...row, roundsOut: input.roundsOut, ammoLotId: lot?.id ?? null } });
      return new RecordedRefusal(refusalMessage(verdict.reasons, incident.number), { incidentId: incident.id });
    }

    if (lot && input.roundsOut > lot.countOnHand) {
      throw new Refusal('Some fields need attention.', 'invalid', { roundsOut: [`Only ${lot.countOnHand} rounds of this lot are on hand.`] });
    }
    // check_valid is the triggers' to keep (ARCHITECTURE.md: performance budget, kept aggregates).
    const row: Omit<Handoff, 'checkValid'> = {
      id: input.id,
      productionId: actor.productionId,
      firearmId: firearm.id,
      checkId: verdict.check!.id,
      fromId: actor.userId,
      toId: input.toUserId,
      scene: input.scene,
      ammoLotId: lot?.id ?? null,
      roundsOut: input.roundsOut,
      handedAt: now,
      returnedAt: null,
      receivedById: null,
      roundsBack: null,
      roundsFired: null,
      returnCheckId: null,
      discrepancyIncidentId: null,
    };
    tx.insert(handoffs).values(row).run();
    audit(ctx, { entity: 'handoff', entityId: row.id, action: 'handoff.out', after: row });
    if (lot && input.roundsOut > 0) {
      const movement = moveRounds(ctx, lot.id, { kind: 'issued', delta: -input.roundsOut, rounds: input.roundsOut, handoffId: row.id });
      audit(ctx, { entity: 'ammo_lot', entityId: lot.id, action: 'ammo.issue', before: { countOnHand: lot.countOnHand }, after: { countOnHand: lot.countOnHand - input.roundsOut, handoffId: row.id, movementId: movement.id } });
    }
    const toName = nameOf(tx, input.toUserId) ?? '';
    changeStatus(ctx, firearm, 'checked_out', `Handed to ${toName} for ${input.scene}`, { handoffId: row.id });
    return { id: row.id, toName, roundsOut: row.roundsOut };
  },
});

/**
 * The return to the armorer: rounds counted back and an after-use check (recorded here or picked
 * from one made since the weapon went out). Returns work during a hold (rule 5). Rounds out are
 * either fired (blanks spent) or back; only the returned ones go back into the lot, and what
 * neither explains files an incident (`countReturn`).
 */
export const recordReturn = defineCore({
  schema: recordReturnSchema,
  permission: 'check.record',
  run: (input, ctx) => {
    const { tx, actor, now } = ctx;
    const tz = actor.production.timeZone;
    const h = tx.select().from(handoffs).where(and(eq(handoffs.id, input.handoffId), eq(handoffs.productionId, actor.productionId))).get();
    if (!h) throw new Refusal('Not found.', 'not_found');
    if (h.returnedAt) throw new Refusal(`This weapon was already returned (${formatInZone(h.returnedAt, tz)}).`, 'conflict');
    const firearm = firearmOf(tx, actor.productionId, h.firearmId);
    // Rule 9 (§9153(a)(2)): only a custodian collects the weapon; the one recording is the armorer.
    const collectorId = input.collectedById || actor.userId;
    if (collectorId !== actor.userId) {
      const m = tx.select({ role: memberships.role, positions: memberships.positions }).from(memberships).where(and(eq(memberships.productionId, actor.productionId), eq(memberships.userId, collectorId))).get();
      if (!canCollect(m ? { role: m.role, positions: m.positions as Position[] } : null)) {
        throw new Refusal('Some fields need attention.', 'invalid', { collectedById: ['Only the armorer, the property master or the assistant property master collects a weapon after use (rule 9, Cal. Labor Code §9153(a)(2)).'] });
      }
    }
    const lot = h.ammoLotId ? tx.select().from(ammoLots).where(eq(ammoLots.id, h.ammoLotId)).get() : null;
    const roundsFired = input.roundsFired ?? 0;
    const count = countReturn({ roundsOut: h.roundsOut, roundsFired, roundsBack: input.roundsBack, kind: lot?.kind ?? null });
    if (!count.ok) throw new Refusal('Some fields need attention.', 'invalid', { [count.field]: [count.message] });

    let check;
    if (input.afterCheckId) {
      check = tx.select().from(firearmChecks).where(and(eq(firearmChecks.id, input.afterCheckId), eq(firearmChecks.firearmId, h.firearmId))).get();
      const bad = (m: string) => new Refusal('Some fields need attention.', 'invalid', { afterCheckId: [m] });
      if (!check) throw bad('Choose an after-use check of this weapon.');
      if (check.phase !== 'after_use') throw bad('Choose an after-use check, not a before-use one.');
      if (check.performedAt.getTime() < h.handedAt.getTime()) throw bad('That check was made before the weapon went out.');
      const used = tx.select({ id: handoffs.id }).from(handoffs).where(eq(handoffs.returnCheckId, check.id)).get();
      if (used) throw bad('That check already closed another return.');
    } else {
      check = recordCheckTx(ctx, {
        id: input.checkId ?? randomUUID(),
        firearmId: h.firearmId,
        phase: 'after_use',
        scene: h.scene,
        checklist: input.checklist,
        result: input.result!,
        findings: input.findings,
        witnessIds: [],
      }).check;
    }

    // Only returned rounds go back, never more than could be unspent ones: extra rounds are of unknown origin.
    // The lot's ledger: rounds back into the store, blanks fired, and rounds neither explains (ARCHITECTURE.md: ammunition chain).
    const restock = count.restock;
    const diff = count.unexplained;
    if (lot) {
      // Rounds of a lot frozen while they were out come back into that lot as evidence, never into
      // the store: the lot stays frozen, so they can never be issued again (rule 1; ARCHITECTURE.md:
      // ammunition chain, recall). The ledger row says so; the lot page shows it as returned under freeze.
      const underFreeze = lot.status === 'frozen';
      const reason = underFreeze ? `Returned under freeze: back into frozen lot ${lot.lotNumber} as evidence, never to be issued again (rule 1).` : '';
      const movements = [
        restock > 0 ? moveRounds(ctx, lot.id, { kind: 'returned', delta: restock, rounds: restock, handoffId: h.id, reason }) : null,
        roundsFired > 0 ? moveRounds(ctx, lot.id, { kind: 'fired', delta: 0, rounds: roundsFired, handoffId: h.id }) : null,
        diff > 0 ? moveRounds(ctx, lot.id, { kind: 'missing', delta: 0, rounds: diff, handoffId: h.id }) : null,
      ].filter((m) => m !== null);
      if (movements.length) {
        audit(ctx, { entity: 'ammo_lot', entityId: lot.id, action: 'ammo.return', before: { countOnHand: lot.countOnHand }, after: { countOnHand: lot.countOnHand + restock, handoffId: h.id, movementIds: movements.map((m) => m.id), underFreeze } });
      }
    }

    let incident: { id: string; number: number } | null = null;
    if (diff !== 0) {
      const toName = nameOf(tx, h.toId) ?? 'the recipient';
      const detail =
        diff > 0
          ? `${diff} ${diff === 1 ? 'round is' : 'rounds are'} missing.`
          : `${-diff} more ${diff === -1 ? 'round' : 'rounds'} came back than went out: rounds of unknown origin, inspect them at once.`;
      incident = fileIncidentTx(
        tx,
        { productionId: actor.productionId, timeZone: tz, reporter: { userId: actor.userId, label: actor.name, role: actor.role }, now },
        {
          id: randomUUID(),
          type: 'custody_breach',
          severity: 'high',
          description:
            `${h.roundsOut} rounds out, ${roundsFired ? `${roundsFired} fired, ` : ''}${input.roundsBack} back: ${detail} ` +
            `${weaponLabel(firearm)} was handed to ${toName} for ${h.scene} at ${formatInZone(h.handedAt, tz)}${lot ? ` with ${lot.kind} rounds from lot ${lot.lotNumber} (${lot.calibre})` : ''}, and returned to ${nameOf(tx, collectorId) ?? actor.name} at ${formatInZone(now, tz)}${collectorId !== actor.userId ? ` (recorded by ${actor.name})` : ''}.`,
          location: HANDOFF_POINT,
          scene: h.scene,
          occurredAt: now,
          peopleInvolved: [...new Set([toName, nameOf(tx, collectorId) ?? actor.name, actor.name])].join(', '),
          firearmIds: [firearm.id],
        },
      ).incident;
    }

    // The audit entry holds what was recorded; check_valid is derived (ARCHITECTURE.md: performance budget, kept aggregates).
    const { checkValid: _derived, ...recorded } = h;
    const after = { ...recorded, returnedAt: now, receivedById: collectorId, roundsBack: input.roundsBack, roundsFired, returnCheckId: check.id, discrepancyIncidentId: incident?.id ?? null };
    tx.update(handoffs)
      .set({ returnedAt: now, receivedById: collectorId, roundsBack: input.roundsBack, roundsFired, returnCheckId: check.id, discrepancyIncidentId: incident?.id ?? null })
      .where(eq(handoffs.id, h.id))
      .run();
    audit(ctx, { entity: 'handoff', entityId: h.id, action: 'handoff.return', before: recorded, after });
    const to = statusAfterReturn(check.result);
    const current = firearmOf(tx, actor.productionId, h.firearmId);
    changeStatus(ctx, current, to, to === 'out_of_service' ? `Returned; the after-use check failed: ${check.findings}` : 'Returned to the armorer', { handoffId: h.id, checkId: check.id });
    return { id: h.id, discrepancy: diff, incidentId: incident?.id ?? null, incidentNumber: incident?.number ?? null, firearmStatus: to };
  },
});

/** Any member may report that a weapon changed hands outside the armorer (rule 2): a custody breach. */
export const reportOutsideHandoff = defineCore({
  schema: reportOutsideHandoffSchema,
  permission: 'incident.file',
  run: (input, ctx: Ctx) => {
    const { tx, actor, now } = ctx;
    const tz = actor.production.timeZone;
    const firearm = input.firearmId ? firearmOf(tx, actor.productionId, input.firearmId) : null;
    const occurredAt = input.occurredAt ? pastLocalTime(input.occurredAt, tz, now, 'occurredAt', 'That time is in the future. When did it happen?') : null;
    const { incident } = fileIncidentTx(
      tx,
      { productionId: actor.productionId, timeZone: tz, reporter: { userId: actor.userId, label: actor.name, role: actor.role }, now },
      {
        id: input.id,
        type: 'custody_breach',
        description: `A weapon changed hands outside the armorer${firearm ? ` (${weaponLabel(firearm)})` : ''}. ${input.description}`,
        location: input.location,
        occurredAt,
        firearmIds: firearm ? [firearm.id] : [],
      },
    );
    return { id: incident.id, number: incident.number };
  },
});
