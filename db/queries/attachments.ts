import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { attachments, incidents, users } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { canSeeIncident } from '@/app/lib/policy';

function visibleIncident(actor: Actor, incidentId: string) {
  if (typeof incidentId !== 'string' || incidentId.length > 64) return null;
  const row = getDb()
    .select({ id: incidents.id, reporterId: incidents.reporterId })
    .from(incidents)
    .where(and(eq(incidents.id, incidentId), eq(incidents.productionId, actor.productionId)))
    .get();
  return row && canSeeIncident(actor, row) ? row : null;
}

/** Photos of an incident the actor may see (null otherwise), oldest first, with who added each. */
export function listAttachments(actor: Actor, incidentId: string) {
  if (!visibleIncident(actor, incidentId)) return null;
  return getDb()
    .select({
      id: attachments.id,
      mime: attachments.mime,
      size: attachments.size,
      width: attachments.width,
      height: attachments.height,
      createdAt: attachments.createdAt,
      uploadedById: attachments.uploadedById,
      uploadedByName: users.name,
    })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedById))
    .where(eq(attachments.incidentId, incidentId))
    .orderBy(sql`${attachments}.rowid`)
    .all();
}
export type AttachmentListItem = NonNullable<ReturnType<typeof listAttachments>>[number];

/** One attachment, only when it belongs to that incident of the actor's production and they may see it. */
export function getAttachmentForActor(actor: Actor, incidentId: string, attachmentId: string) {
  if (typeof attachmentId !== 'string' || attachmentId.length > 64 || !visibleIncident(actor, incidentId)) return null;
  return (
    getDb()
      .select()
      .from(attachments)
      .where(and(eq(attachments.id, attachmentId), eq(attachments.incidentId, incidentId), eq(attachments.productionId, actor.productionId)))
      .get() ?? null
  );
}
