'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import { askReporterCore } from '@/app/lib/anonymous/core';

/** A producer (or the armorer, firearm-related) asks the anonymous reporter a question. */
export async function askReporter(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, askReporterCore, raw);
  if (res.ok && raw && typeof raw === 'object') revalidatePath(`/productions/${productionId}/incidents/${(raw as { incidentId?: string }).incidentId}`);
  return res;
}
