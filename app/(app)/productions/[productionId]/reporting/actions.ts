'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import { rotateReportLinkCore } from '@/app/lib/anonymous/core';

export async function rotateReportLink(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, rotateReportLinkCore, raw);
  if (res.ok) revalidatePath(`/productions/${productionId}/reporting`);
  return res;
}
