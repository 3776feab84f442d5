'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import { recordQualification } from '@/app/lib/firearms/scene-plans';

export async function recordQualificationAction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, recordQualification, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}
