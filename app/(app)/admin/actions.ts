'use server';

import { revalidatePath } from 'next/cache';
import { runAsUser } from '@/app/lib/action';
import * as productions from '@/app/lib/productions';
import * as twoFactor from '@/app/lib/two-factor';

export async function createProduction(raw: unknown) {
  const res = await runAsUser(productions.createProductionWithProducer, raw);
  if (res.ok) revalidatePath('/admin');
  return res;
}

export async function setProductionPhase(raw: unknown) {
  const res = await runAsUser(productions.setProductionPhase, raw);
  if (res.ok) revalidatePath('/', 'layout');
  return res;
}

export async function setAdminTwoFactorRequirement(raw: unknown) {
  const res = await runAsUser(twoFactor.setAdminTwoFactorRequirement, raw);
  if (res.ok) revalidatePath('/admin');
  return res;
}
