// Rule 7: a producer acknowledges a critical signal by JSON (the same core as the record's
// Acknowledge button), for a one-tap link from email or push and for tests: 401 signed out,
// 404 not a member or not this production's signal, 403 for every role but a producer.
import { acknowledgeSignal } from '@/app/lib/signals/core';
import { actorOr, resultResponse } from '@/app/lib/http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ productionId: string; signalId: string }> };

export async function POST(_req: Request, { params }: Params) {
  const { productionId, signalId } = await params;
  const who = await actorOr(productionId);
  if ('response' in who) return who.response;
  return resultResponse(acknowledgeSignal(who.actor, { signalId }));
}
