'use server';

import { revalidatePath } from 'next/cache';
import { changePassword as change } from '@/app/lib/account';
import { userActor, userOr } from '@/app/lib/action';
import * as delivery from '@/app/lib/delivery/preferences';

export async function changePassword(raw: unknown) {
  const who = await userOr();
  if ('refused' in who) return who.refused;
  return change(userActor(who.user), raw);
}

export async function subscribePush(raw: unknown) {
  const who = await userOr();
  if ('refused' in who) return who.refused;
  const res = delivery.savePushSubscription(userActor(who.user), raw);
  revalidatePath('/account');
  return res;
}

export async function unsubscribePush(raw: unknown) {
  const who = await userOr();
  if ('refused' in who) return who.refused;
  const res = delivery.removePushSubscription(userActor(who.user), raw);
  revalidatePath('/account');
  return res;
}

export async function savePreferences(raw: unknown) {
  const who = await userOr();
  if ('refused' in who) return who.refused;
  const res = delivery.savePreferences(userActor(who.user), raw);
  revalidatePath('/account');
  return res;
}
