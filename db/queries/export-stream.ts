import 'server-only';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '@/db/schema';
import type { Tx } from '@/db/client';
import { snapshot } from '@/db/snapshot';
import { chainHeadOf } from '@/db/audit-chains';
import { LABELS } from '@/app/lib/enums';
import { dayRange } from '@/app/lib/calendar';
import { toLocalDateTime } from '@/app/lib/time';
import { CHUNK_ROWS, type Column, type Row } from '@/app/lib/export-format';
import type { AuditFilters } from '@/app/lib/schemas/oversight';
import {
  CUSTODY_COLUMNS, countAudit, countCustody, countIncidents, custodianPositions, custodyHandoffs, custodyOrder, custodyRefused, exportAudit, exportIncidents,
  type CheckExportFilters, type CustodyExportFilters, type CustodyPage, type CustodyRow, type IncidentExportFilters, type Page,
} from './exports';
import { assertAuditView, personalFieldsGate, type AuditActor } from './audit';

// Exports that stream (ARCHITECTURE.md: exports in constant memory). A dataset of a million rows
// never sits in memory: rows are read one batch at a time from a statement being iterated, and
// each batch is written out before the next is read. The rows and the chain head printed on the
// file come from ONE snapshot: a read transaction on a connection of the export's own, held
// open while the file streams (WAL lets the app's writer carry on meanwhile).

export type StreamedExport = { chainHead: { seq: number; hash: string } | null; columns: Column[]; count: number; rows: Generator<Row>; close: () => void };

type CheckRaw = {
  id: string; performed_at: number; phase: keyof typeof LABELS.checkPhase; scene: string; result: keyof typeof LABELS.checkResult; checklist: string | null; findings: string;
  tag: string; make: string; model: string; by: string | null; witnesses: string;
};

export const CHECK_COLUMNS = (tz: string): Column[] =>
  (
    [
      ['performedAt', 'performed_at_utc'], ['performedLocal', `performed_local (${tz})`], ['firearmTag', 'firearm_tag'], ['firearm', 'firearm'],
      ['phase', 'phase'], ['scene', 'scene'], ['result', 'result'], ['checklist', 'checklist'], ['findings', 'findings'],
      ['performedBy', 'performed_by'], ['witnesses', 'witnesses'], ['witnessesPending', 'witnesses_pending'], ['id', 'id'],
    ] as [string, string][]
  ).map(([key, header]) => ({ key, header }));

export function checkRow(c: CheckRaw, tz: string): Row {
  const ws = JSON.parse(c.witnesses) as { name: string; at: number | null }[];
  const checklist = (c.checklist ? JSON.parse(c.checklist) : {}) as Record<string, boolean>;
  return {
    performedAt: new Date(c.performed_at).toISOString(), performedLocal: toLocalDateTime(new Date(c.performed_at), tz).replace('T', ' '),
    firearmTag: c.tag, firearm: `${c.make} ${c.model}`.trim(), phase: LABELS.checkPhase[c.phase], scene: c.scene,
    result: LABELS.checkResult[c.result],
    checklist: Object.entries(checklist).map(([k, v]) => `${k}: ${v ? 'yes' : 'no'}`).join('; '),
    findings: c.findings, performedBy: c.by ?? null,
    witnesses: ws.map((w) => `${w.name} (${w.at ? `confirmed ${new Date(w.at).toISOString()}` : 'pending'})`).join('; '),
    witnessesPending: ws.filter((w) => !w.at).length,
    id: c.id,
  };
}

/** The checks export (same rows, columns and order as the screens' filters give), streamed. */
export function streamChecks(actor: AuditActor, f: CheckExportFilters): StreamedExport {
  assertAuditView(actor);
  const tz = actor.production.timeZone;
  const { start, end } = dayRange(f.from, f.to, tz);
  const where = ['c.production_id = @production'];
  if (f.firearm) where.push('c.firearm_id = @firearm');
  if (f.result) where.push('c.result = @result');
  if (start) where.push('c.performed_at >= @start');
  if (end) where.push('c.performed_at < @end');
  const params = { production: actor.productionId, firearm: f.firearm, result: f.result, start: start?.getTime(), end: end?.getTime() };
  const bound = () => Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
  const { conn, close } = snapshot();
  try {
    const chainHead = chainHeadOf(conn, actor.productionId);
    const stmt = conn.prepare(`
      select c.id, c.performed_at, c.phase, c.scene, c.result, c.checklist, c.findings, f.tag, f.make, f.model, u.name as by,
        (select json_group_array(json_object('name', wu.name, 'at', w.confirmed_at))
           from check_witnesses w join users wu on wu.id = w.user_id where w.check_id = c.id) as witnesses
      from firearm_checks c
      join firearms f on f.id = c.firearm_id
      left join users u on u.id = c.performed_by_id
      where ${where.join(' and ')}
      order by c.performed_at`);
    const count = (conn.prepare(`select count(*) from firearm_checks c join firearms f on f.id = c.firearm_id where ${where.join(' and ')}`).pluck().get(bound()) as number);

    function* rows(): Generator<Row> {
      try {
        for (const raw of stmt.iterate(bound()) as IterableIterator<CheckRaw>) yield checkRow(raw, tz);
      } finally {
        close();
      }
    }
    return { chainHead, columns: CHECK_COLUMNS(tz), count, rows: rows(), close };
  } catch (err) {
    close();
    throw err;
  }
}

