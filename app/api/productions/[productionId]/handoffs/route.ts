import { actorOr, readJson, resultResponse } from '@/app/lib/http';
import { handOff } from '@/app/lib/firearms/custody';

/**
 * Hand a weapon out (armorer), rules 2, 5 and 6 applied by the same core as the form. A refused
 * attempt answers 422 with the reasons; its refusal record and custody-breach report are kept.
 */
export async function POST(req: Request, { params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const who = await actorOr(productionId);
  if ('response' in who) return who.response;
  const body = await readJson(req);
  if (!body.ok) return body.response;
  return resultResponse(handOff(who.actor, body.body), 201);
}
