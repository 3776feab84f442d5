import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, gt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type Database from 'better-sqlite3';
import { getDb, getSqlite } from '@/db/client';
import { ammoLots, checkWitnesses, firearmChecks, firearms, handoffs, incidents, refusedHandoffs, safetyMeetings, users } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { can } from '@/app/lib/policy';
import { findValidCheck, type CheckFact } from '@/app/lib/rules';
import { lastReturnOf } from '@/app/lib/firearms/custody';
import { fromLocalDateTime, localDate } from '@/app/lib/time';

const DAY_MS = 86_400_000;

/** The instants a production calendar day starts and ends, in its time zone. */
export function dayBounds(day: string, timeZone: string): { start: Date; end: Date } {
  const next = new Date(new Date(`${day}T00:00:00Z`).getTime() + DAY_MS).toISOString().slice(0, 10);
  return { start: fromLocalDateTime(`${day}T00:00`, timeZone)!, end: fromLocalDateTime(`${next}T00:00`, timeZone)! };
}

const handoffSelect = () => {
  const to = alias(users, 'to_user');
  const from = alias(users, 'from_user');
  const back = alias(users, 'back_user');
  return getDb()
    .select({
      h: handoffs,
      firearm: { id: firearms.id, tag: firearms.tag, make: firearms.make, model: firearms.model, status: firearms.status },
      toName: to.name,
      fromName: from.name,
      receivedBy: back.name,
      lot: { id: ammoLots.id, kind: ammoLots.kind, calibre: ammoLots.calibre, lotNumber: ammoLots.lotNumber },
      incidentNumber: incidents.number,
    })
    .from(handoffs)
    .innerJoin(firearms, eq(firearms.id, handoffs.firearmId))
    .innerJoin(to, eq(to.id, handoffs.toId))
    .innerJoin(from, eq(from.id, handoffs.fromId))
    .leftJoin(back, eq(back.id, handoffs.receivedById))
    .leftJoin(ammoLots, eq(ammoLots.id, handoffs.ammoLotId))
    .leftJoin(incidents, eq(incidents.id, handoffs.discrepancyIncidentId));
};
export type HandoffView = ReturnType<ReturnType<typeof handoffSelect>['all']>[number];

/** Who holds each weapon now: every hand-off not yet returned, oldest first. */
export function listOpenHandoffs(actor: Actor): HandoffView[] {
  if (!can(actor.role, 'firearm.view')) return [];
  // The unary + sorts the few open rows found on handoffs_production_returned; ordering by the
  // index (production, handed_at) instead walked every hand-off ever made (ARCHITECTURE.md:
  // performance budget, growth): 1.5 s at 200k.
  return handoffSelect().where(and(eq(handoffs.productionId, actor.productionId), isNull(handoffs.returnedAt))).orderBy(sql`+${handoffs.handedAt}`).all();
}

export function getOpenHandoff(actor: Actor, handoffId: string): HandoffView | null {
  if (!can(actor.role, 'firearm.view')) return null;
  return handoffSelect().where(and(eq(handoffs.id, handoffId), eq(handoffs.productionId, actor.productionId), isNull(handoffs.returnedAt))).get() ?? null;
}

/** One production day's custody log: the hand-offs made that day, newest first. */
export function custodyDay(actor: Actor, day: string): HandoffView[] {
  if (!can(actor.role, 'firearm.view')) return [];
  const { start, end } = dayBounds(day, actor.production.timeZone);
  return handoffSelect()
    .where(and(eq(handoffs.productionId, actor.productionId), gte(handoffs.handedAt, start), lt(handoffs.handedAt, end)))
    .orderBy(desc(handoffs.handedAt))
    .all();
}

/**
 * Every weapon out at the end of a production day (the day log's "not back" list), oldest hand-off
 * first. For today that is the weapons out now, which a page that already lists them
 * (`listOpenHandoffs`) need not read again.
 */
export function custodyNotBack(actor: Actor, day: string): HandoffView[] {
  if (!can(actor.role, 'firearm.view')) return [];
  const { end } = dayBounds(day, actor.production.timeZone);
  // Out at the day's end: not returned, or returned after it. Each part is a range of
  // handoffs_production_returned; the unary + keeps SQLite off (production, handed_at), which
  // would walk every hand-off made before that day (ARCHITECTURE.md: performance budget, growth).
  const handedBefore = sql`+${handoffs.handedAt} < ${end.getTime()}`;
  return [
    ...handoffSelect().where(and(eq(handoffs.productionId, actor.productionId), isNull(handoffs.returnedAt), handedBefore)).all(),
    ...handoffSelect().where(and(eq(handoffs.productionId, actor.productionId), gt(handoffs.returnedAt, end), handedBefore)).all(),
  ].sort((a, b) => a.h.handedAt.getTime() - b.h.handedAt.getTime() || (a.h.id < b.h.id ? -1 : 1));
}

