'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import * as scenePlans from '@/app/lib/firearms/scene-plans';

export async function createScenePlan(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, scenePlans.createScenePlan, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}

export async function signPlan(productionId: string, as: 'armorer' | 'advisor', raw: unknown) {
  const res = await runAsMember(productionId, as === 'armorer' ? scenePlans.signPlanAsArmorer : scenePlans.signPlanAsAdvisor, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}

export async function approveScenePlan(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, scenePlans.approveScenePlan, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}
