import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, productions, users } from '@/db/schema';
import type { SessionUser } from '@/app/lib/auth';

export type AdminProductionRow = {
  id: string;
  title: string;
  company: string;
  phase: (typeof productions.$inferSelect)['phase'];
  startDate: string | null;
  endDate: string | null;
  timeZone: string;
  members: number;
  producers: { name: string; email: string; active: boolean }[];
  /** Whether the admin is a member (only then may they open its records). */
  adminIsMember: boolean;
};

/**
 * Every production, for the site admin: its facts and producers, never its records (DESIGN:
 * admin sees a production's records only as a member of it). Empty for anyone else.
 */
export function listAllProductions(user: SessionUser): AdminProductionRow[] {
  if (!user.isAdmin) return [];
  const db = getDb();
  const rows = db
    .select({
      p: productions,
      members: sql<number>`(select count(*) from ${memberships} where ${memberships.productionId} = ${productions.id})`,
      mine: sql<number>`exists(select 1 from ${memberships} where ${memberships.productionId} = ${productions.id} and ${memberships.userId} = ${user.id})`,
    })
    .from(productions)
    .orderBy(asc(productions.title))
    .all();
  const producers = db
    .select({ productionId: memberships.productionId, name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.role, 'producer'))
    .orderBy(asc(users.name))
    .all();
  return rows.map(({ p, members, mine }) => ({
    id: p.id,
    title: p.title,
    company: p.company,
    phase: p.phase,
    startDate: p.startDate,
    endDate: p.endDate,
    timeZone: p.timeZone,
    members,
    producers: producers.filter((x) => x.productionId === p.id).map((x) => ({ name: x.name, email: x.email, active: x.passwordHash !== null })),
    adminIsMember: Boolean(mine),
  }));
}
