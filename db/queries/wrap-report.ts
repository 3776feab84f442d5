import 'server-only';
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { getDb, type Tx } from '@/db/client';
import * as schema from '@/db/schema';
import { chainHeadIn, chainHeadOf } from '@/db/audit-chains';
import { snapshot } from '@/db/snapshot';
import { CHUNK_ROWS } from '@/app/lib/export-format';
import {
  ammoEvidenceTransfers,
  ammoLots,
  ammoMovements,
  checkWitnesses,
  dashboardTallies,
  firearmChecks,
  firearms,
  handoffs,
  holdIncidents,
  holds,
  incidentFirearms,
  incidents,
  injuredPeople,
  meetingAttendees,
  qualificationCertificates,
  qualifications,
  refusedHandoffs,
  safetyMeetings,
  scenePlans,
  users,
  type Production,
} from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { FIREARM_STATUSES, INCIDENT_TYPES, LABELS, SEVERITIES, type AmmoMovementKind, type IncidentType, type Severity } from '@/app/lib/enums';
import { assertWrapReport, isFirearmRelated } from '@/app/lib/policy';
import { HANDOFF_REASONS, isCurrent, reconcileLot, rule1Applies, type MovementFact } from '@/app/lib/rules';
import { formatStamp, localDate, toLocalDateTime } from '@/app/lib/time';

// The post-filming firearms report (ARCHITECTURE.md: post-filming report). One module, one read
// transaction, one list of sections: a section is a builder in WRAP_REPORT_SECTIONS below, and the
// page, the JSON and the CSV download all render whatever that list gives — a new section (the
// ammunition chain's per-lot reconciliation) is one more entry there and nothing else.

export type Cell = string | number | null;
/** A headline figure of a section; `key` is stable (tests and the CSV read it), `label` is for people. */
export type Figure = { key: string; label: string; value: number | string };
/**
 * A table of the report. `total`, on a table that grows with the production's activity, counts every
 * row; the page shows the latest `SectionContext.limit` of them and says so, the files all of them.
 */
export type ReportTable<Rows = Record<string, Cell>[]> = { key: string; title: string; columns: { key: string; label: string }[]; rows: Rows; total?: number; empty: string };
export type ReportSection<Rows = Record<string, Cell>[]> = { key: string; title: string; note?: string; figures: Figure[]; tables: ReportTable<Rows>[] };
/**
 * A table's rows as a builder gives them: an array, or for a table that grows with the production
 * and is read whole (the files), rows read a page at a time as they are iterated (`growing`).
 */
export type Rows = Iterable<Record<string, Cell>>;

export type WrapReport = {
  production: Pick<Production, 'id' | 'title' | 'company' | 'timeZone' | 'phase' | 'startDate' | 'endDate'>;
  /** The local day qualifications are judged on: the last shooting day once wrapped, else today. */
  asOf: string;
  wrapped: boolean;
  takenAt: Date;
  chainHead: { seq: number; hash: string } | null;
  sections: ReportSection[];
};
/** The report as the downloads write it: the growing tables' rows still to be read (`streamWrapReport`). */
export type StreamedWrapReport = Omit<WrapReport, 'sections'> & { sections: ReportSection<Rows>[] };

/** What every section builder reads: the read transaction, the production and its zone, and how many
 * rows a growing table may show (null: all, for the downloads; ARCHITECTURE.md: performance budget). */
export type SectionContext = {
  tx: Tx;
  productionId: string;
  timeZone: string;
  asOf: string;
  limit: number | null;
  names: (id: string | null | undefined) => string;
  /** Rows read at a time from a growing table read whole (CHUNK_ROWS; tests make it small to cross pages). */
  pageRows: number;
};

export type SectionBuilder = { key: string; title: string; note?: string; build: (ctx: SectionContext) => Omit<ReportSection<Rows>, 'key' | 'title'> };

const day = (ctx: SectionContext, at: Date | null | undefined) => (at ? localDate(at, ctx.timeZone) : null);
const when = (ctx: SectionContext, at: Date | null | undefined) => (at ? toLocalDateTime(at, ctx.timeZone).replace('T', ' ') : null);
const cols = (pairs: [string, string][]) => pairs.map(([key, label]) => ({ key, label }));
const sum = (xs: (number | null | undefined)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);

/**
 * How a growing table's query is asked for one page: its extra condition (the keyset, for a page
 * after the first), its order (newest first for the page's latest rows, oldest first for the
 * files' pages) and how many rows.
 */
export type PageQuery = { where: SQL | undefined; order: (...keys: (SQLiteColumn | SQL)[]) => SQL[]; n: number };
/** Rows after (at, id) in (at, id) order: the `at >=` half is what the (production, time) index seeks on. */
const afterKey = (at: SQLiteColumn, id: SQLiteColumn, last: { at: Date; id: string }) => and(gte(at, last.at), or(gt(at, last.at), gt(id, last.id)));

/**
 * The rows of a table that grows with the production (ARCHITECTURE.md: post-filming report). With a
 * limit (the page): its newest `limit` rows, oldest first. Without (the files): every row, oldest
 * first, read `pageRows` at a time by keyset as the rows are iterated, so the streamed download holds
 * one page at a time, read on its own snapshot while the file is written (ARCHITECTURE.md: exports
 * in constant memory). `read` runs the query for a page, `after` is the keyset past a page's last
 * row (its order's key must be unique), and `toRows` maps a page (it may read more, e.g. names).
 */
