// GET /api/productions/:productionId/osha/:establishmentId/:year/ita-summary.csv | ita-cases.csv
// The ITA CSV files of one establishment and year (ARCHITECTURE.md: OSHA recordkeeping, ITA export):
// the Form 300A summary, and the case data of Forms 300 and 301 (no employee name or address, no
// physician or facility). A file ITA would refuse is not made: 422 with each problem, which the
// Form 300 page shows beside the field where it is fixed.
// 401 signed out, 404 not a member / unknown establishment or file, 403 a role without osha.view.
import { NextResponse } from 'next/server';
import { actorOr, jsonError, refusedResponse } from '@/app/lib/http';
import { ITA_CASE_COLUMNS, ITA_SUMMARY_COLUMNS, toItaCsv } from '@/app/lib/rules/ita';
import { itaRows, oshaYear } from '@/db/queries/osha';

export const dynamic = 'force-dynamic';

const FILE = /^ita-(summary|cases)\.csv$/;

export async function GET(_req: Request, { params }: { params: Promise<{ productionId: string; establishmentId: string; year: string; file: string }> }) {
  const { productionId, establishmentId, year, file } = await params;
  const who = await actorOr(productionId);
  if ('response' in who) return who.response;
  const refused = refusedResponse(who.actor, 'osha.view');
  if (refused) return refused;
  const m = FILE.exec(file);
  if (!m || !/^20\d{2}$/.test(year)) return jsonError(404, 'Unknown file. Use ita-summary.csv or ita-cases.csv for a year.');
  const o = oshaYear(who.actor, establishmentId, Number(year));
  if (!o) return jsonError(404, 'Not found.');
  if (o.problems.length) return jsonError(422, 'ITA would refuse this file. Fix the problems listed on the Form 300 page first.', { problems: o.problems });
  const rows = itaRows(o);
  const csv = m[1] === 'summary' ? toItaCsv(ITA_SUMMARY_COLUMNS, rows.summary) : toItaCsv(ITA_CASE_COLUMNS, rows.cases);
  const name = `ita-${m[1]}-${year}-${o.establishment.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.csv`;
  return new NextResponse(csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' },
  });
}
