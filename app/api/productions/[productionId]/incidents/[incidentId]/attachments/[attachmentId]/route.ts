// A stored photo, only for someone who may see its incident: signed out 401, anyone else 404
// (another production's records do not exist for them).
import { actorOr, jsonError } from '@/app/lib/http';
import { attachmentHeaders, readAttachmentBytes } from '@/app/lib/attachments/store';
import { getAttachmentForActor } from '@/db/queries/attachments';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ productionId: string; incidentId: string; attachmentId: string }> };

export async function GET(_req: Request, { params }: Params) {
  const { productionId, incidentId, attachmentId } = await params;
  const who = await actorOr(productionId);
  if ('response' in who) return who.response;
  const row = getAttachmentForActor(who.actor, incidentId, attachmentId);
  if (!row) return jsonError(404, 'Not found.');
  const bytes = await readAttachmentBytes(row);
  if (!bytes) return jsonError(404, 'Not found.');
  return new Response(new Uint8Array(bytes), { status: 200, headers: attachmentHeaders({ ...row, size: bytes.length }) });
}
