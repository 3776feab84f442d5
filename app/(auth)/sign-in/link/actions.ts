'use server';

import { headers } from 'next/headers';
import { clientAddress } from '@/app/lib/client-address';
import { requestSignInLink } from '@/app/lib/sign-in-link';

/** Public: asks for a sign-in link by email; the same answer whether or not the address has an account. */
export async function requestLink(raw: unknown) {
  const h = await headers();
  return requestSignInLink(raw, clientAddress(Object.fromEntries(h.entries())));
}
