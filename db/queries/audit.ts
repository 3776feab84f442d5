import 'server-only';
import { and, count, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { getDb, getSqlite } from '@/db/client';
import { ammoLots, auditLog, auditOptionCounts, firearms, incidents, users } from '@/db/schema';
import { readChainHeads, type ChainHead } from '@/db/chain-heads';
import { chainHeadOf, verifyDatabase } from '@/db/audit-chains';
import type { Actor } from '@/app/lib/actor';
import { assertCan, can } from '@/app/lib/policy';
import { dayRange } from '@/app/lib/calendar';
import { diffEntry, type EntryDiff } from '@/app/lib/audit-diff';
import type { AuditFilters } from '@/app/lib/schemas/oversight';
import type { ChainReport } from '@/app/lib/audit-verify';

export type AuditActor = Pick<Actor, 'role' | 'userId' | 'productionId' | 'production'>;

/** Audit trail, verification and exports are for producers and auditors only (ARCHITECTURE.md: permission matrix). */
export function assertAuditView(actor: AuditActor): void {
  assertCan(actor, 'audit.view');
}

export const AUDIT_PAGE_SIZE = 25;

/** The filters as SQL, always inside the actor's own production chain. */
export function auditWhere(actor: AuditActor, f: AuditFilters) {
  const { start, end } = dayRange(f.from, f.to, actor.production.timeZone);
  return and(
    eq(auditLog.chain, actor.productionId),
    f.entity ? eq(auditLog.entity, f.entity) : undefined,
    f.record ? eq(auditLog.entityId, f.record) : undefined,
    f.person ? (f.person === 'system' ? isNull(auditLog.actorId) : eq(auditLog.actorId, f.person)) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    start ? gte(auditLog.at, start) : undefined,
    end ? lt(auditLog.at, end) : undefined,
  );
}

/**
 * Whether the personal Form 301 fields of an entry stay in for this viewer: producers and
 * auditors always (injury.viewPersonal), anyone else only on an incident they reported.
 */
export function personalFieldsGate(actor: AuditActor): (entityId: string, incidentId?: string | null) => boolean {
  if (can(actor.role, 'injury.viewPersonal')) return () => true;
  const own = new Set(
    getDb()
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(eq(incidents.productionId, actor.productionId), eq(incidents.reporterId, actor.userId)))
      .all()
      .map((r) => r.id),
  );
  return (entityId, incidentId) => own.has(entityId) || (!!incidentId && own.has(incidentId));
}

function incidentIdIn(stored: string | null): string | null {
  if (!stored) return null;
  try {
    const v = JSON.parse(stored) as { incidentId?: unknown };
    return typeof v?.incidentId === 'string' ? v.incidentId : null;
  } catch {
    return null;
  }
}

export type AuditEntryView = {
  id: number;
  seq: number;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  entity: string;
  entityId: string;
  action: string;
  prevHash: string;
  hash: string;
  diff: EntryDiff;
  /** The record as a person names it ("DC-02", "report #4"), when it is one the trail can name. */
  entityName?: string;
};

type Stored = typeof auditLog.$inferSelect;

/** Fields that hold a person's or the production's id: shown with the name beside it. */
const ID_FIELD = /(^|\.)[a-z]*Id$/;

export function toView(rows: Stored[], actor: AuditActor): AuditEntryView[] {
  const mayShow = personalFieldsGate(actor);
  const views: AuditEntryView[] = rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    at: r.at,
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    entity: r.entity,
    entityId: r.entityId,
    action: r.action,
    prevHash: r.prevHash,
    hash: r.hash,
    diff: diffEntry(r.before, r.after, { hidePersonal: !mayShow(r.entityId, incidentIdIn(r.after) ?? incidentIdIn(r.before)) }),
  }));
  // A record reads with names, not ids ("Firearm DC-02", not "Firearm ID 60dbbf79-…"): one
  // lookup per kind for the whole page, each scoped to this production.
  const ids = new Set<string>();
  for (const v of views) {
    ids.add(v.entityId);
    for (const c of v.diff.changes)
      if (ID_FIELD.test(c.field)) for (const x of [c.before, c.after]) if (typeof x === 'string' && x.length <= 64) ids.add(x);
  }
  const list = [...ids];
  const db = getDb();
  // No ids, no lookups: an empty IN list would still scan the users table.
  const names = new Map<string, string>(list.length === 0 ? [] : [
    ...db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, list)).all().map((u) => [u.id, u.name] as const),
    ...db
      .select({ id: firearms.id, tag: firearms.tag })
      .from(firearms)
      .where(and(eq(firearms.productionId, actor.productionId), inArray(firearms.id, list)))
      .all()
      .map((f) => [f.id, f.tag] as const),
    ...db
      .select({ id: incidents.id, number: incidents.number })
      .from(incidents)
      .where(and(eq(incidents.productionId, actor.productionId), inArray(incidents.id, list)))
      .all()
      .map((i) => [i.id, `report #${i.number}`] as const),
    ...db
      .select({ id: ammoLots.id, lot: ammoLots.lotNumber })
      .from(ammoLots)
      .where(and(eq(ammoLots.productionId, actor.productionId), inArray(ammoLots.id, list)))
      .all()
      .map((l) => [l.id, `lot ${l.lot}`] as const),
  ]);
  names.set(actor.productionId, actor.production.title);
  const named = (x: unknown) => (typeof x === 'string' && names.has(x) ? names.get(x) : x);
  for (const v of views) {
    v.entityName = names.get(v.entityId);
    v.diff.changes = v.diff.changes.map((c) => (ID_FIELD.test(c.field) ? { ...c, before: named(c.before), after: named(c.after) } : c));
  }
  return views;
}

