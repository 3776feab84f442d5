'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import { createFirearm, setFirearmStatus, updateFirearm } from '@/app/lib/firearms/inventory';

const refresh = (productionId: string) => revalidatePath(`/productions/${productionId}`, 'layout');

export async function createFirearmAction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, createFirearm, raw);
  refresh(productionId);
  return res;
}

export async function updateFirearmAction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, updateFirearm, raw);
  refresh(productionId);
  return res;
}

export async function setFirearmStatusAction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, setFirearmStatus, raw);
  refresh(productionId);
  return res;
}
