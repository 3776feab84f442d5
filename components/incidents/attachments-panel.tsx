import type { Actor } from '@/app/lib/auth';
import { mayAddPhotos } from '@/app/lib/attachments/core';
import { formatInZone, formatStamp } from '@/app/lib/time';
import { listAttachments } from '@/db/queries/attachments';
import { Card, CardTitle } from '@/components/ui/card';
import { AttachmentUpload } from './attachment-upload';

export function attachmentUrl(productionId: string, incidentId: string, attachmentId: string) {
  return `/api/productions/${productionId}/incidents/${incidentId}/attachments/${attachmentId}`;
}

/**
 * Photos on an incident, named or anonymous: served only through the authorised route, added from the
 * phone's camera or a file. Renders nothing for an incident the actor may not see.
 */
export function AttachmentsPanel({ actor, incidentId, className }: { actor: Actor; incidentId: string; className?: string }) {
  const items = listAttachments(actor, incidentId);
  if (!items) return null;
  const tz = actor.production.timeZone;
  return (
    <Card aria-labelledby="incident-photos-h" className={className}>
      <CardTitle id="incident-photos-h">Photos ({items.length})</CardTitle>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line p-3 text-center text-muted">No photos yet.</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {items.map((a, i) => {
            const url = attachmentUrl(actor.productionId, incidentId, a.id);
            // Anonymous uploads keep the day only: shown without a time (ARCHITECTURE.md: anonymous reports).
            const who = a.uploadedById ? (a.uploadedByName ?? 'Former member') : 'Anonymous reporter';
            const when = a.uploadedById ? formatInZone(a.createdAt, tz) : formatStamp(a.createdAt, tz, true);
            return (
              <li key={a.id}>
                <figure>
                  <a href={url} target="_blank" rel="noopener" className="block">
                    {/* eslint-disable-next-line @next/next/no-img-element -- served by an authorised route with the user's cookie; next/image would fetch it without one */}
                    <img src={url} alt={`Photo ${i + 1}, added by ${who}`} loading="lazy" className="aspect-square w-full rounded-lg border border-line object-cover" />
                  </a>
                  <figcaption className="mt-1 text-sm text-muted">
                    {who} · {when}
                    <span className="sr-only"> · opens the full photo</span>
                  </figcaption>
                </figure>
              </li>
            );
          })}
        </ul>
      )}
      {mayAddPhotos(actor) ? <AttachmentUpload productionId={actor.productionId} incidentId={incidentId} /> : null}
    </Card>
  );
}
