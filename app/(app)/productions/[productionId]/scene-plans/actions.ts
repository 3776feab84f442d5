'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import { approveScenePlan, createScenePlan, signPlanAsAdvisor, signPlanAsArmorer } from '@/app/lib/firearms/scene-plans';

export async function createScenePlanAction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, createScenePlan, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}

export async function signPlanAction(productionId: string, as: 'armorer' | 'advisor', raw: unknown) {
  const res = await runAsMember(productionId, as === 'armorer' ? signPlanAsArmorer : signPlanAsAdvisor, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}

export async function approveScenePlanAction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, approveScenePlan, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}