export function growing<R>(ctx: SectionContext, read: (q: PageQuery) => R[], after: (last: R) => SQL | undefined, toRows: (page: R[]) => Record<string, Cell>[]): Rows {
  if (ctx.limit != null) return toRows(read({ where: undefined, order: (...keys) => keys.map((k) => desc(k)), n: ctx.limit }).reverse());
  const n = ctx.pageRows;
  const order = (...keys: (SQLiteColumn | SQL)[]) => keys.map((k) => asc(k));
  return {
    *[Symbol.iterator]() {
      let page = read({ where: undefined, order, n });
      for (;;) {
        yield* toRows(page);
        if (page.length < n) return;
        const before = new Set(page.map((row) => JSON.stringify(row)));
        page = read({ where: after(page[page.length - 1]), order, n });
        // A keyset that lets a page's rows in again would write them twice, or page for ever when
        // it starts at the last row: a failure here, never a file with rows twice or a download that
        // does not end.
        if (page.length && before.has(JSON.stringify(page[0]))) throw new Error('A report table read a row twice: its keyset does not pass the page before.');
      }
    },
  };
}

// ───────────────────────────── sections ─────────────────────────────

const weapons: SectionBuilder = {
  key: 'weapons',
  title: 'Weapons',
  build: ({ tx, productionId }) => {
    const rows = tx.select().from(firearms).where(eq(firearms.productionId, productionId)).orderBy(asc(firearms.tag)).all();
    return {
      figures: [
        { key: 'total', label: 'Weapons in the inventory', value: rows.length },
        ...FIREARM_STATUSES.map((s) => ({ key: s, label: LABELS.firearmStatus[s], value: rows.filter((r) => r.status === s).length })),
      ],
      tables: [
        {
          key: 'inventory',
          title: 'Inventory at the time of the report',
          columns: cols([['tag', 'Tag'], ['weapon', 'Make and model'], ['serial', 'Serial'], ['kind', 'Kind'], ['status', 'Status']]),
          rows: rows.map((f) => ({ tag: f.tag, weapon: `${f.make} ${f.model}`, serial: f.serial || null, kind: LABELS.firearmKind[f.kind], status: LABELS.firearmStatus[f.status] })),
          empty: 'No weapon was recorded.',
        },
      ],
    };
  },
};

const rounds: SectionBuilder = {
  key: 'rounds',
  title: 'Hand-outs and rounds',
  note: 'From the custody hand-offs: rounds issued are those handed out with a weapon; fired and returned are what the returns recorded (rule 2’s count).',
  build: ({ tx, productionId }) => {
    // Summed in SQL per weapon and lot (ARCHITECTURE.md: performance budget): the report holds one
    // row per weapon-and-lot pair, however many hand-outs the production made.
    type Tally = { handOuts: number; issued: number; fired: number; returned: number; outstanding: number };
    type Group = Tally & { tag: string; lotId: string | null; returns: number; unaccounted: number };
    const groups = tx.all<Group>(sql`
      select f.tag as tag, h.ammo_lot_id as lotId, count(*) as handOuts, count(h.returned_at) as returns,
        coalesce(sum(h.rounds_out), 0) as issued,
        -- Fired and back are written with the return and only then (rule 2's count), so these
        -- sums are over returned hand-offs.
        coalesce(sum(h.rounds_fired), 0) as fired,
        coalesce(sum(h.rounds_back), 0) as returned,
        coalesce(sum(case when h.returned_at is null then h.rounds_out end), 0) as outstanding,
        -- Rounds neither fired nor back on a returned hand-off: the count that filed an incident.
        coalesce(sum(case when h.returned_at is not null then max(0, h.rounds_out - coalesce(h.rounds_fired, 0) - coalesce(h.rounds_back, 0)) end), 0) as unaccounted
      from ${handoffs} h join ${firearms} f on f.id = h.firearm_id
      where h.production_id = ${productionId}
      group by h.firearm_id, h.ammo_lot_id`);
    const add = (into: Tally | undefined, g: Tally): Tally => ({
      handOuts: (into?.handOuts ?? 0) + g.handOuts,
      issued: (into?.issued ?? 0) + g.issued,
      fired: (into?.fired ?? 0) + g.fired,
      returned: (into?.returned ?? 0) + g.returned,
      outstanding: (into?.outstanding ?? 0) + g.outstanding,
    });
    const byLot = new Map<string, Tally>();
    const byWeapon = new Map<string, Tally>();
    for (const g of groups) {
      if (g.lotId) byLot.set(g.lotId, add(byLot.get(g.lotId), g));
      byWeapon.set(g.tag, add(byWeapon.get(g.tag), g));
    }
    const total = (k: keyof Group) => sum(groups.map((g) => g[k] as number));
    const empty: Tally = { handOuts: 0, issued: 0, fired: 0, returned: 0, outstanding: 0 };
    const lots = tx.select().from(ammoLots).where(eq(ammoLots.productionId, productionId)).orderBy(asc(ammoLots.lotNumber)).all();
    return {
      figures: [
        { key: 'handOuts', label: 'Hand-outs', value: total('handOuts') },
        { key: 'returns', label: 'Returned', value: total('returns') },
        { key: 'stillOut', label: 'Not returned at the time of the report', value: total('handOuts') - total('returns') },
        { key: 'issued', label: 'Rounds issued', value: total('issued') },
        { key: 'fired', label: 'Rounds fired', value: total('fired') },
        { key: 'returned', label: 'Rounds returned', value: total('returned') },
        { key: 'outstanding', label: 'Rounds still out', value: total('outstanding') },
        { key: 'unaccounted', label: 'Rounds neither fired nor returned', value: total('unaccounted') },
      ],
      tables: [
        {
          key: 'perLot',
          title: 'Per lot',
          columns: cols([['lot', 'Lot'], ['kind', 'Kind'], ['calibre', 'Calibre'], ['supplier', 'Supplier'], ['handOuts', 'Hand-outs'], ['issued', 'Issued'], ['fired', 'Fired'], ['returned', 'Returned'], ['outstanding', 'Still out'], ['onHand', 'On hand']]),
          rows: lots.map((l) => ({ lot: l.lotNumber, kind: LABELS.ammoKind[l.kind], calibre: l.calibre, supplier: l.supplier, ...(byLot.get(l.id) ?? empty), onHand: l.countOnHand })),
          empty: 'No ammunition lot was recorded.',
        },
        {
          key: 'perWeapon',
          title: 'Per weapon',
          columns: cols([['tag', 'Weapon'], ['handOuts', 'Hand-outs'], ['issued', 'Issued'], ['fired', 'Fired'], ['returned', 'Returned'], ['outstanding', 'Still out']]),
          rows: [...byWeapon.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([tag, t]) => ({ tag, ...t })),
          empty: 'No weapon was handed out.',
        },
      ],
    };
  },
};

