import 'server-only';
import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { inviteTokens, memberships, users } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { can } from '@/app/lib/policy';
import type { Position, Role } from '@/app/lib/enums';

export type MemberRow = { membershipId: string; userId: string; name: string; email: string | null; role: Role; positions: Position[]; active: boolean };

/** Members of the actor's production. Emails only for those who manage members. */
export function listMembers(actor: Actor): MemberRow[] {
  if (!can(actor.role, 'members.view')) return [];
  const showEmail = can(actor.role, 'members.manage');
  return getDb()
    .select({ m: memberships, u: users })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.productionId, actor.productionId))
    .orderBy(asc(users.name))
    .all()
    .map(({ m, u }) => ({
      membershipId: m.id,
      userId: u.id,
      name: u.name,
      email: showEmail ? u.email : null,
      role: m.role,
      positions: (m.positions ?? []) as Position[],
      active: u.passwordHash !== null,
    }));
}

/**
 * For producers: when each not-yet-activated member's newest unused link expires (null when it
 * has expired or was never issued), so the list can offer a new link.
 */
export function listInviteExpiries(actor: Actor, now = new Date()): Map<string, Date> {
  const out = new Map<string, Date>();
  if (!can(actor.role, 'members.manage')) return out;
  const rows = getDb()
    .select({ userId: inviteTokens.userId, expiresAt: inviteTokens.expiresAt })
    .from(inviteTokens)
    .where(and(eq(inviteTokens.productionId, actor.productionId), isNull(inviteTokens.usedAt), gt(inviteTokens.expiresAt, now)))
    .orderBy(desc(inviteTokens.expiresAt))
    .all();
  for (const r of rows) if (!out.has(r.userId)) out.set(r.userId, r.expiresAt);
  return out;
}
