'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import * as custody from '@/app/lib/firearms/custody';

// Refused hand-offs still changed something (the refusal and its breach report), so every
// outcome refreshes the production's pages.
const refresh = (productionId: string) => revalidatePath(`/productions/${productionId}`, 'layout');

export async function handOff(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, custody.handOff, raw);
  refresh(productionId);
  return res;
}

export async function recordReturn(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, custody.recordReturn, raw);
  refresh(productionId);
  return res;
}

export async function reportOutsideHandoff(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, custody.reportOutsideHandoff, raw);
  refresh(productionId);
  return res;
}
