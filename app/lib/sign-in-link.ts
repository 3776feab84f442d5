// Sign-in links by email (README: Security): the owner's way in while someone guessing their password
// has slowed password sign-in (app/lib/throttle.ts). A link is a random one-time token, stored only as
// its sha256, good for 15 minutes, delivered through the outbox (ARCHITECTURE.md: messages to people);
// the worker scrubs it from the outbox row once the email is settled. Following it still asks for the
// second factor when the account has one.
import { randomBytes, randomUUID, createHmac } from 'node:crypto';
import { and, count, eq, gte } from 'drizzle-orm';
import { getDb, write, type DB, type Tx } from '@/db/client';
import { signInFailures, signInLinks, users, type User } from '@/db/schema';
import { appendAudit, SITE_CHAIN } from './audit';
import { zodFieldErrors } from './core';
import { fail, ok, type ActionResult } from './errors';
import { enqueueEmail } from './delivery/outbox';
import { sha256 } from './site';
import { getAuthSecret } from './secret';
import { requestSignInLinkSchema, SIGN_IN_LINK_SENT } from './schemas/sign-in-link';
import { cleanInput } from './text';

export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
/** Links per account per window: enough for a lost email or two, not a way to flood an inbox. */
export const LINKS_PER_ACCOUNT = 3;
/** Requests per address per window, whatever the accounts: one address cannot mail everyone. */
export const LINK_REQUESTS_PER_ADDRESS = 10;
export const LINK_WINDOW_MS = 15 * 60_000;
export const LINK_ADDRESS_MESSAGE = 'Too many sign-in links were asked for from this network. Wait 15 minutes and try again.';

export type LinkState = { state: 'valid'; linkId: string; user: User } | { state: 'unknown' | 'used' | 'expired' };

export const LINK_STATE_MESSAGE: Record<Exclude<LinkState['state'], 'valid'>, string> = {
  unknown: 'This sign-in link is not valid. Check that you opened all of it, or ask for a new one.',
  used: 'This sign-in link has already been used. Ask for a new one.',
  expired: 'This sign-in link has expired (links work for 15 minutes). Ask for a new one.',
};

/** Tokens are 43 URL-safe characters; anything else cannot be one of ours. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** Addresses are counted only as a keyed hash, as the password throttle keeps them. */
const addressKey = (address: string) => `link-ip:${createHmac('sha256', getAuthSecret()).update(`sign-in address:${address}`).digest('base64url').slice(0, 22)}`;

/** What a sign-in link stands for, by the token's hash. */
export function findSignInLink(db: DB | Tx, token: unknown, now: Date): LinkState {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return { state: 'unknown' };
  const row = db.select({ link: signInLinks, user: users }).from(signInLinks).innerJoin(users, eq(users.id, signInLinks.userId)).where(eq(signInLinks.tokenHash, sha256(token))).get();
  if (!row) return { state: 'unknown' };
  if (row.link.usedAt) return { state: 'used' };
  if (row.link.expiresAt.getTime() <= now.getTime()) return { state: 'expired' };
  return { state: 'valid', linkId: row.link.id, user: row.user };
}

/**
 * Asks for a sign-in link. Answers the same whether or not the address has an account (and when the
 * account's own limit is reached), so the form tells nobody which addresses exist.
 */
export function requestSignInLink(raw: unknown, address: string, now = new Date()): ActionResult<{ message: string }> {
  const parsed = requestSignInLinkSchema.safeParse(cleanInput(raw));
  if (!parsed.success) return fail('Some fields need attention.', 'invalid', zodFieldErrors(parsed.error.issues));
  const email = parsed.data.email.toLowerCase();
  const since = new Date(now.getTime() - LINK_WINDOW_MS);
  const db = getDb();
  const fromHere = db.select({ n: count() }).from(signInFailures).where(and(eq(signInFailures.key, addressKey(address)), gte(signInFailures.at, since))).get()?.n ?? 0;
  if (fromHere >= LINK_REQUESTS_PER_ADDRESS) return fail(LINK_ADDRESS_MESSAGE, 'throttled');
  write((tx) => {
    tx.insert(signInFailures).values({ key: addressKey(address), at: now }).run();
    const user = tx.select().from(users).where(eq(users.email, email)).get();
    // An invited person without a password signs in through their invitation, not here.
    if (!user?.passwordHash) return;
    const recent = tx.select({ n: count() }).from(signInLinks).where(and(eq(signInLinks.userId, user.id), gte(signInLinks.createdAt, since))).get()?.n ?? 0;
    if (recent >= LINKS_PER_ACCOUNT) return;
    const token = randomBytes(32).toString('base64url');
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_TTL_MS);
    tx.insert(signInLinks).values({ id, userId: user.id, tokenHash: sha256(token), createdAt: now, expiresAt }).run();
    enqueueEmail(tx, {
      productionId: null,
      toUserId: user.id,
      toAddress: user.email,
      subject: 'Your SetSafe sign-in link',
      text:
        `Someone (we hope you) asked for a link to sign in to SetSafe as ${user.email}.\n\n` +
        `Sign in with this one-time link (it works once, for 15 minutes):\n{{APP_URL}}/sign-in/link/${token}\n\n` +
        'If you did not ask for it, ignore this email: nobody gets in without the link' +
        (user.totpEnabledAt ? ', and the link still asks for your two-factor code.' : '.'),
      kind: 'sign_in_link',
      critical: false,
      now,
    });
    appendAudit(tx, { chain: SITE_CHAIN, actorId: user.id, actorLabel: user.name, entity: 'user', entityId: user.id, action: 'user.sign_in_link_sent', after: { linkId: id, expiresAt }, at: now });
  });
  return ok({ message: SIGN_IN_LINK_SENT });
}

/** Uses a valid link up, inside the sign-in transaction (after the second factor, if any, was accepted). */
export function useSignInLink(tx: Tx, link: { linkId: string; user: User }, now: Date): void {
  tx.update(signInLinks).set({ usedAt: now }).where(eq(signInLinks.id, link.linkId)).run();
  appendAudit(tx, { chain: SITE_CHAIN, actorId: link.user.id, actorLabel: link.user.name, entity: 'user', entityId: link.user.id, action: 'user.sign_in_link_used', after: { linkId: link.linkId }, at: now });
}
