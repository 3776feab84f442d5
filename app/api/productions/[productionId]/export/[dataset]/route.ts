// GET /api/productions/:productionId/export/<dataset>.<format>
//   dataset: incidents | checks | custody | audit;  format: csv | json
//   filters (query string), as on the screens:
//     incidents: status, severity, type, from, to (days in the production's zone, on when it happened)
//     checks:    firearm (id), result (pass|fail), from, to
//     custody:   firearm (id), open=1 (hand-offs not returned; leaves out refused attempts), from, to
//     audit:     entity, record, person (user id or 'system'), action, from, to
//   head=line (CSV only): a '#' comment line with the chain head before the header row.
// Every file carries the audit chain head it was taken at: the X-SetSafe-Chain-Head header, the
// JSON field `chainHead`, and the CSV comment line when asked for (app/lib/export-format.ts); a
// plain CSV's first row is its header, so spreadsheets open it clean.
// 401 signed out, 404 not a member (or an unknown dataset), 403 a role without audit.view, 400 bad filters.
import type { NextRequest } from 'next/server';
import type { ZodType } from 'zod';
import { actorOr, jsonError, refusedResponse } from '@/app/lib/http';
import { zodFieldErrors } from '@/app/lib/core';
import { chunkStream, csvChunks, downloadResponse, fileSlug, jsonChunks, type Dataset, type ExportMeta } from '@/app/lib/export-format';
import {
  auditFiltersSchema,
  checkExportFiltersSchema,
  custodyExportFiltersSchema,
  flatParams,
  incidentExportFiltersSchema,
} from '@/app/lib/schemas/oversight';
import { streamChecks, streamCustody, streamPaged, type StreamedExport } from '@/db/queries/export-stream';

export const dynamic = 'force-dynamic';

const FILE = /^(incidents|checks|custody|audit)\.(csv|json)$/;
const FILTERS: Record<Dataset, ZodType<Record<string, string | number | undefined>>> = {
  incidents: incidentExportFiltersSchema,
  checks: checkExportFiltersSchema,
  custody: custodyExportFiltersSchema,
  audit: auditFiltersSchema,
};

export async function GET(req: NextRequest, { params }: { params: Promise<{ productionId: string; dataset: string }> }) {
  const { productionId, dataset: file } = await params;
  const who = await actorOr(productionId);
  if ('response' in who) return who.response;
  const { actor } = who;
  const m = FILE.exec(file);
  if (!m) return jsonError(404, 'Unknown export. Use incidents, checks, custody or audit, ending in .csv or .json.');
  const refused = refusedResponse(actor, 'audit.view');
  if (refused) return refused;
  const dataset = m[1] as Dataset;
  const format = m[2] as 'csv' | 'json';

  const raw = flatParams(req.nextUrl.searchParams);
  delete raw.page;
  const head = raw.head;
  delete raw.head;
  if (head !== undefined && head !== 'line') return jsonError(400, 'Some filters are not valid.', { fieldErrors: { head: ['Use head=line, or leave it out.'] } });
  const parsed = FILTERS[dataset].safeParse(raw);
  if (!parsed.success) return jsonError(400, 'Some filters are not valid.', { fieldErrors: zodFieldErrors(parsed.error.issues) });

  const takenAt = new Date();
  // Every dataset (a million rows on a long production) streams from a snapshot of its own, one
  // chunk at a time (ARCHITECTURE.md: exports in constant memory).
  const streamed: StreamedExport =
    dataset === 'checks' ? streamChecks(actor, parsed.data) : dataset === 'custody' ? streamCustody(actor, parsed.data) : streamPaged(actor, dataset, parsed.data);
  const { chainHead, columns } = streamed;
  const meta: ExportMeta = {
    dataset,
    production: { id: actor.production.id, title: actor.production.title, timeZone: actor.production.timeZone },
    takenAt,
    chainHead,
    filters: Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])),
  };
  const name = `setsafe-${fileSlug(actor.production.title)}-${dataset}-${takenAt.toISOString().slice(0, 10)}.${format}`;
  const chunks = format === 'csv' ? csvChunks(meta, columns, streamed.rows, { headLine: head === 'line' }) : jsonChunks(meta, streamed.rows, streamed.count);
  const body = chunkStream(chunks, streamed.close);
  return downloadResponse(body, format, name, chainHead);
}
