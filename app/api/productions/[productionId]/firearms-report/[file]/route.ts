// GET /api/productions/:productionId/firearms-report/firearms-report.(csv|json)
// The post-filming firearms report as a file (ARCHITECTURE.md: post-filming report): the same
// sections the page prints, every row of them, read in one snapshot with the audit chain head,
// which the file carries (X-SetSafe-Chain-Head, the JSON field `chainHead`, the CSV's comment
// line). Like the exports, it streams in constant memory (ARCHITECTURE.md: exports in constant
// memory) and a download is not itself audited. 401 signed out, 404 not a member or another file
// name, 403 a member the report is not for (other crew than the safety advisor).
import { actorOr, jsonError, refusalResponse } from '@/app/lib/http';
import { Refusal } from '@/app/lib/errors';
import { chunkStream, csvChunks, downloadResponse, fileSlug, jsonTextChunks, type ExportMeta } from '@/app/lib/export-format';
import { streamWrapReport, wrapReportRows } from '@/db/queries/wrap-report';

export const dynamic = 'force-dynamic';

const FILE = /^firearms-report\.(csv|json)$/;
const COLUMNS = ['section', 'table', 'item', 'key', 'value', 'details'].map((key) => ({ key, header: key }));

export async function GET(_req: Request, { params }: { params: Promise<{ productionId: string; file: string }> }) {
  const { productionId, file } = await params;
  const who = await actorOr(productionId);
  if ('response' in who) return who.response;
  const { actor } = who;
  const m = FILE.exec(file);
  if (!m) return jsonError(404, 'Unknown file. Use firearms-report.csv or firearms-report.json.');
  let streamed: ReturnType<typeof streamWrapReport>;
  try {
    streamed = streamWrapReport(actor, new Date());
  } catch (err) {
    if (err instanceof Refusal) return refusalResponse(err);
    throw err;
  }
  const { report, close } = streamed;
  const format = m[1] as 'csv' | 'json';
  const meta: ExportMeta = {
    dataset: 'firearms-report',
    production: { id: report.production.id, title: report.production.title, timeZone: report.production.timeZone },
    takenAt: report.takenAt,
    chainHead: report.chainHead,
    filters: {},
  };
  const name = `setsafe-${fileSlug(report.production.title)}-firearms-report-${report.asOf}.${format}`;
  const chunks = format === 'csv' ? csvChunks(meta, COLUMNS, wrapReportRows(report), { headLine: true }) : jsonFile(report);
  return downloadResponse(chunkStream(chunks, close), format, name, report.chainHead);
}

/** The JSON file: the report as JSON.stringify(report, null, 2) writes it, and a line end. */
function* jsonFile(report: ReturnType<typeof streamWrapReport>['report']): Generator<string> {
  yield* jsonTextChunks(report);
  yield '\n';
}