const unfiltered = (f: AuditFilters) => !f.entity && !f.record && !f.person && !f.action && !f.from && !f.to;

/**
 * One page of the trail, newest first (ARCHITECTURE.md: performance budget, growth). Unfiltered,
 * the page is a range of positions: a chain's seq runs 1…head with no gaps (entries are only ever
 * appended), so page p is `seq <= head − 25(p − 1)` — an index seek however long the chain, where
 * a count(*) and an OFFSET would walk it. A removed entry shows as a short page (audit:verify names
 * it). Filtered by kind, action or person, the total is summed from the filter options' kept
 * counts; by record or days, the count walks only that filter's index range.
 */
export function listAuditEntries(actor: AuditActor, f: AuditFilters) {
  assertAuditView(actor);
  const db = getDb();
  const where = auditWhere(actor, f);
  if (unfiltered(f)) {
    const total = chainHeadOf(getSqlite(), actor.productionId)?.seq ?? 0;
    const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
    const page = Math.min(f.page ?? 1, pages);
    const top = total - (page - 1) * AUDIT_PAGE_SIZE;
    const rows = db
      .select()
      .from(auditLog)
      .where(and(where, lte(auditLog.seq, top), gt(auditLog.seq, top - AUDIT_PAGE_SIZE)))
      .orderBy(desc(auditLog.seq))
      .all();
    return { entries: toView(rows, actor), total, page, pages };
  }
  // Filtered by kind, action or person only: the total is the sum of the kept per-group counts
  // (optionGroups), not a count(*) that walks every matching entry of a long chain.
  const total =
    !f.record && !f.from && !f.to
      ? optionGroups(actor)
          .filter((g) => (!f.entity || g.entity === f.entity) && (!f.action || g.action === f.action) && (!f.person || g.actorId === (f.person === 'system' ? null : f.person)))
          .reduce((n, g) => n + g.n, 0)
      : (db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(f.page ?? 1, pages);
  const rows = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { entries: toView(rows, actor), total, page, pages };
}

type OptionGroup = { entity: string; action: string; actorId: string | null; label: string | null; n: number };
/**
 * The filter options' counts per chain: kept by a trigger as entries are written, in the same
 * transaction (audit_option_counts, ARCHITECTURE.md: performance budget, growth), so reading them
 * costs the number of distinct (kind, action, person), whatever the chain's length.
 */
function optionGroups(actor: AuditActor): OptionGroup[] {
  return getDb()
    .select()
    .from(auditOptionCounts)
    .where(eq(auditOptionCounts.chain, actor.productionId))
    .all()
    .map((g) => ({ entity: g.entity, action: g.action, actorId: g.actorKey === '' ? null : g.actorKey, label: g.label, n: g.n }));
}

/** Values for the filter selects, each with its count (kept per chain and added to, see optionGroups). */
export function auditFilterOptions(actor: AuditActor) {
  assertAuditView(actor);
  const groups = optionGroups(actor);
  const tally = (key: (g: OptionGroup) => string, label?: (g: OptionGroup) => string) => {
    const m = new Map<string, { value: string; label: string; n: number }>();
    for (const g of groups) {
      const k = key(g);
      const cur = m.get(k) ?? { value: k, label: label ? label(g) : k, n: 0 };
      cur.n += g.n;
      m.set(k, cur);
    }
    return [...m.values()].sort((a, b) => a.label.localeCompare(b.label));
  };
  return {
    entities: tally((g) => g.entity),
    actions: tally((g) => g.action),
    people: tally(
      (g) => g.actorId ?? 'system',
      (g) => (g.actorId ? (g.label ?? g.actorId) : 'No signed-in person (seed, system, anonymous reporter)'),
    ),
  };
}

export type ChainState = { db: ChainHead | null; file: ChainHead | null; matches: boolean };

/** The chain's newest entry in the database and the head kept outside it. */
export function chainState(actor: AuditActor): ChainState {
  assertAuditView(actor);
  const file = readChainHeads()[actor.productionId] ?? null;
  const dbHead = chainHeadOf(getSqlite(), actor.productionId);
  return { db: dbHead, file, matches: !!dbHead && !!file && dbHead.seq === file.seq && dbHead.hash === file.hash };
}

/** Walks the production's chain (not the site chain: that belongs to the site admin). */
export function verifyProductionChain(actor: AuditActor): ChainReport {
  assertAuditView(actor);
  return verifyDatabase(getSqlite(), { chains: [actor.productionId] }).chains[0];
}

/**
 * Stored entries about a set of records (an incident and what hangs off it), oldest first. Each
 * term names its entity, so SQLite serves it from the audit_entity (entity, entity_id) index.
 */
export function listEntryRowsFor(actor: AuditActor, refs: { entity: string; ids: string[] }[]): Stored[] {
  assertAuditView(actor);
  const terms = refs.filter((r) => r.ids.length > 0).map((r) => and(eq(auditLog.entity, r.entity), inArray(auditLog.entityId, r.ids)));
  if (terms.length === 0) return [];
  return (
    getDb()
      .select()
      .from(auditLog)
      // Unary + keeps SQLite off the chain indexes: the (entity, entity_id) terms find the few
      // matching rows directly, instead of walking the whole chain (EXPLAIN: MULTI-INDEX OR).
      .where(and(sql`+${auditLog.chain} = ${actor.productionId}`, or(...terms)))
      .orderBy(auditLog.seq)
      .all()
  );
}

export function listEntriesFor(actor: AuditActor, refs: { entity: string; ids: string[] }[]): AuditEntryView[] {
  return toView(listEntryRowsFor(actor, refs), actor);
}
