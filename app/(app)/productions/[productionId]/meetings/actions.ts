'use server';

import { revalidatePath } from 'next/cache';
import { runAsMember } from '@/app/lib/action';
import { confirmAttendance, recordMeeting } from '@/app/lib/firearms/meetings';

export async function recordMeetingAction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, recordMeeting, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  return res;
}

export async function confirmAttendanceAction(productionId: string, raw: unknown) {
  const res = await runAsMember(productionId, confirmAttendance, raw);
  revalidatePath(`/productions/${productionId}`, 'layout');
  revalidatePath('/notifications');
  return res;
}
