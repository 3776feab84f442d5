import { actorOr, readJson, resultResponse } from '@/app/lib/http';
import { createFirearm } from '@/app/lib/firearms/inventory';

/** Add a weapon (armorer). Same core as the form: 401 / 404 / 403 / 400 come back as JSON. */
export async function POST(req: Request, { params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const who = await actorOr(productionId);
  if ('response' in who) return who.response;
  const body = await readJson(req);
  if (!body.ok) return body.response;
  return resultResponse(createFirearm(who.actor, body.body), 201);
}
