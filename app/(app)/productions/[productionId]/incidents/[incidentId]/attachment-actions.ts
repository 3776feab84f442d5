'use server';

import { revalidatePath } from 'next/cache';
import { actorFor, getSessionUser } from '@/app/lib/auth';
import { addIncidentPhoto } from '@/app/lib/attachments/core';
import { fail } from '@/app/lib/errors';

/** One photo per call (the server actions body limit is 12 MB; a photo may be 10 MB). */
export async function addPhoto(productionId: string, incidentId: string, formData: FormData) {
  const user = await getSessionUser();
  if (!user) return fail('Your session has ended. Sign in again.', 'unauthenticated');
  const actor = typeof productionId === 'string' ? actorFor(user, productionId) : null;
  if (!actor) return fail('Not found.', 'not_found');
  const res = await addIncidentPhoto(actor, incidentId, formData.get('file'));
  if (res.ok) revalidatePath(`/productions/${productionId}/incidents/${incidentId}`);
  return res;
}
