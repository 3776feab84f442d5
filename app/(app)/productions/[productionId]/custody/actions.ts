'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import { handOff, recordReturn, reportOutsideHandoff } from '@/app/lib/firearms/custody';

// Refused hand-offs still changed something (the refusal and its breach report), so every
// outcome refreshes the production's pages.
const refresh = (productionId: string) => revalidatePath(`/productions/${productionId}`, 'layout');

export async function handOffAction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, handOff, raw);
  refresh(productionId);
  return res;
}

export async function recordReturnAction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, recordReturn, raw);
  refresh(productionId);
  return res;
}

export async function reportOutsideHandoffAction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, reportOutsideHandoff, raw);
  refresh(productionId);
  return res;
}
