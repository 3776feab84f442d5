'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import * as checks from '@/app/lib/firearms/checks';

export async function recordCheck(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, checks.recordCheck, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}

export async function confirmWitness(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, checks.confirmWitness, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  revalidatePath('/notifications');
  return res;
}

export async function declineWitness(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, checks.declineWitness, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  revalidatePath('/notifications');
  return res;
}
