// Rule 8: firearm scene plans and members' qualifications. A plan is written by the armorer,
// its specific firearms risk assessment (Cal. Labor Code §9152.5) is signed by the armorer and by
// the safety advisor, and a producer approves it; only then does it clear a hand-out for its
// setup. Plans are never edited: a changed plan is a new one for the same setup, and the newest
// governs (ARCHITECTURE.md: safety rules, rule 8).
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DB, Tx } from '@/db/client';
import { memberships, qualifications, safetyMeetings, scenePlans, type Qualification, type ScenePlan } from '@/db/schema';
import type { Actor } from '../actor';
import { defineCore, type Ctx } from '../core';
import type { PlanLoad, Position } from '../enums';
import { Refusal } from '../errors';
import { notifyUsers } from '../notify';
import { canReceive, isCustodian, type OtherDutyFacts, type ScenePlanFacts } from '../rules';
import { createScenePlanSchema, recordQualificationSchema, scenePlanRefSchema } from '../schemas/scene-plans';
import { localDate } from '../time';
import { audit, firearmOf, positionsOf } from './common';

export const scenePlansLink = (productionId: string, planId?: string) => `/productions/${productionId}/scene-plans${planId ? `#plan-${planId}` : ''}`;

const norm = (s: string) => s.trim().toLowerCase();

/** The newest plan for a setup (case and spaces ignored, as checks match setups). */
export function currentPlanOf(tx: Tx | DB, productionId: string, scene: string): ScenePlan | null {
  const want = norm(scene);
  return tx.select().from(scenePlans).where(eq(scenePlans.productionId, productionId)).orderBy(desc(scenePlans.createdAt)).all().find((p) => norm(p.scene) === want) ?? null;
}

export function plansInUse(tx: Tx | DB, productionId: string): boolean {
  return tx.select({ id: scenePlans.id }).from(scenePlans).where(eq(scenePlans.productionId, productionId)).limit(1).get() != null;
}

/**
 * Rule 9's facts: the duties the newest plan for this setup records. The recipient counts as a
 * custodian when they hold the property master or assistant position (they receive in custody).
 */
export function otherDutyFactsTx(tx: Tx | DB, productionId: string, a: { giverId: string; recipientId: string; recipientPositions: Position[] | null; scene: string }): OtherDutyFacts {
  const plan = currentPlanOf(tx, productionId, a.scene);
  return {
    giverId: a.giverId,
    custodianRecipientId: a.recipientPositions && isCustodian(a.recipientPositions) ? a.recipientId : null,
    duties: plan?.duties ?? [],
  };
}

/** Everything rule 8 needs about one hand-out attempt, read inside the caller's transaction. */
export function scenePlanFactsTx(
  tx: Tx | DB,
  actor: Pick<Actor, 'productionId' | 'production'>,
  a: { firearmId: string; handlerId: string; scene: string; load: PlanLoad; rounds: number },
  now: Date,
): ScenePlanFacts {
  const today = localDate(now, actor.production.timeZone);
  const plan = currentPlanOf(tx, actor.productionId, a.scene);
  return {
    plansInUse: plansInUse(tx, actor.productionId),
    plan: plan
      ? { armorerSigned: plan.armorerSignedAt != null, advisorSigned: plan.advisorSignedAt != null, approved: plan.approvedAt != null, weapons: plan.weapons }
      : null,
    scene: a.scene,
    firearmId: a.firearmId,
    handlerId: a.handlerId,
    load: a.load,
    rounds: a.rounds,
    meetingScenesToday: tx
      .select({ scene: safetyMeetings.scene })
      .from(safetyMeetings)
      .where(and(eq(safetyMeetings.productionId, actor.productionId), eq(safetyMeetings.date, today), eq(safetyMeetings.firearmsOnSet, true)))
      .all()
      .map((m) => m.scene),
    handlerQualifications: tx
      .select({ kind: qualifications.kind, issuedOn: qualifications.issuedOn, expiresOn: qualifications.expiresOn })
      .from(qualifications)
      .where(and(eq(qualifications.productionId, actor.productionId), eq(qualifications.userId, a.handlerId)))
      .all(),
    today,
  };
}

