'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import * as ammunition from '@/app/lib/firearms/ammunition';

export async function createAmmoLot(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, ammunition.createAmmoLot, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}
