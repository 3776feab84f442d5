// Firearm checks (before and after each use, for one scene/setup) and their named witnesses,
// who confirm in their own session (ARCHITECTURE.md: positions; rule 2 needs every confirmation).
import { and, eq, isNull } from 'drizzle-orm';
import { checkWitnesses, firearmChecks, notifications, type Firearm, type FirearmCheck } from '@/db/schema';
import { defineCore, type Ctx } from '../core';
import { LABELS } from '../enums';
import { Refusal } from '../errors';
import { notifyUsers } from '../notify';
import { checkRefusal, statusAfterCheck, witnessProblems } from '../rules';
import { confirmWitnessSchema, recordCheckSchema, type RecordCheckInput } from '../schemas/firearms';
import { formatInZone } from '../time';
import { itemsFor } from './checklist';
import { audit, changeStatus, firearmOf, positionsOf, weaponLabel } from './common';

export function checkLink(productionId: string, checkId: string) {
  return `/productions/${productionId}/checks/${checkId}`;
}

/**
 * Records one check inside the caller's transaction: the witnesses, their notifications and the
 * weapon's status change (a failed check puts it out of service until a later passing one).
 */
export function recordCheckTx(ctx: Ctx, input: RecordCheckInput): { check: FirearmCheck; firearm: Firearm; created: boolean } {
  const { tx, actor, now } = ctx;
  const existing = tx.select().from(firearmChecks).where(eq(firearmChecks.id, input.id)).get();
  if (existing) {
    // A repeated submission of the same form is the same check.
    if (existing.productionId === actor.productionId && existing.performedById === actor.userId) {
      return { check: existing, firearm: firearmOf(tx, actor.productionId, existing.firearmId), created: false };
    }
    throw new Refusal('This request id is already in use. Reload the form.', 'conflict');
  }
  const firearm = firearmOf(tx, actor.productionId, input.firearmId);
  const refusal = checkRefusal(firearm.status, input.phase);
  if (refusal) throw new Refusal(refusal, 'refused', { firearmId: [refusal] });

  const named = input.witnessIds.map((userId) => ({ userId, positions: positionsOf(tx, actor.productionId, userId) }));
  const problems = witnessProblems(actor.userId, named);
  if (problems.length) throw new Refusal('Some fields need attention.', 'invalid', { witnessIds: [...new Set(problems.map((p) => p.message))] });

  const checklist = Object.fromEntries(itemsFor(input.phase).map((i) => [i.key, input.checklist[i.key] === true]));
  const check: FirearmCheck = {
    id: input.id,
    productionId: actor.productionId,
    firearmId: firearm.id,
    phase: input.phase,
    scene: input.scene,
    checklist,
    result: input.result,
    findings: input.findings,
    performedById: actor.userId,
    performedAt: now,
  };
  tx.insert(firearmChecks).values(check).run();
  for (const w of named) tx.insert(checkWitnesses).values({ checkId: check.id, userId: w.userId, confirmedAt: null }).run();
  audit(ctx, { entity: 'firearm_check', entityId: check.id, action: 'check.record', after: { ...check, witnessIds: input.witnessIds } });

  const phase = LABELS.checkPhase[input.phase].toLowerCase();
  const to = statusAfterCheck(firearm.status, input.result);
  const reason = input.result === 'fail' ? `Failed ${phase} check for ${input.scene}: ${input.findings}` : `Passing ${phase} check for ${input.scene}`;
  const updated = changeStatus(ctx, firearm, to, reason, { checkId: check.id });

  notifyUsers(
    tx,
    actor.productionId,
    input.witnessIds,
    {
      kind: 'witness_request',
      title: `Confirm the ${phase} check of ${firearm.tag}`,
      body: `${actor.name} checked ${weaponLabel(firearm)} for ${input.scene} (${LABELS.checkResult[input.result].toLowerCase()}) and named you as a witness.`,
      link: checkLink(actor.productionId, check.id),
    },
    now,
  );
  return { check, firearm: updated, created: true };
}

export const recordCheck = defineCore({
  schema: recordCheckSchema,
  permission: 'check.record',
  run: (input, ctx) => {
    const { check, firearm } = recordCheckTx(ctx, input);
    return { id: check.id, result: check.result, firearmStatus: firearm.status };
  },
});

