'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import { updateProduction as update } from '@/app/lib/productions';
import * as twoFactor from '@/app/lib/two-factor';
import { setJurisdictionCore } from '@/app/lib/incidents/people';

export async function updateProduction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, update, raw);
  if (res.ok) revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}

export async function setTwoFactorRequirement(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, twoFactor.setTwoFactorRequirement, raw);
  if (res.ok) revalidatePath(`/productions/${productionId}/settings`);
  return res;
}

export async function setJurisdiction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, setJurisdictionCore, raw);
  if (res.ok) revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}
