'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import type { ActionResult } from '@/app/lib/errors';
import type { Core } from '@/app/lib/core';
import { fileIncidentCore } from '@/app/lib/incidents/core';
import { updateIncidentDetailsCore } from '@/app/lib/incidents/details';
import { decideRecordabilityCore, recordInjuryClockCore, recordOshaReportCore, saveInjuredPersonCore } from '@/app/lib/incidents/people';
import { assignIncidentOwnerCore, markIncidentDuplicateCore, setIncidentSeverityCore, setIncidentStatusCore } from '@/app/lib/incidents/workflow';
import { addCommentCore } from '@/app/lib/incidents/comments';
import { addCorrectiveActionCore, completeCorrectiveActionCore } from '@/app/lib/incidents/corrective-actions';

// Every change can touch the hold banner, the bell and the lists: refresh the production's pages.
async function run<I, T>(productionId: string, core: Core<I, T>, values: unknown): Promise<ActionResult<T>> {
  const res = await runAsMember(productionId, core, values);
  if (res.ok && typeof productionId === 'string') revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}

export async function fileIncident(productionId: string, values: unknown) {
  return run(productionId, fileIncidentCore, values);
}
export async function updateIncidentDetails(productionId: string, values: unknown) {
  return run(productionId, updateIncidentDetailsCore, values);
}
export async function recordInjuryClock(productionId: string, values: unknown) {
  return run(productionId, recordInjuryClockCore, values);
}
export async function setIncidentStatus(productionId: string, values: unknown) {
  return run(productionId, setIncidentStatusCore, values);
}
export async function assignIncidentOwner(productionId: string, values: unknown) {
  return run(productionId, assignIncidentOwnerCore, values);
}
export async function setIncidentSeverity(productionId: string, values: unknown) {
  return run(productionId, setIncidentSeverityCore, values);
}
export async function markIncidentDuplicate(productionId: string, values: unknown) {
  return run(productionId, markIncidentDuplicateCore, values);
}
export async function addComment(productionId: string, values: unknown) {
  return run(productionId, addCommentCore, values);
}
export async function addCorrectiveAction(productionId: string, values: unknown) {
  return run(productionId, addCorrectiveActionCore, values);
}
export async function completeCorrectiveAction(productionId: string, values: unknown) {
  return run(productionId, completeCorrectiveActionCore, values);
}
export async function saveInjuredPerson(productionId: string, values: unknown) {
  return run(productionId, saveInjuredPersonCore, values);
}
export async function recordOshaReport(productionId: string, values: unknown) {
  return run(productionId, recordOshaReportCore, values);
}
export async function decideRecordability(productionId: string, values: unknown) {
  return run(productionId, decideRecordabilityCore, values);
}
