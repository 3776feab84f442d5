import 'server-only';
import type Database from 'better-sqlite3';
import { getSqlite } from '@/db/client';
import { perConnection } from '@/db/per-connection';
import { chainHeadOf } from '@/db/audit-chains';
import type { DashboardActor } from './dashboard';

// Dashboard figures are recomputed only when the production's data can have changed.
//
// Every change to a production's records appends to that production's audit chain in the same
// transaction (house rule; ARCHITECTURE.md: audit trail), so the chain's newest seq is a version number of
// the production's data as this process wrote it. `PRAGMA data_version` moves when any OTHER
// connection commits (a script, a backup restore, a test inserting rows directly). Time-dependent
// figures (overdue today, a legal clock running out) also key on the minute. A figure served from
// here is therefore never older than the last committed change, and at most a minute behind the
// clock.

const MAX_ENTRIES = 500;
const store = new Map<string, unknown>();

// Prepared once per connection: every figure of every dashboard view asks for its version.
const statements = perConnection((sq: Database.Database) => ({
  dv: sq.prepare('pragma data_version').pluck(),
  area: sq.prepare('select v from data_versions where area = ?').pluck(),
}));
const prepared = () => statements(getSqlite());

/** The production's data version as this connection sees it: one indexed look-up and a pragma. */
export function dataVersion(productionId: string): string {
  const s = prepared();
  return `${s.dv.get() as number}:${chainHeadOf(getSqlite(), productionId)?.seq ?? 0}`;
}

/**
 * Per-figure invalidation: a figure that reads only one area of data keys on that area's counter
 * (data_versions, moved by triggers on the area's tables in the writing transaction), so a change
 * elsewhere — a report filed — leaves it standing. Areas: `firearms` = firearms, firearm_checks,
 * check_witnesses, handoffs, refused_handoffs (db/migrations/0018_dashboard_aggregate_triggers.sql).
 */
export type DataArea = 'firearms';

export function areaVersion(area: DataArea): string {
  const s = prepared();
  const v = s.area.get(area) as number | undefined;
  return `${s.dv.get() as number}:${area}:${v ?? 0}`;
}

/** `compute()` once per (query, production, viewer, data version, minute, args). */
export function memoFigure<T>(name: string, actor: DashboardActor, now: Date, args: unknown[], compute: () => T, area?: DataArea): T {
  const version = area ? areaVersion(area) : dataVersion(actor.productionId);
  const key = [name, actor.productionId, actor.role, actor.userId, version, Math.floor(now.getTime() / 60_000), JSON.stringify(args)].join('|');
  if (store.has(key)) {
    const v = store.get(key) as T;
    store.delete(key); // most recently used last
    store.set(key, v);
    return v;
  }
  const v = compute();
  store.set(key, v);
  if (store.size > MAX_ENTRIES) store.delete(store.keys().next().value as string);
  return v;
}
