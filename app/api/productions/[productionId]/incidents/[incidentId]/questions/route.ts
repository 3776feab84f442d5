// Ask an anonymous reporter a question by JSON (the same core as the incident page's form), for
// integrations and tests: 401 signed out, 404 not a member or not this production's incident,
// 403 when the role may not ask (ARCHITECTURE.md: permission matrix, anon.ask: producers; the armorer for firearm-related reports).
import { askReporterCore } from '@/app/lib/anonymous/core';
import { actorOr, readJson, resultResponse } from '@/app/lib/http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ productionId: string; incidentId: string }> };

export async function POST(req: Request, { params }: Params) {
  const { productionId, incidentId } = await params;
  const who = await actorOr(productionId);
  if ('response' in who) return who.response;
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const text = body.body && typeof body.body === 'object' ? (body.body as { body?: unknown }).body : undefined;
  return resultResponse(askReporterCore(who.actor, { incidentId, body: text }), 201);
}