function planOf(tx: Tx, productionId: string, planId: string): ScenePlan {
  const plan = tx.select().from(scenePlans).where(and(eq(scenePlans.id, planId), eq(scenePlans.productionId, productionId))).get();
  if (!plan) throw new Refusal('That scene plan is not on this production.', 'not_found');
  return plan;
}

/** A plan a newer one for the same setup replaced is history: nobody signs or approves it. */
function assertCurrent(tx: Tx, plan: ScenePlan) {
  const current = currentPlanOf(tx, plan.productionId, plan.scene);
  if (current && current.id !== plan.id) throw new Refusal(`A newer plan for ${plan.scene} replaced this one: sign or approve that one.`, 'conflict');
}

function safetyAdvisorIds(tx: Tx, productionId: string): string[] {
  return tx
    .select({ userId: memberships.userId, positions: memberships.positions })
    .from(memberships)
    .where(eq(memberships.productionId, productionId))
    .all()
    .filter((m) => (m.positions as Position[]).includes('safety_advisor'))
    .map((m) => m.userId);
}

export const createScenePlan = defineCore({
  schema: createScenePlanSchema,
  permission: 'plan.write',
  run: (input, ctx) => {
    const { tx, actor, now } = ctx;
    const existing = tx.select().from(scenePlans).where(eq(scenePlans.id, input.id)).get();
    if (existing) {
      if (existing.productionId === actor.productionId && existing.createdById === actor.userId) return { id: existing.id };
      throw new Refusal('This request id is already in use. Reload the form.', 'conflict');
    }
    const fieldErrors: Record<string, string[]> = {};
    input.weapons.forEach((w, i) => {
      try {
        firearmOf(tx, actor.productionId, w.firearmId);
      } catch {
        fieldErrors[`weapons.${i}.firearmId`] = ['Choose a weapon from this production’s inventory.'];
      }
      const positions = positionsOf(tx, actor.productionId, w.handlerId);
      // The handler receives the weapon from the armorer: the same positions rule 2 hands to.
      if (!positions || !canReceive(positions)) fieldErrors[`weapons.${i}.handlerId`] = ['The handler must be an actor, stunt performer, 1st AD, property master or assistant property master on this production.'];
    });
    (input.duties ?? []).forEach((d, i) => {
      if (positionsOf(tx, actor.productionId, d.userId) === null) fieldErrors[`duties.${i}.userId`] = ['Choose a member of this production.'];
    });
    if (Object.keys(fieldErrors).length > 0) throw new Refusal('Some fields need attention.', 'invalid', fieldErrors);
    const row: ScenePlan = {
      id: input.id,
      productionId: actor.productionId,
      scene: input.scene,
      action: input.action,
      weapons: input.weapons,
      lineOfFire: input.lineOfFire,
      protection: input.protection,
      replicaConsidered: input.replicaConsidered,
      riskAssessment: input.riskAssessment,
      duties: input.duties ?? [],
      createdById: actor.userId,
      createdAt: now,
      armorerSignedById: null,
      armorerSignedAt: null,
      advisorSignedById: null,
      advisorSignedAt: null,
      approvedById: null,
      approvedAt: null,
    };
    tx.insert(scenePlans).values(row).run();
    audit(ctx, { entity: 'scene_plan', entityId: row.id, action: 'plan.create', after: row });
    notifyUsers(
      tx,
      actor.productionId,
      safetyAdvisorIds(tx, actor.productionId),
      { kind: 'scene_plan', title: `Scene plan for ${row.scene} waits for your signature`, body: `${actor.name} wrote the firearm scene plan for ${row.scene}. Read its risk assessment and sign it as the safety advisor.`, link: scenePlansLink(actor.productionId, row.id) },
      now,
      actor.userId,
    );
    return { id: row.id };
  },
});

