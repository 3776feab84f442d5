'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import * as inventory from '@/app/lib/firearms/inventory';

const refresh = (productionId: string) => revalidatePath(`/productions/${productionId}`, 'layout');

export async function createFirearm(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, inventory.createFirearm, raw);
  refresh(productionId);
  return res;
}

export async function updateFirearm(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, inventory.updateFirearm, raw);
  refresh(productionId);
  return res;
}

export async function setFirearmStatus(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, inventory.setFirearmStatus, raw);
  refresh(productionId);
  return res;
}
