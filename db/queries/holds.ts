import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { holds, users } from '@/db/schema';
import type { Actor } from '@/app/lib/auth';

/** The standing hold of the actor's production, with the caller's name ("an anonymous report" if none). */
export function getOpenHold(actor: Pick<Actor, 'productionId'>) {
  const row = getDb()
    .select({ hold: holds, calledByName: users.name })
    .from(holds)
    .leftJoin(users, eq(users.id, holds.calledById))
    .where(and(eq(holds.productionId, actor.productionId), isNull(holds.liftedAt)))
    .orderBy(desc(holds.calledAt))
    .limit(1)
    .get();
  if (!row) return null;
  return { hold: row.hold, calledByName: row.calledByName ?? (row.hold.source === 'rule1' ? 'SetSafe (rule 1, from a report)' : 'an anonymous report') };
}