/** Only a named witness confirms, once, in their own session. */
export const confirmWitness = defineCore({
  schema: confirmWitnessSchema,
  permission: 'check.witness',
  run: ({ checkId }, ctx) => {
    const { tx, actor, now } = ctx;
    const check = tx.select().from(firearmChecks).where(and(eq(firearmChecks.id, checkId), eq(firearmChecks.productionId, actor.productionId))).get();
    if (!check) throw new Refusal('Not found.', 'not_found');
    const row = tx.select().from(checkWitnesses).where(and(eq(checkWitnesses.checkId, checkId), eq(checkWitnesses.userId, actor.userId))).get();
    if (!row) throw new Refusal('Only a witness named on this check can confirm it.', 'forbidden');
    if (row.confirmedAt) throw new Refusal(`You already confirmed this check (${formatInZone(row.confirmedAt, actor.production.timeZone)}).`, 'conflict');
    if (row.declinedAt) throw new Refusal(`You declined this check (${formatInZone(row.declinedAt, actor.production.timeZone)}): the armorer checks the weapon again with witnesses.`, 'conflict');
    tx.update(checkWitnesses).set({ confirmedAt: now }).where(and(eq(checkWitnesses.checkId, checkId), eq(checkWitnesses.userId, actor.userId))).run();
    audit(ctx, { entity: 'firearm_check', entityId: checkId, action: 'check.witness_confirm', before: { userId: actor.userId, confirmedAt: null }, after: { userId: actor.userId, confirmedAt: now } });
    // The request is answered: it no longer waits in the witness's notifications.
    tx.update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.userId, actor.userId), eq(notifications.link, checkLink(actor.productionId, checkId)), isNull(notifications.readAt)))
      .run();
    return { checkId, confirmedAt: now };
  },
});

/**
 * A named witness says "I did not see this check" (rule 2: a witness is a second pair of eyes, not
 * a signature). The check can then never clear a hand-out; the armorer who made it is told, in
 * this transaction, and checks the weapon again. Final: a declined check is not confirmed later.
 */
export const declineWitness = defineCore({
  schema: confirmWitnessSchema,
  permission: 'check.witness',
  run: ({ checkId }, ctx) => {
    const { tx, actor, now } = ctx;
    const tz = actor.production.timeZone;
    const check = tx.select().from(firearmChecks).where(and(eq(firearmChecks.id, checkId), eq(firearmChecks.productionId, actor.productionId))).get();
    if (!check) throw new Refusal('Not found.', 'not_found');
    const row = tx.select().from(checkWitnesses).where(and(eq(checkWitnesses.checkId, checkId), eq(checkWitnesses.userId, actor.userId))).get();
    if (!row) throw new Refusal('Only a witness named on this check can decline it.', 'forbidden');
    if (row.declinedAt) return { checkId, declinedAt: row.declinedAt };
    if (row.confirmedAt) throw new Refusal(`You already confirmed this check (${formatInZone(row.confirmedAt, tz)}).`, 'conflict');
    tx.update(checkWitnesses).set({ declinedAt: now }).where(and(eq(checkWitnesses.checkId, checkId), eq(checkWitnesses.userId, actor.userId))).run();
    audit(ctx, { entity: 'firearm_check', entityId: checkId, action: 'check.witness_decline', before: { userId: actor.userId, declinedAt: null }, after: { userId: actor.userId, declinedAt: now } });
    tx.update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.userId, actor.userId), eq(notifications.link, checkLink(actor.productionId, checkId)), isNull(notifications.readAt)))
      .run();
    const firearm = firearmOf(tx, actor.productionId, check.firearmId);
    const phase = LABELS.checkPhase[check.phase].toLowerCase();
    notifyUsers(
      tx,
      actor.productionId,
      [check.performedById],
      {
        kind: 'witness_declined',
        title: `${actor.name} did not see the ${phase} check of ${firearm.tag}`,
        body: `${actor.name} declined to witness your ${phase} check of ${weaponLabel(firearm)} for ${check.scene}. It cannot clear a hand-out: check the weapon again with witnesses (rule 2).`,
        link: checkLink(actor.productionId, checkId),
      },
      now,
    );
    return { checkId, declinedAt: now };
  },
});
