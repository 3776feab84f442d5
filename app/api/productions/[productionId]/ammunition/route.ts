import { actorOr, jsonError, readJson, resultResponse } from '@/app/lib/http';
import { createAmmoLot, liveAmmoIncidentPath } from '@/app/lib/firearms/ammunition';
import { HTTP_STATUS } from '@/app/lib/errors';

/**
 * Receive a lot of dummies or blanks (armorer). Any other kind — live above all — is refused with
 * the way to file a "live ammunition found" incident (rule 1); nothing is stored.
 */
export async function POST(req: Request, { params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const who = await actorOr(productionId);
  if ('response' in who) return who.response;
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const res = createAmmoLot(who.actor, body.body);
  if (!res.ok && res.fieldErrors?.kind) {
    return jsonError(HTTP_STATUS.invalid, res.message, { fieldErrors: res.fieldErrors, fileIncident: liveAmmoIncidentPath(productionId) });
  }
  return resultResponse(res, 201);
}
