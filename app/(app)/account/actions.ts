'use server';

import { revalidatePath } from 'next/cache';
import { changePassword as change } from '@/app/lib/account';
import * as delivery from '@/app/lib/delivery/preferences';
import { userActor } from '@/app/lib/action';
import { getSessionUser } from '@/app/lib/auth';
import { fail } from '@/app/lib/errors';

export async function changePassword(raw: unknown) {
  const user = await getSessionUser();
  if (!user) return fail('Your session has ended. Sign in again.', 'unauthenticated');
  return change(userActor(user), raw);
}

export async function subscribePush(raw: unknown) {
  const user = await getSessionUser();
  if (!user) return fail('Your session has ended. Sign in again.', 'unauthenticated');
  const res = delivery.savePushSubscription(userActor(user), raw);
  revalidatePath('/account');
  return res;
}

export async function unsubscribePush(raw: unknown) {
  const user = await getSessionUser();
  if (!user) return fail('Your session has ended. Sign in again.', 'unauthenticated');
  const res = delivery.removePushSubscription(userActor(user), raw);
  revalidatePath('/account');
  return res;
}

export async function savePreferences(raw: unknown) {
  const user = await getSessionUser();
  if (!user) return fail('Your session has ended. Sign in again.', 'unauthenticated');
  const res = delivery.savePreferences(userActor(user), raw);
  revalidatePath('/account');
  return res;
}
