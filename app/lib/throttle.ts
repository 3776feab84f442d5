// Failed password attempts, per account and per address, shared by sign-in and password change.
import { and, eq, gte, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { signInFailures } from '@/db/schema';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const THROTTLE_MESSAGE = 'Too many failed sign-ins. Wait 15 minutes and try again.';

export const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;

export function failuresSince(key: string, since: number): number {
  const row = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gte(signInFailures.at, new Date(since))))
    .get();
  return row?.n ?? 0;
}

export function isThrottled(keys: { account: string; address?: string }, now = Date.now()): boolean {
  return (
    failuresSince(keys.account, now - THROTTLE_WINDOW_MS) >= MAX_FAILURES_PER_ACCOUNT ||
    (keys.address !== undefined && failuresSince(keys.address, now - THROTTLE_WINDOW_MS) >= MAX_FAILURES_PER_ADDRESS)
  );
}

export function recordFailure(keys: string[], now = Date.now()): void {
  getDb().insert(signInFailures).values(keys.map((key) => ({ key, at: new Date(now) }))).run();
}
