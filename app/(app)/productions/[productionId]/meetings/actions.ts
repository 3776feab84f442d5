'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import * as meetings from '@/app/lib/firearms/meetings';

export async function recordMeeting(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, meetings.recordMeeting, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}

export async function confirmAttendance(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, meetings.confirmAttendance, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  revalidatePath('/notifications');
  return res;
}
