import { actorOr, jsonError, readJson, resultResponse } from '@/app/lib/http';
import * as ammunition from '@/app/lib/firearms/ammunition';
import type { ActionResult } from '@/app/lib/errors';

// The ammunition chain's writes over JSON (ARCHITECTURE.md: ammunition chain), each the same core
// the lot page's forms call: the lot comes from the path, the rest from the body.
const VERBS = {
  adjust: ammunition.adjustAmmoCount,
  freeze: ammunition.freezeAmmoLot,
  evidence: ammunition.recordEvidenceTransfer,
  'vendor-return': ammunition.returnLotToVendor,
  'acknowledge-return': ammunition.acknowledgeVendorReturn,
} as const;

export async function POST(req: Request, { params }: { params: Promise<{ productionId: string; lotId: string; verb: string }> }) {
  const { productionId, lotId, verb } = await params;
  const who = await actorOr(productionId);
  if ('response' in who) return who.response;
  const core = Object.hasOwn(VERBS, verb) ? VERBS[verb as keyof typeof VERBS] : null;
  if (!core) return jsonError(404, 'Not found.');
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const raw = body.body && typeof body.body === 'object' && !Array.isArray(body.body) ? { ...(body.body as Record<string, unknown>), lotId } : body.body;
  const res: ActionResult<unknown> = core(who.actor, raw);
  return resultResponse(res, verb === 'evidence' ? 201 : 200);
}
