import { NextResponse } from 'next/server';
import { actorOr, readJson, refusedResponse, resultResponse } from '@/app/lib/http';
import { fileIncidentCore } from '@/app/lib/incidents/core';
import { can } from '@/app/lib/policy';
import { parseIncidentFilters } from '@/app/lib/schemas/incidents';
import { listIncidents } from '@/db/queries/incidents';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ productionId: string }> };

/** Files through the same core as the form: 201 created, 200 for a repeat of the same id. */
export async function POST(req: Request, { params }: Params) {
  const { productionId } = await params;
  const who = await actorOr(productionId);
  if ('response' in who) return who.response;
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const res = fileIncidentCore(who.actor, body.body);
  return resultResponse(res, res.ok && res.data.created ? 201 : 200);
}

/** What the caller may see, with the list page's filters and paging (?status=&type=&severity=&from=&to=&q=&page=). */
export async function GET(req: Request, { params }: Params) {
  const { productionId } = await params;
  const who = await actorOr(productionId);
  if ('response' in who) return who.response;
  // Auditors see every incident but file none: either view action lets a role read the list.
  const refused = can(who.actor.role, 'incident.viewAll') ? null : refusedResponse(who.actor, 'incident.viewOwn');
  if (refused) return refused;
  const filters = parseIncidentFilters(new URL(req.url).searchParams);
  const { rows, total, page, pageCount } = listIncidents(who.actor, filters);
  return NextResponse.json({ incidents: rows, total, page, pageCount });
}
