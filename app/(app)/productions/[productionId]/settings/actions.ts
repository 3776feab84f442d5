'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import { updateProduction as update } from '@/app/lib/productions';

export async function updateProduction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, update, raw);
  if (res.ok) revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}
