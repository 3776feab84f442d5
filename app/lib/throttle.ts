// Throttling password guesses without handing anyone a way to lock the owner out (README: Security).
//
// A hard lock after N failures on an account lets anyone keep a producer out during a shoot by
// typing wrong passwords. Instead, three limits, each aimed at one kind of guesser:
// - account + address: after FREE_PAIR_FAILURES, each further failure from the same address on the
//   same account doubles the wait before the next try (2 s, 4 s, 8 s … capped at 15 minutes).
//   A guesser slows only themselves; the owner on their own phone or laptop is not affected.
// - address: MAX_FAILURES_PER_ADDRESS in 15 minutes across all accounts (one address spraying).
// - account, from anywhere (slower): ACCOUNT_FAILURES_PER_HOUR failures in an hour from many
//   addresses pause password sign-in to that account from addresses it has never signed in from.
//   Addresses the owner signed in from in the last 30 days stay open, so the owner still gets in.
// Rows live in sign_in_failures: 'pair:', 'email:' and 'ip:' keys are failures; 'known:' rows
// are the owner's successful sign-ins by address.
import { createHmac } from 'node:crypto';
import { and, eq, gte, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { signInFailures } from '@/db/schema';
import { getAuthSecret } from './secret';

export const FREE_PAIR_FAILURES = 3;
export const PAIR_WINDOW_MS = 60 * 60_000;
export const FIRST_BACKOFF_MS = 2_000;
export const MAX_BACKOFF_MS = 15 * 60_000;
export const ADDRESS_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const ACCOUNT_WINDOW_MS = 60 * 60_000;
export const ACCOUNT_FAILURES_PER_HOUR = 100;
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;

export const ADDRESS_MESSAGE = 'Too many failed sign-ins from this network. Wait 15 minutes and try again.';
export const ACCOUNT_PAUSED_MESSAGE =
  'Many wrong passwords were tried on this account from elsewhere, so sign-in is paused from new devices for up to an hour. Sign in from a phone or computer you have used before, or ask for a sign-in link by email.';
/** The generic form of the backoff message, for callers that only need to recognise it. */
export const THROTTLE_MESSAGE = 'Too many wrong passwords. Wait a moment and try again.';

export function backoffMessage(waitMs: number): string {
  const s = Math.ceil(waitMs / 1000);
  const wait = s < 90 ? `${s} second${s === 1 ? '' : 's'}` : `${Math.ceil(s / 60)} minutes`;
  return `Too many wrong passwords. Wait ${wait} and try again.`;
}

export type ThrottleKeys = {
  email: string;
  /** The client's address, or 'session' for a signed-in member confirming their password. */
  address: string;
};

const norm = (email: string) => email.trim().toLowerCase();
/**
 * Addresses are kept only as a keyed hash: the throttle needs to recognise an address again, never
 * to read it back, and a stored address could place a member's anonymous report (ARCHITECTURE.md:
 * anonymous reports).
 */
const addr = (address: string) => createHmac('sha256', getAuthSecret()).update(`sign-in address:${address}`).digest('base64url').slice(0, 22);
export const accountKey = (email: string) => `email:${norm(email)}`;
export const addressKey = (address: string) => `ip:${addr(address)}`;
const pairKey = (k: ThrottleKeys) => `pair:${norm(k.email)}|${addr(k.address)}`;
const knownKey = (k: ThrottleKeys) => `known:${norm(k.email)}|${addr(k.address)}`;

function countSince(key: string, since: number): { n: number; last: number | null } {
  const row = getDb()
    .select({ n: sql<number>`count(*)`, last: sql<number | null>`max(${signInFailures.at})` })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gte(signInFailures.at, new Date(since))))
    .get();
  return { n: row?.n ?? 0, last: row?.last ?? null };
}

/** The wait after the n-th failure from one address on one account (0 while still free). Pure. */
export function backoffAfter(failures: number): number {
  if (failures < FREE_PAIR_FAILURES) return 0;
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - FREE_PAIR_FAILURES));
}

/** Whether a password may be tried now, and if not, what to tell the person. */
export function throttleCheck(
  keys: ThrottleKeys,
  now = Date.now(),
  /** A sign-in link's holder proved the mailbox: the account-wide pause, aimed at strangers' passwords, does not stop them. */
  opts: { linkHolder?: boolean } = {},
): { ok: true } | { ok: false; message: string; retryAfterMs: number } {
  const pair = countSince(pairKey(keys), now - PAIR_WINDOW_MS);
  const wait = backoffAfter(pair.n);
  if (wait > 0 && pair.last !== null && now < pair.last + wait) {
    const left = pair.last + wait - now;
    return { ok: false, message: backoffMessage(left), retryAfterMs: left };
  }
  if (keys.address !== 'session' && countSince(addressKey(keys.address), now - ADDRESS_WINDOW_MS).n >= MAX_FAILURES_PER_ADDRESS) {
    return { ok: false, message: ADDRESS_MESSAGE, retryAfterMs: ADDRESS_WINDOW_MS };
  }
  if (!opts.linkHolder && countSince(accountKey(keys.email), now - ACCOUNT_WINDOW_MS).n >= ACCOUNT_FAILURES_PER_HOUR) {
    const known = keys.address === 'session' || countSince(knownKey(keys), now - KNOWN_ADDRESS_MS).n > 0;
    if (!known) return { ok: false, message: ACCOUNT_PAUSED_MESSAGE, retryAfterMs: ACCOUNT_WINDOW_MS };
  }
  return { ok: true };
}

export function recordFailure(keys: ThrottleKeys, now = Date.now()): void {
  const at = new Date(now);
  const rows = [pairKey(keys), accountKey(keys.email), ...(keys.address === 'session' ? [] : [addressKey(keys.address)])];
  getDb().insert(signInFailures).values(rows.map((key) => ({ key, at }))).run();
}

/** A successful sign-in: the address becomes one the owner is known to use. */
export function recordSuccess(keys: ThrottleKeys, now = Date.now()): void {
  if (keys.address === 'session') return;
  const db = getDb();
  db.delete(signInFailures).where(eq(signInFailures.key, knownKey(keys))).run();
  db.insert(signInFailures).values({ key: knownKey(keys), at: new Date(now) }).run();
}
