'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import { createAmmoLot } from '@/app/lib/firearms/ammunition';

export async function createAmmoLotAction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, createAmmoLot, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}
