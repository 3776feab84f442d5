'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import { callHoldCore, concurHoldCore, liftHoldCore } from '@/app/lib/incidents/holds';

// The banner on every page of the production follows the hold: refresh the whole layout.
const refresh = (productionId: string) => revalidatePath(`/productions/${productionId}`, 'layout');

export async function callHold(productionId: string, values: unknown) {
  const res = await runAsMember(productionId, callHoldCore, values);
  if (res.ok) refresh(productionId);
  return res;
}
export async function concurHold(productionId: string, values: unknown) {
  const res = await runAsMember(productionId, concurHoldCore, values);
  if (res.ok) refresh(productionId);
  return res;
}
export async function liftHold(productionId: string, values: unknown) {
  const res = await runAsMember(productionId, liftHoldCore, values);
  if (res.ok) refresh(productionId);
  return res;
}