const checks: SectionBuilder = {
  key: 'checks',
  title: 'Checks and witnesses',
  build: (ctx) => {
    const { tx, productionId } = ctx;
    // Counted by the writing transaction (dashboard_tallies, migration 0033's triggers), the failed
    // and declined ones read newest first up to the page's bound (ARCHITECTURE.md: performance
    // budget): a long production records a million checks and as many witness rows.
    const tallies = tx.all<{ figure: string; key: string; n: number }>(sql`
      select figure, key, n from ${dashboardTallies} where production_id = ${productionId} and figure in ('check_kind', 'witness')`);
    // The check_kind tally's key is "<phase> <result>" (migration 0033's triggers write it so).
    const byKind = tallies
      .filter((t) => t.figure === 'check_kind')
      .map((t) => {
        const [phase, result] = t.key.split(' ');
        return { phase, result, n: t.n };
      });
    const count = (f: (r: (typeof byKind)[number]) => boolean) => sum(byKind.filter(f).map((r) => r.n));
    const witnessTally = (key: string) => tallies.find((t) => t.figure === 'witness' && t.key === key)?.n ?? 0;
    const w = { named: witnessTally('named'), confirmed: witnessTally('confirmed'), declined: witnessTally('declined'), awaited: witnessTally('awaited') };
    const failedCount = count((r) => r.result === 'fail');
    // Only what the table prints: firearm_checks_failed holds it, so no check's row is read.
    const failed = growing(
      ctx,
      (q) =>
        tx
          .select({
            c: { id: firearmChecks.id, performedAt: firearmChecks.performedAt, scene: firearmChecks.scene, phase: firearmChecks.phase, performedById: firearmChecks.performedById, findings: firearmChecks.findings },
            tag: firearms.tag,
          })
          .from(firearmChecks)
          .innerJoin(firearms, eq(firearms.id, firearmChecks.firearmId))
          .where(and(eq(firearmChecks.productionId, productionId), eq(firearmChecks.result, 'fail'), q.where))
          .orderBy(...q.order(firearmChecks.performedAt, firearmChecks.id))
          .limit(q.n)
          .all(),
      (last) => afterKey(firearmChecks.performedAt, firearmChecks.id, { at: last.c.performedAt, id: last.c.id }),
      (page) => page.map((r) => ({ when: when(ctx, r.c.performedAt), weapon: r.tag, scene: r.c.scene, phase: LABELS.checkPhase[r.c.phase], by: ctx.names(r.c.performedById), findings: r.c.findings || null })),
    );
    // A witness row is one (check, person): the person closes the order, so a page ends on one row.
    const declined = growing(
      ctx,
      (q) =>
        tx
          .select({ w: checkWitnesses, c: firearmChecks, tag: firearms.tag })
          .from(checkWitnesses)
          .innerJoin(firearmChecks, eq(firearmChecks.id, checkWitnesses.checkId))
          .innerJoin(firearms, eq(firearms.id, firearmChecks.firearmId))
          .where(and(eq(firearmChecks.productionId, productionId), isNotNull(checkWitnesses.declinedAt), q.where))
          .orderBy(...q.order(checkWitnesses.declinedAt, checkWitnesses.checkId, checkWitnesses.userId))
          .limit(q.n)
          .all(),
      ({ w }) =>
        and(
          gte(checkWitnesses.declinedAt, w.declinedAt!),
          sql`(${checkWitnesses.declinedAt}, ${checkWitnesses.checkId}, ${checkWitnesses.userId}) > (${w.declinedAt!.getTime()}, ${w.checkId}, ${w.userId})`,
        ),
      (page) => page.map((r) => ({ when: when(ctx, r.w.declinedAt), witness: ctx.names(r.w.userId), weapon: r.tag, scene: r.c.scene, by: ctx.names(r.c.performedById) })),
    );
    return {
      figures: [
        { key: 'total', label: 'Checks recorded', value: count(() => true) },
        { key: 'beforeUse', label: 'Before use', value: count((r) => r.phase === 'before_use') },
        { key: 'afterUse', label: 'After use', value: count((r) => r.phase === 'after_use') },
        { key: 'failed', label: 'Failed', value: failedCount },
        { key: 'witnesses', label: 'Witnesses named', value: w.named },
        { key: 'confirmed', label: 'Witness confirmations', value: w.confirmed },
        { key: 'declined', label: 'Witnesses who declined', value: w.declined },
        { key: 'awaited', label: 'Confirmations never given', value: w.awaited },
      ],
      tables: [
        {
          key: 'failed',
          title: 'Failed checks',
          columns: cols([['when', 'When'], ['weapon', 'Weapon'], ['scene', 'Setup'], ['phase', 'Phase'], ['by', 'Checked by'], ['findings', 'Findings']]),
          rows: failed,
          total: failedCount,
          empty: 'No check failed.',
        },
        {
          key: 'declined',
          title: 'Witnesses who declined (“I did not see this check”)',
          columns: cols([['when', 'Declined'], ['witness', 'Witness'], ['weapon', 'Weapon'], ['scene', 'Setup'], ['by', 'Check by']]),
          rows: declined,
          total: w.declined,
          empty: 'No witness declined.',
        },
      ],
    };
  },
};

