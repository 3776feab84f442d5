'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import * as duties from '@/app/lib/firearms/duties';

export async function decideArmorerDuties(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, duties.decideArmorerDuties, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}

export async function revokeDutyDecision(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, duties.revokeDutyDecision, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}
