// Photos on any incident, added by a member who may see it. The anonymous reporter's own uploads
// go through app/lib/anonymous/core.ts with the receipt instead of a session.
import { and, eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { incidents, productions } from '@/db/schema';
import type { Actor } from '../actor';
import { defineAsyncCore, WRAPPED_MESSAGE } from '../core';
import { fail, Refusal, type ActionResult } from '../errors';
import { allowed, canSeeIncident } from '../policy';
import { fileBytes, storePhoto, type StoredPhoto } from './store';

type Reader = Pick<Tx, 'select'>;

function visibleIncident(db: Reader, actor: Actor, incidentId: string) {
  const row = db
    .select({ id: incidents.id, reporterId: incidents.reporterId })
    .from(incidents)
    .where(and(eq(incidents.id, incidentId), eq(incidents.productionId, actor.productionId)))
    .get();
  return row && canSeeIncident(actor, row) ? row : null;
}

/** Members who may comment on an incident they can see may add photos to it (auditors read only). */
export function mayAddPhotos(actor: Actor): boolean {
  return allowed(actor, 'incident.comment');
}

export const addIncidentPhoto = defineAsyncCore('incident.comment', async (actor: Actor, incidentId: unknown, file: unknown, now: Date = new Date()): Promise<ActionResult<StoredPhoto>> => {
  // Checked before the image is decoded: no work is done for someone who may not see the incident.
  if (typeof incidentId !== 'string' || incidentId.length > 64 || !visibleIncident(getDb() as unknown as Reader, actor, incidentId)) {
    return fail('Not found.', 'not_found');
  }
  const bytes = await fileBytes(file);
  if (!bytes.ok) return bytes;
  return storePhoto(
    {
      productionId: actor.productionId,
      incidentId,
      timeZone: actor.production.timeZone,
      uploader: { userId: actor.userId, label: actor.name },
      now,
      recheck: (tx) => {
        const p = tx.select({ phase: productions.phase }).from(productions).where(eq(productions.id, actor.productionId)).get();
        if (p?.phase === 'wrapped') throw new Refusal(WRAPPED_MESSAGE, 'forbidden');
        if (!visibleIncident(tx, actor, incidentId)) throw new Refusal('Not found.', 'not_found');
      },
    },
    bytes.data,
  );
});