const incidentSection: SectionBuilder = {
  key: 'incidents',
  title: 'Incidents',
  note: 'Duplicates are left out. Anonymous reports carry their day only.',
  build: (ctx) => {
    const { tx, productionId, timeZone } = ctx;
    // Whether a weapon is linked or someone was hurt, per report, decides rule 1; the rule itself
    // stays in the rules module, asked once per kind of report rather than once per report.
    const linkedX = sql<number>`exists (select 1 from ${incidentFirearms} x where x.incident_id = ${incidents.id})`;
    const injuredX = sql<number>`exists (select 1 from ${injuredPeople} x where x.incident_id = ${incidents.id})`;
    const kinds = tx.all<{ type: IncidentType; severity: Severity; open: number; dup: number; linked: number; injured: number; n: number }>(sql`
      select ${incidents.type} as type, ${incidents.severity} as severity, ${incidents.status} <> 'closed' as open,
        ${incidents.duplicateOfId} is not null as dup, ${linkedX} as linked, ${injuredX} as injured, count(*) as n
      from ${incidents} where ${incidents.productionId} = ${productionId}
      group by 1, 2, 3, 4, 5, 6`);
    const rows = kinds.filter((k) => !k.dup);
    const fact = (k: (typeof kinds)[number]) => ({ type: k.type, firearmLinked: k.linked === 1, injured: k.injured === 1 });
    const count = (f: (k: (typeof kinds)[number]) => boolean) => sum(rows.filter(f).map((k) => k.n));
    const rule1Kinds = [...new Map(rows.filter((k) => rule1Applies(fact(k))).map((k) => [`${k.type} ${k.linked} ${k.injured}`, k])).values()];
    const rule1Count = count((k) => rule1Applies(fact(k)));
    const i = incidents;
    const rule1 = rule1Kinds.length
      ? growing(
          ctx,
          (q) =>
            tx
              .select({ number: i.number, reportedAt: i.reportedAt, anonymous: i.anonymous, type: i.type, severity: i.severity, status: i.status, location: i.location, scene: i.scene, injured: injuredX })
              .from(i)
              .where(
                and(
                  eq(i.productionId, productionId),
                  isNull(i.duplicateOfId),
                  // The unary + keeps the type off the index (a cheap filter before the two
                  // lookups per row): with it, SQLite walked the (production, type) index and sorted
                  // every page; without, it walks (production, number) in the page's order.
                  inArray(sql`+${i.type}`, [...new Set(rule1Kinds.map((k) => k.type))]),
                  sql`(${i.type}, ${linkedX}, ${injuredX}) in (values ${sql.join(rule1Kinds.map((k) => sql`(${k.type}, ${k.linked}, ${k.injured})`), sql`, `)})`,
                  q.where,
                ),
              )
              .orderBy(...q.order(i.number))
              .limit(q.n)
              .all(),
          (last) => gt(i.number, last.number),
          (page) =>
            page.map((r) => ({
              number: r.number,
              reported: r.anonymous ? formatStamp(r.reportedAt, timeZone, true) : when(ctx, r.reportedAt),
              type: r.injured && !['accidental_discharge', 'live_ammunition_found'].includes(r.type) ? `${LABELS.incidentType[r.type]} (firearm injury)` : LABELS.incidentType[r.type],
              severity: LABELS.severity[r.severity],
              status: LABELS.status[r.status],
              where: [r.location, r.scene].filter(Boolean).join(' · ') || null,
            })),
        )
      : [];
    return {
      figures: [
        { key: 'total', label: 'Incidents', value: count(() => true) },
        { key: 'firearmRelated', label: 'Firearm-related', value: count((k) => isFirearmRelated({ type: k.type, firearmCount: k.linked })) },
        { key: 'rule1', label: 'Stopped work (rule 1)', value: rule1Count },
        { key: 'open', label: 'Not closed', value: count((k) => k.open === 1) },
        { key: 'duplicates', label: 'Duplicates left out', value: sum(kinds.filter((k) => k.dup).map((k) => k.n)) },
      ],
      tables: [
        {
          key: 'byType',
          title: 'By type',
          columns: cols([['type', 'Type'], ['count', 'Incidents']]),
          rows: INCIDENT_TYPES.map((t) => ({ type: LABELS.incidentType[t], count: count((k) => k.type === t) })).filter((r) => r.count > 0),
          empty: 'No incident was reported.',
        },
        {
          key: 'bySeverity',
          title: 'By severity',
          columns: cols([['severity', 'Severity'], ['count', 'Incidents']]),
          rows: SEVERITIES.map((s) => ({ severity: LABELS.severity[s], count: count((k) => k.severity === s) })).filter((r) => r.count > 0),
          empty: 'No incident was reported.',
        },
        {
          key: 'rule1',
          title: 'Incidents that stopped work (rule 1)',
          columns: cols([['number', 'No.'], ['reported', 'Reported'], ['type', 'Type'], ['severity', 'Severity'], ['status', 'Status'], ['where', 'Where']]),
          rows: rule1,
          total: rule1Count,
          empty: 'No incident stopped work.',
        },
      ],
    };
  },
};