export function listRefusedHandoffs(actor: Actor, limit = 20) {
  if (!can(actor.role, 'firearm.view')) return [];
  const to = alias(users, 'to_user');
  return getDb()
    .select({
      r: refusedHandoffs,
      by: users.name,
      toName: to.name,
      firearm: { id: firearms.id, tag: firearms.tag },
      incidentNumber: incidents.number,
    })
    .from(refusedHandoffs)
    .innerJoin(users, eq(users.id, refusedHandoffs.attemptedById))
    .innerJoin(firearms, eq(firearms.id, refusedHandoffs.firearmId))
    .leftJoin(to, eq(to.id, refusedHandoffs.toId))
    .leftJoin(incidents, eq(incidents.id, refusedHandoffs.incidentId))
    .where(eq(refusedHandoffs.productionId, actor.productionId))
    .orderBy(desc(refusedHandoffs.at))
    .limit(limit)
    .all();
}

type NewestPerScene = { id: string; scene: string; result: CheckFact['result']; performed_at: number };
// Prepared once per connection: the custody page asks once per weapon in the store, on every view.
const newestPerScene = new WeakMap<Database.Database, Database.Statement<[string, number], NewestPerScene>>();
function newestPerSceneOf(sqlite: Database.Database) {
  let stmt = newestPerScene.get(sqlite);
  if (!stmt) {
    stmt = sqlite.prepare<[string, number], NewestPerScene>(
      // The newest per scene text overall is also the newest since the return whenever it is after it.
      `select check_id as id, scene, result, performed_at from firearm_setup_checks
       where firearm_id = ? and performed_at > ?`,
    );
    newestPerScene.set(sqlite, stmt);
  }
  return stmt;
}

/**
 * A weapon's newest before-use check of each setup since its last return, with its witnesses: the
 * only check rule 2 reads for a hand-out of that setup (findValidCheck takes the newest). Triggers
 * keep the newest row per exact scene text in firearm_setup_checks; setups are then merged as the
 * rule names them (trimmed, any case, which SQLite's ASCII lower() cannot do), so a weapon checked
 * for years reads a row per setup, not its whole history (ARCHITECTURE.md: performance budget, growth).
 */
function latestSetupChecks(firearmId: string, since: Date | null): CheckFact[] {
  const rows = newestPerSceneOf(getSqlite()).all(firearmId, since ? since.getTime() : -1);
  const newest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = r.scene.trim().toLowerCase();
    const was = newest.get(key);
    if (!was || r.performed_at > was.performed_at) newest.set(key, r);
  }
  if (newest.size === 0) return [];
  const ids = [...newest.values()].map((r) => r.id);
  const byCheck = new Map<string, CheckFact['witnesses']>();
  for (const w of getDb()
    .select({ checkId: checkWitnesses.checkId, userId: checkWitnesses.userId, confirmedAt: checkWitnesses.confirmedAt, declinedAt: checkWitnesses.declinedAt })
    .from(checkWitnesses)
    .where(inArray(checkWitnesses.checkId, ids))
    .all()) {
    const list = byCheck.get(w.checkId) ?? [];
    list.push({ userId: w.userId, confirmedAt: w.confirmedAt, declinedAt: w.declinedAt });
    byCheck.set(w.checkId, list);
  }
  return [...newest.values()].map((r) => ({ id: r.id, phase: 'before_use', scene: r.scene, result: r.result, performedAt: new Date(r.performed_at), witnesses: byCheck.get(r.id) ?? [] }));
}

/** A weapon in the store and the setups it is cleared for, newest check first. */
type Ready = { firearm: typeof firearms.$inferSelect; scenes: string[] };
type Awaiting = { firearmId: string; scene: string; waitingFor: string[]; declinedBy: string[] };

/**
 * The locked store as the hand-out reads it, in one pass: each weapon's last return and newest
 * before-use check per setup are read once and feed both lists (the page showed both, and each read
 * them all).
 * - `ready`: weapons with a check that clears a hand-off (rule 2, read with the same rule function
 *   the hand-off applies), one line per weapon with its setups, newest check first.
 * - `awaiting`: weapons whose latest before-use check for a setup (since their last return) passed
 *   but still waits for named witnesses: rule 2 refuses their hand-out until then, so the hand-out
 *   form names who it waits for instead of inviting a refusal.
 */
