import 'server-only';
import { getDb } from '@/db/client';
import { findInvite } from '@/app/lib/account';

/** The invite page's view of a token: who it is for and where, or why it no longer works. */
export function getInvite(token: string, now = new Date()) {
  return findInvite(getDb(), token, now);
}
