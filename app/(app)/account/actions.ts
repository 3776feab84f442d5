'use server';

import { changePassword as change } from '@/app/lib/account';
import { userActor, userOr } from '@/app/lib/action';

export async function changePassword(raw: unknown) {
  const who = await userOr();
  if ('refused' in who) return who.refused;
  return change(userActor(who.user), raw);
}
