import 'server-only';
import { and, desc, eq, exists, inArray, isNull, sql, type SQLWrapper } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { checkWitnesses, firearmChecks, firearms, handoffs, users, type FirearmCheck } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { can } from '@/app/lib/policy';
import { canWitness } from '@/app/lib/rules';
import { listMembers } from './members';

export type WitnessView = { userId: string; name: string; confirmedAt: Date | null; declinedAt: Date | null };
export type CheckView = FirearmCheck & {
  firearm: { id: string; tag: string; make: string; model: string };
  performedBy: string;
  witnesses: WitnessView[];
};

function withWitnesses(rows: { c: FirearmCheck; f: CheckView['firearm']; by: string }[]): CheckView[] {
  if (rows.length === 0) return [];
  const ws = getDb()
    .select({ checkId: checkWitnesses.checkId, userId: checkWitnesses.userId, name: users.name, confirmedAt: checkWitnesses.confirmedAt, declinedAt: checkWitnesses.declinedAt })
    .from(checkWitnesses)
    .innerJoin(users, eq(users.id, checkWitnesses.userId))
    .where(inArray(checkWitnesses.checkId, rows.map((r) => r.c.id)))
    .all();
  return rows.map(({ c, f, by }) => ({
    ...c,
    firearm: f,
    performedBy: by,
    witnesses: ws.filter((w) => w.checkId === c.id).map(({ userId, name, confirmedAt, declinedAt }) => ({ userId, name, confirmedAt, declinedAt })),
  }));
}

const checkSelect = () =>
  getDb()
    .select({ c: firearmChecks, f: { id: firearms.id, tag: firearms.tag, make: firearms.make, model: firearms.model }, by: users.name })
    .from(firearmChecks)
    .innerJoin(firearms, eq(firearms.id, firearmChecks.firearmId))
    .innerJoin(users, eq(users.id, firearmChecks.performedById));

/**
 * Checks the actor may see: every check of the production for those who view firearms; for
 * anyone else, only the checks that name them as a witness.
 */
export function listChecks(actor: Actor, opts: { limit?: number } = {}): CheckView[] {
  const limit = opts.limit ?? 200;
  if (can(actor.role, 'firearm.view')) {
    return withWitnesses(checkSelect().where(eq(firearmChecks.productionId, actor.productionId)).orderBy(desc(firearmChecks.performedAt)).limit(limit).all());
  }
  return listChecksNaming(actor, limit);
}

/** How many checks awaiting the actor's confirmation the checks page lists (newest first). */
const AWAITING_SHOWN = 50;

/** How far back among the production's newest checks the first way of finding a witness's checks looks. */
const NAMING_WINDOW = 5_000;

/**
 * Checks that name the actor as a witness (crew see only these), newest first, at most `limit`.
 * Two ways, each fast where the other is slow (ARCHITECTURE.md: performance budget): among the
 * production's newest checks, those naming the actor (a few ms for a regular witness); if that
 * finds fewer than `limit`, from the actor's own witness rows (`check_witnesses_user`), whose cost
 * follows how many checks they ever witnessed, which is then few. Listing every id first and
 * asking for them by `IN (…)` held the server for minutes at a million checks.
 */
export function listChecksNaming(actor: Actor, limit = 200): CheckView[] {
  if (!can(actor.role, 'check.witness')) return [];
  const db = getDb();
  const newest = db
    .select({ id: firearmChecks.id, at: firearmChecks.performedAt })
    .from(firearmChecks)
    .where(eq(firearmChecks.productionId, actor.productionId))
    .orderBy(desc(firearmChecks.performedAt))
    .limit(NAMING_WINDOW)
    .as('newest');
  const named = (checkId: SQLWrapper) => db.select({ one: sql`1` }).from(checkWitnesses).where(and(eq(checkWitnesses.checkId, checkId), eq(checkWitnesses.userId, actor.userId)));
  let ids = db.select({ id: newest.id }).from(newest).where(exists(named(newest.id))).orderBy(desc(newest.at)).limit(limit).all().map((r) => r.id);
  // A production with fewer checks than the window was read whole: the first answer is complete.
  const windowFull = () => db.select({ one: sql`1` }).from(firearmChecks).where(eq(firearmChecks.productionId, actor.productionId)).limit(1).offset(NAMING_WINDOW - 1).get() !== undefined;
  if (ids.length < limit && windowFull()) {
    ids = db
      .select({ id: firearmChecks.id })
      .from(checkWitnesses)
      .innerJoin(firearmChecks, eq(firearmChecks.id, checkWitnesses.checkId))
      .where(and(eq(checkWitnesses.userId, actor.userId), eq(firearmChecks.productionId, actor.productionId)))
      .orderBy(desc(firearmChecks.performedAt))
      .limit(limit)
      .all()
      .map((r) => r.id);
  }
  return byIdsNewestFirst(actor, ids);
}

