// Facts of the ammunition chain read by both the cores and the pages' queries (ARCHITECTURE.md:
// seams): reads only, so db/queries may import it without reaching into a write module.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DB, Tx } from '@/db/client';
import { firearms, handoffs, users } from '@/db/schema';
import type { RoundsOutFact } from '../rules';
import { formatInZone } from '../time';
import { weaponLabel } from './common';

/**
 * The hand-outs still carrying rounds of this lot, oldest first: what a freeze recalls (ARCHITECTURE.md:
 * ammunition chain, recall). The lot page reads the same list, so the page and the message agree.
 */
export function handoutsCarrying(tx: DB | Tx, lotId: string, timeZone: string): (RoundsOutFact & { handedAt: Date; holderId: string; firearmId: string })[] {
  return tx
    .select({ id: handoffs.id, rounds: handoffs.roundsOut, handedAt: handoffs.handedAt, holderId: handoffs.toId, holder: users.name, firearmId: firearms.id, tag: firearms.tag, make: firearms.make, model: firearms.model })
    .from(handoffs)
    .innerJoin(firearms, eq(firearms.id, handoffs.firearmId))
    .innerJoin(users, eq(users.id, handoffs.toId))
    .where(and(eq(handoffs.ammoLotId, lotId), isNull(handoffs.returnedAt), sql`${handoffs.roundsOut} > 0`))
    .orderBy(handoffs.handedAt)
    .all()
    .map((h) => ({ handoffId: h.id, weapon: weaponLabel(h), holder: h.holder, holderId: h.holderId, firearmId: h.firearmId, rounds: h.rounds, handedAt: h.handedAt, since: formatInZone(h.handedAt, timeZone) }));
}
