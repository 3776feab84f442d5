import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, users } from '@/db/schema';
import type { Actor } from '@/app/lib/auth';
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