export function custodyStore(actor: Actor): { ready: Ready[]; awaiting: Awaiting[] } {
  if (!can(actor.role, 'firearm.view')) return { ready: [], awaiting: [] };
  const db = getDb();
  const store = db.select().from(firearms).where(and(eq(firearms.productionId, actor.productionId), eq(firearms.status, 'locked_up'))).orderBy(asc(firearms.tag)).all();
  const ready: Ready[] = [];
  const awaiting: Awaiting[] = [];
  const ids = new Set<string>();
  for (const f of store) {
    const lastReturnAt = lastReturnOf(db, f.id);
    const checks = latestSetupChecks(f.id, lastReturnAt).sort((a, b) => b.performedAt.getTime() - a.performedAt.getTime());
    const scenes: string[] = [];
    for (const c of checks) {
      // One newest check per setup: the rule reads each setup's alone (findValidCheck).
      if (findValidCheck({ checks: [c], scene: c.scene, lastReturnAt })) scenes.push(c.scene);
      const declined = c.witnesses.filter((w) => w.declinedAt).map((w) => w.userId);
      const waiting = declined.length ? [] : c.witnesses.filter((w) => !w.confirmedAt).map((w) => w.userId);
      if (c.result !== 'pass' || (waiting.length === 0 && declined.length === 0)) continue;
      [...waiting, ...declined].forEach((id) => ids.add(id));
      awaiting.push({ firearmId: f.id, scene: c.scene, waitingFor: waiting, declinedBy: declined });
    }
    if (scenes.length) ready.push({ firearm: f, scenes });
  }
  if (awaiting.length === 0) return { ready, awaiting };
  const names = new Map(db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...ids])).all().map((u) => [u.id, u.name]));
  const named = (list: string[]) => list.map((id) => names.get(id) ?? 'a witness');
  return { ready, awaiting: awaiting.map((o) => ({ ...o, waitingFor: named(o.waitingFor), declinedBy: named(o.declinedBy) })) };
}

/** Checks of this weapon since it went out that may close its return (after-use, not used yet). */
export function listReturnChecks(actor: Actor, h: { firearmId: string; handedAt: Date }) {
  if (!can(actor.role, 'firearm.view')) return [];
  const db = getDb();
  const used = new Set(db.select({ id: handoffs.returnCheckId }).from(handoffs).where(eq(handoffs.firearmId, h.firearmId)).all().map((r) => r.id));
  return db
    .select()
    .from(firearmChecks)
    .where(and(eq(firearmChecks.firearmId, h.firearmId), eq(firearmChecks.phase, 'after_use'), gte(firearmChecks.performedAt, h.handedAt)))
    .orderBy(desc(firearmChecks.performedAt))
    .all()
    .filter((c) => !used.has(c.id));
}

/** Rule 6 at a glance: today's meetings that covered firearms. */
export function meetingsCoveringToday(actor: Actor, now: Date) {
  return getDb()
    .select({ id: safetyMeetings.id, scene: safetyMeetings.scene })
    .from(safetyMeetings)
    .where(and(eq(safetyMeetings.productionId, actor.productionId), eq(safetyMeetings.date, localDate(now, actor.production.timeZone)), eq(safetyMeetings.firearmsOnSet, true)))
    .all();
}

export function listAmmoChoices(actor: Actor) {
  if (!can(actor.role, 'firearm.view')) return [];
  return getDb()
    .select({ id: ammoLots.id, kind: ammoLots.kind, calibre: ammoLots.calibre, lotNumber: ammoLots.lotNumber, countOnHand: ammoLots.countOnHand, status: ammoLots.status })
    .from(ammoLots)
    // A frozen lot stays listed so the form can say why it issues nothing; a returned lot is closed.
    .where(and(eq(ammoLots.productionId, actor.productionId), or(and(gt(ammoLots.countOnHand, 0), eq(ammoLots.status, 'in_store')), eq(ammoLots.status, 'frozen'))))
    .orderBy(asc(ammoLots.calibre), asc(ammoLots.lotNumber))
    .all();
}

/** One hand-off of the actor's production (any state), for the "returned" summary. */
export function getHandoff(actor: Actor, handoffId: string) {
  if (!can(actor.role, 'firearm.view')) return null;
  return getDb().select().from(handoffs).where(and(eq(handoffs.id, handoffId), eq(handoffs.productionId, actor.productionId))).get() ?? null;
}
