'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import { assignCaseCore, saveEstablishmentCore, saveEstablishmentYearCore } from '@/app/lib/osha/establishments';

export async function saveEstablishment(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, saveEstablishmentCore, raw);
  if (res.ok) revalidatePath(`/productions/${productionId}/osha`, 'layout');
  return res;
}

export async function saveEstablishmentYear(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, saveEstablishmentYearCore, raw);
  if (res.ok) revalidatePath(`/productions/${productionId}/osha`, 'layout');
  return res;
}

export async function assignCase(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, assignCaseCore, raw);
  if (res.ok) revalidatePath(`/productions/${productionId}/osha`, 'layout');
  return res;
}
