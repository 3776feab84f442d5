'use server';

import { revalidatePath } from 'next/cache';
import { runAsUser } from '@/app/lib/action';
import { markAllNotificationsRead, markNotificationRead } from '@/app/lib/notification-reads';

// Plain form actions (they work before JavaScript loads). A refusal (someone else's or an unknown
// id) changes nothing and there is nothing to show, so the result is not returned.

export async function markRead(id: string): Promise<void> {
  const res = await runAsUser(markNotificationRead, { id });
  if (res.ok) revalidatePath('/', 'layout');
}

export async function markAllRead(): Promise<void> {
  const res = await runAsUser(markAllNotificationsRead, {});
  if (res.ok) revalidatePath('/', 'layout');
}
