import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, productions, users, type User } from '@/db/schema';

/** The signed-in user as app/lib/auth gives it; spelled here so reads need nothing Next-bound. */
type SessionUser = Pick<User, 'id' | 'name' | 'email' | 'isAdmin'>;

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
 * Every production, for the site admin: its facts and producers, never its records (ARCHITECTURE.md:
 * permission matrix: the admin sees a production's records only as a member of it). Empty for anyone else.
 */
export function listAllProductions(user: SessionUser): AdminProductionRow[] {
  if (!user.isAdmin) return [];
  const db = getDb();
  const rows = db.select().from(productions).orderBy(asc(productions.title)).all();
  const counts = new Map(
    db
      .select({ productionId: memberships.productionId, n: sql<number>`count(*)` })
      .from(memberships)
      .groupBy(memberships.productionId)
      .all()
      .map((r) => [r.productionId, r.n]),
  );
  const mine = new Set(
    db.select({ productionId: memberships.productionId }).from(memberships).where(eq(memberships.userId, user.id)).all().map((r) => r.productionId),
  );
  const producers = db
    .select({ productionId: memberships.productionId, name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.role, 'producer'))
    .orderBy(asc(users.name))
    .all();
  return rows.map((p) => ({
    id: p.id,
    title: p.title,
    company: p.company,
    phase: p.phase,
    startDate: p.startDate,
    endDate: p.endDate,
    timeZone: p.timeZone,
    members: counts.get(p.id) ?? 0,
    producers: producers.filter((x) => x.productionId === p.id).map((x) => ({ name: x.name, email: x.email, active: x.passwordHash !== null })),
    adminIsMember: mine.has(p.id),
  }));
}