const holdSection: SectionBuilder = {
  key: 'holds',
  title: 'Stop-work holds',
  build: (ctx) => {
    const { tx, productionId } = ctx;
    const t = tx.get<{ called: number; rule1: number; lifted: number }>(sql`
      select count(*) as called, coalesce(sum(source = 'rule1'), 0) as rule1, count(lifted_at) as lifted from ${holds} where production_id = ${productionId}`) ?? { called: 0, rule1: 0, lifted: 0 };
    const rows = growing(
      ctx,
      (q) =>
        tx
          .select()
          .from(holds)
          .where(and(eq(holds.productionId, productionId), q.where))
          .orderBy(...q.order(holds.calledAt, holds.id))
          .limit(q.n)
          .all(),
      (last) => afterKey(holds.calledAt, holds.id, { at: last.calledAt, id: last.id }),
      // The incidents a page's holds name, read with the page.
      (page) => {
        const joined = page.length ? tx.select().from(holdIncidents).where(inArray(holdIncidents.holdId, page.map((h) => h.id))).all() : [];
        const named = [...new Set([...page.map((h) => h.incidentId), ...joined.map((j) => j.incidentId)].filter((x): x is string => !!x))];
        const numbers = new Map(named.length ? tx.select({ id: incidents.id, number: incidents.number }).from(incidents).where(inArray(incidents.id, named)).all().map((i) => [i.id, i.number]) : []);
        return page.map((h) => {
          const nos = [h.incidentId, ...joined.filter((j) => j.holdId === h.id).map((j) => j.incidentId)].filter((x): x is string => !!x).map((id) => numbers.get(id));
          return {
            called: when(ctx, h.calledAt),
            calledBy: h.calledById ? ctx.names(h.calledById) : h.source === 'rule1' ? 'Rule 1 (from a report)' : 'An anonymous report',
            reason: h.reason,
            incidents: [...new Set(nos)].filter((n) => n != null).map((n) => `#${n}`).join(', ') || null,
            lifted: when(ctx, h.liftedAt),
            liftedBy: h.liftedById ? ctx.names(h.liftedById) : null,
            concurredBy: h.concurredById ? ctx.names(h.concurredById) : null,
          };
        });
      },
    );
    return {
      figures: [
        { key: 'called', label: 'Holds called', value: t.called },
        { key: 'rule1', label: 'Called by rule 1', value: t.rule1 },
        { key: 'lifted', label: 'Lifted', value: t.lifted },
        { key: 'standing', label: 'Standing at the time of the report', value: t.called - t.lifted },
      ],
      tables: [
        {
          key: 'holds',
          title: 'Holds',
          columns: cols([['called', 'Called'], ['calledBy', 'Called by'], ['reason', 'Reason'], ['incidents', 'Incidents'], ['lifted', 'Lifted'], ['liftedBy', 'Lifted by'], ['concurredBy', 'Concurrence']]),
          rows,
          total: t.called,
          empty: 'No hold was called.',
        },
      ],
    };
  },
};

const meetings: SectionBuilder = {
  key: 'meetings',
  title: 'Safety meetings',
  build: (ctx) => {
    const { tx, productionId } = ctx;
    const t = tx.get<{ total: number; firearms: number; days: number; attendance: number }>(sql`
      select count(*) as total, coalesce(sum(m.firearms_on_set), 0) as firearms, count(distinct m.date) as days,
        (select count(*) from ${meetingAttendees} a join ${safetyMeetings} am on am.id = a.meeting_id
          where am.production_id = ${productionId} and a.confirmed_at is not null) as attendance
      from ${safetyMeetings} m where m.production_id = ${productionId}`) ?? { total: 0, firearms: 0, days: 0, attendance: 0 };
    // One row per day, summed in SQL; the scenes in the order the meetings were recorded.
    type Day = { day: string; meetings: number; firearms: number; scenes: string; attended: number };
    const days = growing(
      ctx,
      (q) =>
        tx.all<Day>(sql`
        select m.date as day, count(*) as meetings, coalesce(sum(m.firearms_on_set), 0) as firearms,
          group_concat(m.scene, '; ' order by m.created_at, m.id) as scenes,
          coalesce(sum((select count(*) from ${meetingAttendees} a where a.meeting_id = m.id and a.confirmed_at is not null)), 0) as attended
        from ${safetyMeetings} m where m.production_id = ${productionId}${q.where ? sql` and ${q.where}` : sql``}
        group by m.date order by ${sql.join(q.order(sql`m.date`), sql`, `)} limit ${q.n}`),
      (last) => sql`m.date > ${last.day}`,
      (page) => page,
    );
    return {
      figures: [
        { key: 'total', label: 'Meetings', value: t.total },
        { key: 'firearms', label: 'Covering firearms', value: t.firearms },
        { key: 'days', label: 'Days with a meeting', value: t.days },
        { key: 'attendance', label: 'Attendances confirmed', value: t.attendance },
      ],
      tables: [
        {
          key: 'perDay',
          title: 'Per day',
          columns: cols([['day', 'Day'], ['meetings', 'Meetings'], ['firearms', 'Covering firearms'], ['scenes', 'Scenes covered'], ['attended', 'Attendances confirmed']]),
          rows: days,
          total: t.days,
          empty: 'No safety meeting was recorded.',
        },
      ],
    };
  },
};

