// Shared pieces of the firearms cores. Everything here runs inside the caller's immediate
// transaction (synchronous: better-sqlite3).
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { firearmChecks, firearms, memberships, type Firearm } from '@/db/schema';
import { appendAudit } from '../audit';
import type { Ctx } from '../core';
import type { FirearmStatus, Position } from '../enums';
import { Refusal } from '../errors';
import type { AuditAction } from '@/app/lib/audit-actions';

export function audit(ctx: Ctx, e: { entity: string; entityId: string; action: AuditAction; before?: unknown; after?: unknown }) {
  return appendAudit(ctx.tx, { chain: ctx.actor.productionId, actorId: ctx.actor.userId, actorLabel: ctx.actor.name, at: ctx.now, ...e });
}

/** The weapon, if it belongs to the actor's production; another production's weapon does not exist (404). */
export function firearmOf(tx: Tx, productionId: string, firearmId: string): Firearm {
  const f = tx.select().from(firearms).where(and(eq(firearms.id, firearmId), eq(firearms.productionId, productionId))).get();
  if (!f) throw new Refusal('That weapon is not in this production’s inventory.', 'not_found', { firearmId: ['Choose a weapon from the inventory.'] });
  return f;
}

/** The member's positions on the production, or null when the user is not a member. */
export function positionsOf(tx: Tx, productionId: string, userId: string): Position[] | null {
  const m = tx.select({ positions: memberships.positions }).from(memberships).where(and(eq(memberships.productionId, productionId), eq(memberships.userId, userId))).get();
  return m ? ((m.positions ?? []) as Position[]) : null;
}

export function latestCheckOf(tx: Tx, firearmId: string) {
  return tx.select().from(firearmChecks).where(eq(firearmChecks.firearmId, firearmId)).orderBy(desc(firearmChecks.performedAt)).limit(1).get() ?? null;
}

/**
 * Every status change goes through here, so the weapon's history (read from the audit trail)
 * shows each one with its reason.
 */
export function changeStatus(ctx: Ctx, firearm: Firearm, to: FirearmStatus, reason: string, ref?: { checkId?: string; handoffId?: string }) {
  if (firearm.status === to) return firearm;
  ctx.tx.update(firearms).set({ status: to }).where(eq(firearms.id, firearm.id)).run();
  audit(ctx, {
    entity: 'firearm',
    entityId: firearm.id,
    action: 'firearm.status',
    before: { status: firearm.status },
    after: { status: to, reason, ...ref },
  });
  return { ...firearm, status: to };
}

export const weaponLabel = (f: Pick<Firearm, 'tag' | 'make' | 'model'>) => `${f.tag} (${f.make} ${f.model})`;
