'use server';

import { acceptInvite as accept } from '@/app/lib/account';

/** Public: the token itself is the credential (one-time, expiring, stored only as a hash). */
export async function acceptInvite(token: string, raw: unknown) {
  return accept(token, raw);
}