const plans: SectionBuilder = {
  key: 'plans',
  title: 'Scene plans (rule 8)',
  note: 'The newest plan of each setup governs; older ones are counted as replaced.',
  build: (ctx) => {
    const { tx, productionId } = ctx;
    const rows = tx.select().from(scenePlans).where(eq(scenePlans.productionId, productionId)).orderBy(desc(scenePlans.createdAt)).all();
    const newest = new Map<string, (typeof rows)[number]>();
    for (const p of rows) if (!newest.has(p.scene.trim().toLowerCase())) newest.set(p.scene.trim().toLowerCase(), p);
    const current = [...newest.values()].sort((a, b) => a.scene.localeCompare(b.scene));
    return {
      figures: [
        { key: 'setups', label: 'Setups planned', value: current.length },
        { key: 'approved', label: 'Approved', value: current.filter((p) => p.approvedAt != null).length },
        { key: 'notApproved', label: 'Never approved', value: current.filter((p) => p.approvedAt == null).length },
        { key: 'replaced', label: 'Plans replaced by a newer one', value: rows.length - current.length },
      ],
      tables: [
        {
          key: 'plans',
          title: 'Plans in force',
          columns: cols([['scene', 'Setup'], ['weapons', 'Weapons'], ['armorer', 'Signed by the armorer'], ['advisor', 'Signed by the safety advisor'], ['approved', 'Approved by'], ['approvedAt', 'Approved']]),
          rows: current.map((p) => ({
            scene: p.scene,
            weapons: p.weapons.length,
            armorer: p.armorerSignedById ? ctx.names(p.armorerSignedById) : null,
            advisor: p.advisorSignedById ? ctx.names(p.advisorSignedById) : null,
            approved: p.approvedById ? ctx.names(p.approvedById) : null,
            approvedAt: day(ctx, p.approvedAt),
          })),
          empty: 'No scene plan was written.',
        },
      ],
    };
  },
};

const qualificationSection: SectionBuilder = {
  key: 'qualifications',
  title: 'Qualifications',
  build: (ctx) => {
    const { tx, productionId, asOf } = ctx;
    const rows = tx.select().from(qualifications).where(eq(qualifications.productionId, productionId)).orderBy(asc(qualifications.expiresOn)).all();
    const scans = new Map<string, number>();
    for (const c of tx.select({ q: qualificationCertificates.qualificationId }).from(qualificationCertificates).where(eq(qualificationCertificates.productionId, productionId)).all()) scans.set(c.q, (scans.get(c.q) ?? 0) + 1);
    const status = (q: (typeof rows)[number]) => (isCurrent(q, asOf) ? 'Current' : q.expiresOn < asOf ? 'Expired' : 'Not yet valid');
    return {
      figures: [
        { key: 'total', label: 'Qualifications on record', value: rows.length },
        { key: 'current', label: `Current on ${asOf}`, value: rows.filter((q) => status(q) === 'Current').length },
        { key: 'expired', label: `Expired by ${asOf}`, value: rows.filter((q) => status(q) === 'Expired').length },
        { key: 'withScan', label: 'With a certificate scan', value: rows.filter((q) => scans.has(q.id)).length },
      ],
      tables: [
        {
          key: 'qualifications',
          title: `Qualifications on ${asOf}`,
          columns: cols([['member', 'Member'], ['kind', 'Kind'], ['issuer', 'Issued by'], ['reference', 'Reference'], ['expiresOn', 'Expires'], ['status', 'Status'], ['scans', 'Scans']]),
          rows: rows.map((q) => ({ member: ctx.names(q.userId), kind: LABELS.qualificationKind[q.kind], issuer: q.issuer, reference: q.reference || null, expiresOn: q.expiresOn, status: status(q), scans: scans.get(q.id) ?? 0 })),
          empty: 'No qualification was recorded.',
        },
      ],
    };
  },
};

const refused: SectionBuilder = {
  key: 'refused',
  title: 'Refused hand-outs',
  build: (ctx) => {
    const { tx, productionId } = ctx;
    const has = (keys: string[]) => sql`exists (select 1 from json_each(r.reasons) j where j.value in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)}))`;
    const t = tx.get<{ total: number; qualification: number; hold: number }>(sql`
      select count(*) as total, coalesce(sum(${has(['qualification_expired', 'handler_not_qualified'])}), 0) as qualification, coalesce(sum(${has(['hold_standing'])}), 0) as hold
      from ${refusedHandoffs} r where r.production_id = ${productionId}`) ?? { total: 0, qualification: 0, hold: 0 };
    const rows = growing(
      ctx,
      (q) =>
        tx
          .select({ r: refusedHandoffs, tag: firearms.tag, number: incidents.number })
          .from(refusedHandoffs)
          .innerJoin(firearms, eq(firearms.id, refusedHandoffs.firearmId))
          .leftJoin(incidents, eq(incidents.id, refusedHandoffs.incidentId))
          .where(and(eq(refusedHandoffs.productionId, productionId), q.where))
          .orderBy(...q.order(refusedHandoffs.at, refusedHandoffs.id))
          .limit(q.n)
          .all(),
      (last) => afterKey(refusedHandoffs.at, refusedHandoffs.id, { at: last.r.at, id: last.r.id }),
      (page) =>
        page.map(({ r, tag, number }) => ({
          when: when(ctx, r.at),
          weapon: tag,
          by: ctx.names(r.attemptedById),
          to: r.toId ? ctx.names(r.toId) : null,
          scene: r.scene,
          reasons: r.reasons.map((k) => (k in HANDOFF_REASONS ? HANDOFF_REASONS[k as keyof typeof HANDOFF_REASONS] : k)).join(' '),
          incident: number != null ? `#${number}` : null,
        })),
    );
    return {
      figures: [
        { key: 'total', label: 'Hand-outs refused and recorded', value: t.total },
        { key: 'qualification', label: 'For a lapsed or missing qualification', value: t.qualification },
        { key: 'hold', label: 'During a hold', value: t.hold },
      ],
      tables: [
        {
          key: 'refused',
          title: 'Refusals',
          columns: cols([['when', 'When'], ['weapon', 'Weapon'], ['by', 'Attempted by'], ['to', 'To'], ['scene', 'Setup'], ['reasons', 'Why'], ['incident', 'Report']]),
          rows,
          total: t.total,
          empty: 'No hand-out was refused.',
        },
      ],
    };
  },
};

