'use server';

import { changePassword as change } from '@/app/lib/account';
import { userActor } from '@/app/lib/action';
import { getSessionUser } from '@/app/lib/auth';
import { fail } from '@/app/lib/errors';

export async function changePassword(raw: unknown) {
  const user = await getSessionUser();
  if (!user) return fail('Your session has ended. Sign in again.', 'unauthenticated');
  return change(userActor(user), raw);
}
