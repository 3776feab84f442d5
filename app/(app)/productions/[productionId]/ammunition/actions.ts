'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import * as ammunition from '@/app/lib/firearms/ammunition';

export async function createAmmoLot(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, ammunition.createAmmoLot, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}

export async function adjustAmmoCount(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, ammunition.adjustAmmoCount, raw);
  revalidatePath(`/productions/${productionId}/ammunition`, 'layout');
  return res;
}

export async function freezeAmmoLot(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, ammunition.freezeAmmoLot, raw);
  // A report filed here may have put the production on a hold (rule 1): the banner is in the layout.
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}

export async function recordEvidenceTransfer(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, ammunition.recordEvidenceTransfer, raw);
  revalidatePath(`/productions/${productionId}/ammunition`, 'layout');
  return res;
}

export async function returnLotToVendor(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, ammunition.returnLotToVendor, raw);
  revalidatePath(`/productions/${productionId}/ammunition`, 'layout');
  return res;
}

export async function acknowledgeVendorReturn(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, ammunition.acknowledgeVendorReturn, raw);
  revalidatePath(`/productions/${productionId}/ammunition`, 'layout');
  return res;
}