const ammunitionChain: SectionBuilder = {
  key: 'ammunition',
  title: 'Ammunition chain',
  note: 'From each lot’s ledger, from its delivery to the report: what came in, went out, was fired, came back, went to the authorities or back to the vendor. “Ledger differs” is the stored count less the ledger’s, 0 when they agree.',
  build: (ctx) => {
    const { tx, productionId } = ctx;
    const lots = tx.select().from(ammoLots).where(eq(ammoLots.productionId, productionId)).orderBy(asc(ammoLots.receivedOn), asc(ammoLots.lotNumber)).all();
    // The ledger summed per lot and kind in SQL: the section prints totals and the drift, which
    // reconcileLot gives the same from one line per kind as from every movement.
    const moves = tx.all<{ lotId: string; kind: AmmoMovementKind; delta: number; rounds: number }>(sql`
      select lot_id as lotId, kind, coalesce(sum(delta), 0) as delta, coalesce(sum(rounds), 0) as rounds
      from ${ammoMovements} where production_id = ${productionId} group by lot_id, kind`);
    const movesOf = new Map<string, MovementFact[]>();
    for (const m of moves) (movesOf.get(m.lotId) ?? movesOf.set(m.lotId, []).get(m.lotId)!).push({ day: '', kind: m.kind, delta: m.delta, rounds: m.rounds });
    const transfers = tx.select().from(ammoEvidenceTransfers).where(eq(ammoEvidenceTransfers.productionId, productionId)).orderBy(asc(ammoEvidenceTransfers.transferredAt)).all();
    const lotNumber = new Map(lots.map((l) => [l.id, l.lotNumber]));
    const rows = lots.map((l) => {
      const r = reconcileLot(movesOf.get(l.id) ?? [], l.countOnHand);
      const total = (k: 'received' | 'issued' | 'fired' | 'returned' | 'missing' | 'adjusted' | 'evidence' | 'vendorReturned') => sum(r.days.map((d) => d[k]));
      return {
        lot: l.lotNumber,
        paperwork: l.paperworkRef || null,
        kind: LABELS.ammoKind[l.kind],
        verified: l.kind === 'dummy' ? `${l.verifiedCount ?? 0} by ${l.verificationMethods.map((m) => m.replace('_', ' ')).join(', ') || '—'}` : null,
        status: LABELS.ammoLotStatus[l.status],
        received: total('received'),
        issued: total('issued'),
        fired: total('fired'),
        returned: total('returned'),
        missing: total('missing'),
        adjusted: total('adjusted'),
        evidence: total('evidence'),
        vendor: total('vendorReturned'),
        onHand: l.countOnHand,
        drift: r.drift,
      };
    });
    return {
      figures: [
        { key: 'lots', label: 'Lots received', value: lots.length },
        { key: 'frozen', label: 'Lots frozen as evidence', value: lots.filter((l) => l.status === 'frozen').length },
        { key: 'vendorReturned', label: 'Lots returned to the vendor', value: lots.filter((l) => l.status === 'returned').length },
        { key: 'notReturned', label: 'Lots not yet returned to the vendor', value: lots.filter((l) => l.status === 'in_store').length },
        { key: 'liveFound', label: 'Live rounds found', value: sum(lots.map((l) => l.liveRoundsFound)) },
        { key: 'missing', label: 'Rounds not accounted for on a return', value: sum(rows.map((r) => r.missing)) },
        { key: 'drift', label: 'Lots whose ledger differs from the count', value: rows.filter((r) => r.drift !== 0).length },
      ],
      tables: [
        {
          key: 'ledger',
          title: 'Per lot, from the ledger',
          columns: cols([['lot', 'Lot'], ['paperwork', 'Delivery note'], ['kind', 'Kind'], ['verified', 'Dummies verified'], ['status', 'State'], ['received', 'Received'], ['issued', 'Issued'], ['fired', 'Fired'], ['returned', 'Returned'], ['missing', 'Not accounted for'], ['adjusted', 'Adjusted'], ['evidence', 'To the authorities'], ['vendor', 'Back to vendor'], ['onHand', 'On hand'], ['drift', 'Ledger differs']]),
          rows,
          empty: 'No ammunition lot was recorded.',
        },
        {
          key: 'evidence',
          title: 'Evidence transfers',
          columns: cols([['lot', 'Lot'], ['at', 'When'], ['from', 'From'], ['to', 'To'], ['badge', 'Badge or ID'], ['rounds', 'Inert rounds'], ['live', 'Live rounds'], ['seal', 'Seal or bag']]),
          rows: transfers.map((t) => ({
            lot: lotNumber.get(t.lotId) ?? null,
            at: when(ctx, t.transferredAt),
            from: [t.fromName, t.fromAgency].filter(Boolean).join(', '),
            to: [t.toName, t.toAgency].filter(Boolean).join(', '),
            badge: t.toBadge,
            rounds: t.rounds,
            live: t.liveRounds,
            seal: t.sealNumber,
          })),
          empty: 'No lot went to the authorities.',
        },
      ],
    };
  },
};

