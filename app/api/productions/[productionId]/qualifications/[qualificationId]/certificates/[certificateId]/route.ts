// A qualification's certificate scan (ARCHITECTURE.md: qualification certificates): signed out
// 401, not a member 404, a role without qualification.view 403, not this production's 404.
// A photo is shown inline; a PDF only downloads (attachmentHeaders).
import { actorOr, jsonError, refusedResponse } from '@/app/lib/http';
import { attachmentHeaders, readAttachmentBytes } from '@/app/lib/attachments/store';
import { getCertificate } from '@/db/queries/scene-plans';
import { certificatesDir } from '@/db/paths';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ productionId: string; qualificationId: string; certificateId: string }> };

export async function GET(_req: Request, { params }: Params) {
  const { productionId, qualificationId, certificateId } = await params;
  const who = await actorOr(productionId);
  if ('response' in who) return who.response;
  const refused = refusedResponse(who.actor, 'qualification.view');
  if (refused) return refused;
  const row = getCertificate(who.actor, qualificationId, certificateId);
  if (!row) return jsonError(404, 'Not found.');
  const bytes = await readAttachmentBytes(row, certificatesDir());
  if (!bytes) return jsonError(404, 'Not found.');
  return new Response(new Uint8Array(bytes), { status: 200, headers: attachmentHeaders({ ...row, size: bytes.length }, 'certificate') });
}
