'use server';

import { revalidatePath } from 'next/cache';
import { memberOr, runAsMember } from '@/app/lib/action';
import * as certificates from '@/app/lib/firearms/qualification-certificates';
import * as scenePlans from '@/app/lib/firearms/scene-plans';

export async function recordQualification(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, scenePlans.recordQualification, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}

/** One scan per call (the server actions body limit is 12 MB; a scan may be 10 MB). */
export async function addCertificate(productionId: string, qualificationId: string, formData: FormData) {
  const who = await memberOr(productionId);
  if ('refused' in who) return who.refused;
  const res = await certificates.addCertificate(who.actor, qualificationId, formData.get('file'));
  if (res.ok) revalidatePath(`/productions/${productionId}/qualifications`);
  return res;
}
