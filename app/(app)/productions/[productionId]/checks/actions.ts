'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import { confirmWitness, declineWitness, recordCheck } from '@/app/lib/firearms/checks';

export async function recordCheckAction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, recordCheck, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}

export async function confirmWitnessAction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, confirmWitness, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  revalidatePath('/notifications');
  return res;
}

export async function declineWitnessAction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, declineWitness, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  revalidatePath('/notifications');
  return res;
}
