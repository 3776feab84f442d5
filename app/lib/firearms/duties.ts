// Rule 9: the dashboard flag on an armorer who holds another position becomes a producer's
// decision with a reason — recorded, audited, shown and revocable. The decision is about the
// workload the flag warns of; it never clears a hand-out refusal, which rule 9 decides from the
// scene plan's duty list alone (Cal. Labor Code §9153(a)(3); ARCHITECTURE.md: rule 9).
import { and, eq, isNull } from 'drizzle-orm';
import type { DB, Tx } from '@/db/client';
import { dutyDecisions, memberships, type DutyDecision } from '@/db/schema';
import { defineCore } from '../core';
import { Refusal } from '../errors';
import { armorerOtherPositions, doublingState } from '../rules';
import { decideDutiesSchema, revokeDutyDecisionSchema } from '../schemas/duties';
import type { Position } from '../enums';
import { audit } from './common';

/** Decisions of a production (standing and revoked), newest first. */
export function dutyDecisionsOf(tx: Tx | DB, productionId: string, userId?: string): DutyDecision[] {
  const where = userId ? and(eq(dutyDecisions.productionId, productionId), eq(dutyDecisions.userId, userId)) : eq(dutyDecisions.productionId, productionId);
  return tx
    .select()
    .from(dutyDecisions)
    .where(where)
    .all()
    .sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime());
}

export const decideArmorerDuties = defineCore({
  schema: decideDutiesSchema,
  permission: 'duties.decide',
  run: (input, ctx) => {
    const { tx, actor, now } = ctx;
    const same = tx.select().from(dutyDecisions).where(eq(dutyDecisions.id, input.id)).get();
    if (same) {
      if (same.productionId === actor.productionId && same.decidedById === actor.userId) return { id: same.id };
      throw new Refusal('This request id is already in use. Reload the page.', 'conflict');
    }
    const m = tx
      .select({ role: memberships.role, positions: memberships.positions })
      .from(memberships)
      .where(and(eq(memberships.productionId, actor.productionId), eq(memberships.userId, input.userId)))
      .get();
    const positions = m ? armorerOtherPositions({ role: m.role, positions: m.positions as Position[] }) : [];
    if (positions.length === 0) throw new Refusal('This member is not an armorer holding another position: there is nothing to decide.', 'conflict');
    const decisions = dutyDecisionsOf(tx, actor.productionId, input.userId).map((d) => ({ positions: d.positions, revoked: d.revokedAt != null }));
    if (doublingState(positions, decisions) === 'decided') throw new Refusal('A standing decision already covers these positions. Revoke it first to decide again.', 'conflict');
    const row: DutyDecision = {
      id: input.id,
      productionId: actor.productionId,
      userId: input.userId,
      positions,
      reason: input.reason,
      decidedById: actor.userId,
      decidedAt: now,
      revokedById: null,
      revokedAt: null,
      revokeReason: null,
    };
    tx.insert(dutyDecisions).values(row).run();
    audit(ctx, { entity: 'duty_decision', entityId: row.id, action: 'duties.decide', after: row });
    return { id: row.id };
  },
});

export const revokeDutyDecision = defineCore({
  schema: revokeDutyDecisionSchema,
  permission: 'duties.decide',
  run: (input, ctx) => {
    const { tx, actor, now } = ctx;
    const d = tx.select().from(dutyDecisions).where(and(eq(dutyDecisions.id, input.decisionId), eq(dutyDecisions.productionId, actor.productionId))).get();
    if (!d) throw new Refusal('That decision is not on this production.', 'not_found');
    if (d.revokedAt) throw new Refusal('This decision was already revoked.', 'conflict');
    const after = { revokedById: actor.userId, revokedAt: now, revokeReason: input.reason };
    tx.update(dutyDecisions).set(after).where(and(eq(dutyDecisions.id, d.id), isNull(dutyDecisions.revokedAt))).run();
    audit(ctx, { entity: 'duty_decision', entityId: d.id, action: 'duties.revoke', before: d, after: { ...d, ...after } });
    return { id: d.id };
  },
});
