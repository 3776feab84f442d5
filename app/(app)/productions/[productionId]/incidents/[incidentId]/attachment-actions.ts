'use server';

import { revalidatePath } from 'next/cache';
import { memberOr } from '@/app/lib/action';
import { addIncidentPhoto } from '@/app/lib/attachments/core';

/** One photo per call (the server actions body limit is 12 MB; a photo may be 10 MB). */
export async function addPhoto(productionId: string, incidentId: string, formData: FormData) {
  const who = await memberOr(productionId);
  if ('refused' in who) return who.refused;
  const res = await addIncidentPhoto(who.actor, incidentId, formData.get('file'));
  if (res.ok) revalidatePath(`/productions/${productionId}/incidents/${incidentId}`);
  return res;
}
