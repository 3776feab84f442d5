'use server';

import { revalidatePath } from 'next/cache';
import { runAsUser, userActor } from '@/app/lib/action';
import { getSessionUser } from '@/app/lib/auth';
import { fail } from '@/app/lib/errors';
import { beginTwoFactor, confirmTwoFactor, disableTwoFactor } from '@/app/lib/two-factor';

export async function startTwoFactor() {
  const user = await getSessionUser();
  if (!user) return fail('Your session has ended. Sign in again.', 'unauthenticated');
  return beginTwoFactor(userActor(user));
}

export async function confirmTwoFactorSetup(raw: unknown) {
  const res = await runAsUser(confirmTwoFactor, raw);
  revalidatePath('/account');
  return res;
}

export async function turnOffTwoFactor(raw: unknown) {
  const user = await getSessionUser();
  if (!user) return fail('Your session has ended. Sign in again.', 'unauthenticated');
  const res = disableTwoFactor(userActor(user), raw);
  revalidatePath('/account');
  return res;
}
