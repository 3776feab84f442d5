import { sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { discardPendingHeads, flushChainHeads } from '../../db/chain-heads';
import type * as schema from '../../db/schema';
import { appendAudit } from './audit';
import { DAY, startOfLocalDay } from './time';

// Data migration for day-only stamps (ARCHITECTURE.md, anonymous reports: keep no time finer than the day).
// They were stored as UTC midnight of the production's local date, which every reader working in
// the production's zone took for the evening before west of UTC. They are now the instant the
// local day began (app/lib/time.ts dayOnly); this rewrites the rows written the old way.
//
// Idempotent, so it simply runs at every start: an old stamp is a multiple of a day in ms; its
// new value is one only where the zone's offset is 0 that day, and there old and new are equal.
// Audit entries are left as written: their hash covers `at`, and the trail reads both forms.

/** Every column that holds a day-only stamp: its table, key and the rows written anonymously. */
type Target = { table: string; key: string; column: string; production: string; join: string; where: string };
const TARGETS: Target[] = [
  ...['reported_at', 'occurred_at', 'updated_at'].map((column) => ({ table: 'incidents', key: 'id', column, production: 'x.production_id', join: '', where: 'x.anonymous = 1' })),
  { table: 'injured_people', key: 'id', column: 'updated_at', production: 'i.production_id', join: 'join incidents i on i.id = x.incident_id', where: 'i.anonymous = 1' },
  { table: 'comments', key: 'id', column: 'created_at', production: 'i.production_id', join: 'join incidents i on i.id = x.incident_id', where: 'x.author_id is null' },
  { table: 'attachments', key: 'id', column: 'created_at', production: 'x.production_id', join: '', where: 'x.uploaded_by_id is null' },
  { table: 'holds', key: 'id', column: 'called_at', production: 'x.production_id', join: '', where: 'x.called_by_id is null' },
  // Notifications and rule flags caused by an anonymous filing carry the day only; nothing else
  // in the app writes a stamp that is a whole number of days (every other one is the clock in ms).
  { table: 'notifications', key: 'id', column: 'created_at', production: 'x.production_id', join: '', where: 'x.production_id is not null' },
  { table: 'rule_flags', key: 'id', column: 'created_at', production: 'x.production_id', join: '', where: '1 = 1' },
];

/** Rewrites old-form day-only stamps; returns how many values changed, per production. */
export function migrateDayStamps(db: BetterSQLite3Database<typeof schema>): Record<string, number> {
  const changed: Record<string, number> = {};
  const zones = new Map(db.all<{ id: string; tz: string }>(sql`select id, time_zone as tz from productions`).map((p) => [p.id, p.tz]));
  if (zones.size === 0) return changed;
  type Reader = Pick<BetterSQLite3Database<typeof schema>, 'all'>;
  const pending = (r: Reader) =>
    TARGETS.flatMap((t) =>
      r
        .all<{ k: string; v: number; p: string }>(
          sql.raw(`select x.${t.key} as k, x.${t.column} as v, ${t.production} as p from ${t.table} x ${t.join} where ${t.where} and x.${t.column} % ${DAY} = 0`),
        )
        .flatMap((row) => {
          const tz = zones.get(row.p);
          const next = tz ? startOfLocalDay(new Date(row.v).toISOString().slice(0, 10), tz).getTime() : row.v;
          return next === row.v ? [] : [{ t, k: row.k, p: row.p, next }];
        }),
    );
  if (pending(db).length === 0) return changed;
  // db/client.ts writeWith, spelled out: this runs while that module is still opening the database.
  // Read again inside the immediate transaction: another process may have just done it.
  discardPendingHeads();
  db.transaction((tx) => {
    for (const { t, k, p, next } of pending(tx)) {
      tx.run(sql`update ${sql.identifier(t.table)} set ${sql.identifier(t.column)} = ${next} where ${sql.identifier(t.key)} = ${k}`);
      changed[p] = (changed[p] ?? 0) + 1;
    }
    for (const [productionId, n] of Object.entries(changed)) {
      appendAudit(tx, {
        chain: productionId, actorId: null, actorLabel: 'SetSafe (data migration)', entity: 'production', entityId: productionId,
        action: 'data.day_stamps', after: { rewritten: n, to: 'start of the local day' }, at: new Date(),
      });
    }
  }, { behavior: 'immediate' });
  flushChainHeads();
  return changed;
}