function sign(ctx: Ctx, planId: string, as: 'armorer' | 'advisor') {
  const { tx, actor, now } = ctx;
  const plan = planOf(tx, actor.productionId, planId);
  assertCurrent(tx, plan);
  if (plan.approvedAt) throw new Refusal('This plan is already approved.', 'conflict');
  if (as === 'armorer') {
    if (plan.armorerSignedAt) throw new Refusal('The armorer already signed this plan.', 'conflict');
    if (plan.advisorSignedById === actor.userId) throw new Refusal('You signed this plan as the safety advisor: the armorer’s signature must be someone else’s.', 'conflict');
    const after = { armorerSignedById: actor.userId, armorerSignedAt: now };
    tx.update(scenePlans).set(after).where(eq(scenePlans.id, plan.id)).run();
    audit(ctx, { entity: 'scene_plan', entityId: plan.id, action: 'plan.sign_armorer', after });
  } else {
    const positions = positionsOf(tx, actor.productionId, actor.userId) ?? [];
    if (!positions.includes('safety_advisor')) throw new Refusal('Only the production’s safety advisor signs a scene plan as the safety advisor.', 'forbidden');
    if (plan.advisorSignedAt) throw new Refusal('The safety advisor already signed this plan.', 'conflict');
    if (plan.armorerSignedById === actor.userId) throw new Refusal('You signed this plan as the armorer: the safety advisor’s signature must be someone else’s.', 'conflict');
    const after = { advisorSignedById: actor.userId, advisorSignedAt: now };
    tx.update(scenePlans).set(after).where(eq(scenePlans.id, plan.id)).run();
    audit(ctx, { entity: 'scene_plan', entityId: plan.id, action: 'plan.sign_advisor', after });
  }
  return { id: plan.id };
}

export const signPlanAsArmorer = defineCore({ schema: scenePlanRefSchema, permission: 'plan.write', run: (input, ctx) => sign(ctx, input.planId, 'armorer') });

export const signPlanAsAdvisor = defineCore({ schema: scenePlanRefSchema, permission: 'plan.advise', run: (input, ctx) => sign(ctx, input.planId, 'advisor') });

export const approveScenePlan = defineCore({
  schema: scenePlanRefSchema,
  permission: 'plan.approve',
  run: (input, ctx) => {
    const { tx, actor, now } = ctx;
    const plan = planOf(tx, actor.productionId, input.planId);
    assertCurrent(tx, plan);
    if (plan.approvedAt) throw new Refusal('This plan is already approved.', 'conflict');
    if (!plan.armorerSignedAt || !plan.advisorSignedAt) {
      throw new Refusal('A producer approves a plan once the armorer and the safety advisor have both signed its risk assessment.', 'refused');
    }
    const after = { approvedById: actor.userId, approvedAt: now };
    tx.update(scenePlans).set(after).where(eq(scenePlans.id, plan.id)).run();
    audit(ctx, { entity: 'scene_plan', entityId: plan.id, action: 'plan.approve', after });
    return { id: plan.id };
  },
});

export const recordQualification = defineCore({
  schema: recordQualificationSchema,
  permission: 'qualification.record',
  run: (input, ctx) => {
    const { tx, actor, now } = ctx;
    const existing = tx.select().from(qualifications).where(eq(qualifications.id, input.id)).get();
    if (existing) {
      if (existing.productionId === actor.productionId && existing.recordedById === actor.userId) return { id: existing.id };
      throw new Refusal('This request id is already in use. Reload the form.', 'conflict');
    }
    if (positionsOf(tx, actor.productionId, input.userId) === null) throw new Refusal('Some fields need attention.', 'invalid', { userId: ['Choose a member of this production.'] });
    const row: Qualification = { ...input, productionId: actor.productionId, recordedById: actor.userId, createdAt: now };
    tx.insert(qualifications).values(row).run();
    audit(ctx, { entity: 'qualification', entityId: row.id, action: 'qualification.record', after: row });
    return { id: row.id };
  },
});

/** Members' qualifications, for the pages (policy checked by the caller's query). */
export function qualificationsOf(tx: Tx | DB, productionId: string, userIds?: string[]) {
  const where = userIds ? and(eq(qualifications.productionId, productionId), inArray(qualifications.userId, userIds)) : eq(qualifications.productionId, productionId);
  return tx.select().from(qualifications).where(where).all();
}