/**
 * The incidents and audit exports, streamed: the same query and row mapping as the whole-file
 * export (db/queries/exports.ts), read a page at a time in key order (incident number, audit seq)
 * on the export's own snapshot, so the text is the same and only one page is held at once.
 */
export function streamPaged(
  actor: AuditActor,
  dataset: 'incidents' | 'audit',
  f: IncidentExportFilters | AuditFilters,
  pageRows = CHUNK_ROWS,
): StreamedExport {
  assertAuditView(actor);
  const { conn, close } = snapshot();
  try {
    // The same query builder over the snapshot connection (a plain read: no transaction of drizzle's).
    const db = drizzle(conn, { schema }) as unknown as Tx;
    const chainHead = chainHeadOf(conn, actor.productionId);
    const gate = personalFieldsGate(actor);
    const read = (page: Page) =>
      dataset === 'incidents' ? exportIncidents(db, actor, f as IncidentExportFilters, page) : exportAudit(db, actor, f as AuditFilters, page, gate);
    const key = dataset === 'incidents' ? 'number' : 'seq';
    const first = read({ limit: pageRows });
    const count = dataset === 'incidents' ? countIncidents(db, actor, f as IncidentExportFilters) : countAudit(db, actor, f as AuditFilters);
    function* rows(): Generator<Row> {
      try {
        let page = first;
        for (;;) {
          yield* page.rows;
          if (page.rows.length < pageRows) return;
          page = read({ after: page.rows[page.rows.length - 1][key] as number, limit: pageRows });
        }
      } finally {
        close();
      }
    }
    return { chainHead, columns: first.columns, count, rows: rows(), close };
  } catch (err) {
    close();
    throw err;
  }
}


/** One custody table read a page at a time in (time, id) order: a keyset cursor, never OFFSET. */
function* pagesOf(read: (page: CustodyPage) => CustodyRow[], pageRows: number): Generator<CustodyRow> {
  let page = read({ limit: pageRows });
  for (;;) {
    yield* page;
    if (page.length < pageRows) return;
    const last = page[page.length - 1].key;
    page = read({ after: { t: last.t, id: last.id }, limit: pageRows });
  }
}

/**
 * The custody export, streamed: hand-offs and refused attempts each read a page at a time on the
 * export's own snapshot, merged in the custody log's total order (custodyOrder: time, hand-offs
 * before refused attempts, id) — the order the whole file sorts by, so the text is the same and
 * at most one page of each table is held at once.
 */
export function streamCustody(actor: AuditActor, f: CustodyExportFilters, pageRows = CHUNK_ROWS): StreamedExport {
  assertAuditView(actor);
  const { conn, close } = snapshot();
  try {
    const db = drizzle(conn, { schema }) as unknown as Tx;
    const chainHead = chainHeadOf(conn, actor.productionId);
    const custodian = custodianPositions(db, actor);
    const count = countCustody(db, actor, f);
    const out = pagesOf((page) => custodyHandoffs(db, actor, f, custodian, page), pageRows);
    const refused = pagesOf((page) => custodyRefused(db, actor, f, custodian, page), pageRows);
    function* rows(): Generator<Row> {
      try {
        let a = out.next();
        let b = refused.next();
        while (!a.done || !b.done) {
          if (b.done || (!a.done && custodyOrder(a.value.key, b.value.key) <= 0)) {
            yield (a.value as CustodyRow).row;
            a = out.next();
          } else {
            yield b.value.row;
            b = refused.next();
          }
        }
      } finally {
        close();
      }
    }
    return { chainHead, columns: CUSTODY_COLUMNS(actor.production.timeZone), count, rows: rows(), close };
  } catch (err) {
    close();
    throw err;
  }
}