/**
 * The report's sections, in print order. Add a section here (a `SectionBuilder` reading through
 * `ctx.tx`) and the page, the JSON and the CSV show it; nothing else changes.
 */
export const WRAP_REPORT_SECTIONS: readonly SectionBuilder[] = [weapons, rounds, ammunitionChain, checks, incidentSection, holdSection, meetings, plans, qualificationSection, refused];

/** The local day qualifications are judged on: the production's last day once wrapped (never after today), else today. */
export function reportAsOf(p: Pick<Production, 'phase' | 'endDate' | 'timeZone'>, now: Date): string {
  const today = localDate(now, p.timeZone);
  return p.phase === 'wrapped' && p.endDate && p.endDate < today ? p.endDate : today;
}

/** Rows a growing table shows on the page; the downloads carry every row. */
export const PAGE_TABLE_ROWS = 100;

/** The report around its sections: what every builder reads, given the transaction it reads in. */
function buildReport({ actor, now, limit, sections, tx, chainHead, pageRows }: {
  actor: Actor;
  now: Date;
  /** Rows of each growing table (its newest), or null for every row read `pageRows` at a time. */
  limit: number | null;
  sections: readonly SectionBuilder[];
  tx: Tx;
  chainHead: WrapReport['chainHead'];
  pageRows: number;
}): StreamedWrapReport {
  const p = actor.production;
  const asOf = reportAsOf(p, now);
  // Names are few (the production's members), so the report keeps each once it has read it.
  const people = new Map<string, string>();
  const names = (id: string | null | undefined) => {
    if (!id) return 'Unknown';
    if (!people.has(id)) people.set(id, tx.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? 'Unknown');
    return people.get(id)!;
  };
  const ctx: SectionContext = { tx, productionId: actor.productionId, timeZone: p.timeZone, asOf, limit, names, pageRows };
  return {
    production: { id: p.id, title: p.title, company: p.company, timeZone: p.timeZone, phase: p.phase, startDate: p.startDate, endDate: p.endDate },
    asOf,
    wrapped: p.phase === 'wrapped',
    takenAt: now,
    chainHead,
    sections: sections.map((s) => ({ key: s.key, title: s.title, note: s.note, ...s.build(ctx) })),
  };
}

/**
 * The whole report, read in one snapshot with the audit chain head, every row in memory: the page
 * (with `limit`, so a growing table gives its newest rows) and the tests. Refuses a reader the
 * policy refuses. `limit` bounds the tables that grow with the production (null: every row).
 */
export function getWrapReport(actor: Actor, now: Date = new Date(), limit: number | null = null, sections: readonly SectionBuilder[] = WRAP_REPORT_SECTIONS): WrapReport {
  assertWrapReport(actor);
  return getDb().transaction(
    (tx) => {
      const r = buildReport({ actor, now, limit, sections, tx, chainHead: chainHeadIn(tx, actor.productionId), pageRows: CHUNK_ROWS });
      // Read here, inside the transaction: a growing table's rows are read when iterated.
      return { ...r, sections: r.sections.map((s) => ({ ...s, tables: s.tables.map((t) => ({ ...t, rows: Array.isArray(t.rows) ? t.rows : [...t.rows] })) })) };
    },
    { behavior: 'deferred' },
  );
}

/**
 * The report for the downloads (ARCHITECTURE.md: exports in constant memory): the figures and the
 * small tables read now, the growing tables a page at a time while the file is written, all on one
 * snapshot of a connection of the download's own, with the chain head the file carries. The
 * snapshot is closed when the last row is read (`wrapReportRows`, `wrapReportJsonChunks`) or by
 * `close` (a download abandoned). Refuses a reader the policy refuses.
 */
export function streamWrapReport(actor: Actor, now: Date = new Date(), pageRows = CHUNK_ROWS): { report: StreamedWrapReport; close: () => void } {
  assertWrapReport(actor);
  const { conn, close } = snapshot();
  try {
    // The same query builder over the snapshot connection (a plain read: no transaction of drizzle's).
    const tx = drizzle(conn, { schema }) as unknown as Tx;
    const report = buildReport({ actor, now, limit: null, sections: WRAP_REPORT_SECTIONS, tx, chainHead: chainHeadOf(conn, actor.productionId), pageRows });
    return { report, close };
  } catch (err) {
    close();
    throw err;
  }
}

/** A figure by section and key (the CSV and the tests read figures this way). */
export function figureOf(r: WrapReport, section: string, key: string): number | string | undefined {
  return r.sections.find((s) => s.key === section)?.figures.find((f) => f.key === key)?.value;
}

/** The CSV download: every figure and every table row, one line each, with its section (RFC 4180 by the export formatter). */
export function* wrapReportRows(r: { sections: ReportSection<Rows>[] }): Generator<Record<string, Cell>> {
  for (const s of r.sections) {
    for (const f of s.figures) yield { section: s.title, table: null, item: f.label, key: f.key, value: f.value, details: null };
    for (const t of s.tables) {
      const [first, ...rest] = t.columns;
      for (const row of t.rows) {
        yield { section: s.title, table: t.title, item: first ? row[first.key] : null, key: null, value: null, details: rest.map((c) => `${c.label}: ${row[c.key] ?? '—'}`).join('; ') };
      }
    }
  }
}