/**
 * The checks still waiting for the actor's confirmation (neither confirmed nor declined), newest
 * first, at most `limit`, with how many there are: rule 2 holds a hand-out until every named
 * witness has confirmed, so these lead the member's checks page and home. Each line carries what
 * the home's list names (weapon tag and setup); the checks page reads the whole check for these.
 */
export function checksAwaiting(actor: Actor, limit: number): { lines: { id: string; tag: string; scene: string }[]; total: number } {
  if (!can(actor.role, 'check.witness')) return { lines: [], total: 0 };
  const mine = and(
    eq(checkWitnesses.userId, actor.userId),
    isNull(checkWitnesses.confirmedAt),
    isNull(checkWitnesses.declinedAt),
    eq(firearmChecks.productionId, actor.productionId),
  );
  const db = getDb();
  const total = db.select({ n: sql<number>`count(*)` }).from(checkWitnesses).innerJoin(firearmChecks, eq(firearmChecks.id, checkWitnesses.checkId)).where(mine).get()?.n ?? 0;
  if (total === 0) return { lines: [], total };
  const lines = db
    .select({ id: firearmChecks.id, tag: firearms.tag, scene: firearmChecks.scene })
    .from(checkWitnesses)
    .innerJoin(firearmChecks, eq(firearmChecks.id, checkWitnesses.checkId))
    .innerJoin(firearms, eq(firearms.id, firearmChecks.firearmId))
    .where(mine)
    .orderBy(desc(firearmChecks.performedAt))
    .limit(limit)
    .all();
  return { lines, total };
}

/** The checks awaiting the actor (see checksAwaiting), read whole for the checks page. */
export function listChecksAwaiting(actor: Actor, limit = AWAITING_SHOWN): { items: CheckView[]; total: number } {
  const { lines, total } = checksAwaiting(actor, limit);
  return { items: byIdsNewestFirst(actor, lines.map((l) => l.id)), total };
}

function byIdsNewestFirst(actor: Actor, ids: string[]): CheckView[] {
  if (ids.length === 0) return [];
  return withWitnesses(
    checkSelect()
      .where(and(eq(firearmChecks.productionId, actor.productionId), inArray(firearmChecks.id, ids)))
      .orderBy(desc(firearmChecks.performedAt))
      .all(),
  );
}

/**
 * One check: 'not_found' when it is not this production's; 'forbidden' when the actor neither
 * views firearms nor is named on it.
 */
export function getCheck(actor: Actor, checkId: string): CheckView | 'not_found' | 'forbidden' {
  const row = checkSelect().where(and(eq(firearmChecks.id, checkId), eq(firearmChecks.productionId, actor.productionId))).get();
  if (!row) return 'not_found';
  const [view] = withWitnesses([row]);
  const named = view.witnesses.some((w) => w.userId === actor.userId);
  if (!can(actor.role, 'firearm.view') && !named) return 'forbidden';
  return view;
}

/** What the check was used for: the hand-off it cleared, or the return it closed. */
export function checkUse(actor: Actor, checkId: string) {
  if (!can(actor.role, 'firearm.view')) return { handedOut: null, closedReturn: null };
  const db = getDb();
  const handedOut = db
    .select({ id: handoffs.id, toName: users.name, handedAt: handoffs.handedAt })
    .from(handoffs)
    .innerJoin(users, eq(users.id, handoffs.toId))
    .where(and(eq(handoffs.checkId, checkId), eq(handoffs.productionId, actor.productionId)))
    .get();
  const closedReturn = db
    .select({ id: handoffs.id, toName: users.name, returnedAt: handoffs.returnedAt, roundsOut: handoffs.roundsOut, roundsBack: handoffs.roundsBack, roundsFired: handoffs.roundsFired })
    .from(handoffs)
    .innerJoin(users, eq(users.id, handoffs.toId))
    .where(and(eq(handoffs.returnCheckId, checkId), eq(handoffs.productionId, actor.productionId)))
    .get();
  return { handedOut: handedOut ?? null, closedReturn: closedReturn ?? null };
}

/** Members who may be named as witnesses (actor, stunt performer, 1st AD), for the armorer's form. */
export function listEligibleWitnesses(actor: Actor) {
  if (!can(actor.role, 'check.record')) return [];
  return listMembers(actor)
    .filter((m) => canWitness(m.positions) && m.userId !== actor.userId)
    .map((m) => ({ userId: m.userId, name: m.name, positions: m.positions }));
}
