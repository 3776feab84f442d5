'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import * as signals from '@/app/lib/signals/core';

// Rule 7. Acknowledge is a plain form action (one tap, works before JavaScript loads); the page
// it was tapped on shows the result ("Acknowledged by … at …") after revalidation.
export async function acknowledgeSignal(productionId: string, signalId: string): Promise<void> {
  const res = await runAsMember(productionId, signals.acknowledgeSignal, { signalId });
  if (res.ok) revalidatePath(`/productions/${productionId}`, 'layout');
}

export async function updateEscalationSettings(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, signals.updateEscalationSettings, raw);
  if (res.ok) revalidatePath(`/productions/${productionId}/settings`);
  return res;
}

export async function addSafetyContact(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, signals.addSafetyContact, raw);
  if (res.ok) revalidatePath(`/productions/${productionId}/settings`);
  return res;
}

export async function removeSafetyContact(productionId: string, contactId: string): Promise<void> {
  const res = await runAsMember(productionId, signals.removeSafetyContact, { contactId });
  if (res.ok) revalidatePath(`/productions/${productionId}/settings`);
}
