'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import * as scenePlans from '@/app/lib/firearms/scene-plans';

export async function recordQualification(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, scenePlans.recordQualification, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}
