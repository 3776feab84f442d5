// One's own password: changing it (account page) and setting it through an invite link.
// Hashing is slow and async, so it runs before the (synchronous, immediate) transaction, which
// then re-checks that nothing changed in between.
import { eq } from 'drizzle-orm';
import { getDb, write, type DB, type Tx } from '@/db/client';
import { inviteTokens, productions, users } from '@/db/schema';
import { appendAudit, SITE_CHAIN } from './audit';
import { zodFieldErrors } from './core';
import { fail, ok, Refusal, sessionEnded, type ActionResult } from './errors';
import { hashPassword, verifyPassword } from './passwords';
import { changePasswordSchema, newPasswordSchema } from './schemas/auth';
import { setPassword, sha256 } from './site';
import { recordFailure, throttleCheck } from './throttle';
import type { UserActor } from './user-core';

export const WRONG_CURRENT_MESSAGE = 'That is not your current password.';

/**
 * Changes the signed-in user's password. Bumps the session version (in `setPassword`), so every
 * session of the user ends at once; the caller signs the current browser in again.
 */
export async function changePassword(actor: UserActor, raw: unknown, now = new Date()): Promise<ActionResult<{ userId: string }>> {
  const parsed = changePasswordSchema.safeParse(raw);
  if (!parsed.success) return fail('Some fields need attention.', 'invalid', zodFieldErrors(parsed.error.issues));
  const input = parsed.data;
  const keys = { email: actor.email, address: 'session' };
  // A stolen session must not become a way to guess the password: failures back off like sign-ins.
  const gate = throttleCheck(keys, now.getTime());
  if (!gate.ok) return fail(gate.message, 'throttled');
  const user = getDb().select().from(users).where(eq(users.id, actor.userId)).get();
  if (!user?.passwordHash) return sessionEnded();
  if (!(await verifyPassword(input.current, user.passwordHash))) {
    recordFailure(keys, now.getTime());
    return fail(WRONG_CURRENT_MESSAGE, 'invalid', { current: [WRONG_CURRENT_MESSAGE] });
  }
  if (input.password === input.current) {
    return fail('Choose a new password that differs from the current one.', 'invalid', { password: ['Choose a password that differs from the current one.'] });
  }
  const hash = await hashPassword(input.password);
  try {
    write((tx) => {
      const fresh = tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
      if (fresh?.passwordHash !== user.passwordHash) throw new Refusal('Your password was changed elsewhere just now. Sign in again.', 'conflict');
      setPassword(tx, { userId: user.id, label: user.name }, user.id, hash, now, 'user.password.change');
    });
  } catch (err) {
    if (err instanceof Refusal) return fail(err.message, err.code);
    throw err;
  }
  return ok({ userId: user.id });
}

export type InviteState =
  | { state: 'valid'; inviteId: string; userId: string; name: string; email: string; productionId: string | null; productionTitle: string | null; expiresAt: Date }
  | { state: 'unknown' | 'used' | 'expired' };

/** Tokens are 43 URL-safe characters; anything else cannot be one of ours. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** What an invite link stands for, looked up by the token's hash (only hashes are stored). */
export function findInvite(db: DB | Tx, token: unknown, now: Date): InviteState {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return { state: 'unknown' };
  const row = db
    .select({ invite: inviteTokens, user: users, productionTitle: productions.title })
    .from(inviteTokens)
    .innerJoin(users, eq(users.id, inviteTokens.userId))
    .leftJoin(productions, eq(productions.id, inviteTokens.productionId))
    .where(eq(inviteTokens.tokenHash, sha256(token)))
    .get();
  if (!row) return { state: 'unknown' };
  // An account that already has a password is set up: the link has done its one job.
  if (row.invite.usedAt || row.user.passwordHash) return { state: 'used' };
  if (row.invite.expiresAt.getTime() <= now.getTime()) return { state: 'expired' };
  return {
    state: 'valid',
    inviteId: row.invite.id,
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    productionId: row.invite.productionId,
    productionTitle: row.productionTitle,
    expiresAt: row.invite.expiresAt,
  };
}

export const INVITE_STATE_MESSAGE: Record<Exclude<InviteState['state'], 'valid'>, string> = {
  unknown: 'This link is not valid. Check that you copied all of it, or ask your producer for a new one.',
  used: 'This link has already been used. Sign in with the password you set, or ask your producer for help.',
  expired: 'This link has expired or was replaced by a newer one. Ask your producer for a new link.',
};

/** Sets the invited person's first password through the one-time link, and uses the link up. */
export async function acceptInvite(token: unknown, raw: unknown, now = new Date()): Promise<ActionResult<{ email: string }>> {
  const first = findInvite(getDb(), token, now);
  if (first.state !== 'valid') return fail(INVITE_STATE_MESSAGE[first.state], first.state === 'unknown' ? 'not_found' : 'conflict');
  const parsed = newPasswordSchema.safeParse(raw);
  if (!parsed.success) return fail('Some fields need attention.', 'invalid', zodFieldErrors(parsed.error.issues));
  const hash = await hashPassword(parsed.data.password);
  try {
    return ok(
      write((tx) => {
        // Re-checked inside the write lock: two tabs submitting the same link set it once.
        const inv = findInvite(tx, token, now);
        if (inv.state !== 'valid') throw new Refusal(INVITE_STATE_MESSAGE[inv.state], 'conflict');
        const who = { userId: inv.userId, label: inv.name };
        setPassword(tx, who, inv.userId, hash, now, 'user.password.set');
        tx.update(inviteTokens).set({ usedAt: now }).where(eq(inviteTokens.id, inv.inviteId)).run();
        appendAudit(tx, {
          chain: inv.productionId ?? SITE_CHAIN,
          actorId: inv.userId,
          actorLabel: inv.name,
          entity: 'invite',
          entityId: inv.inviteId,
          action: 'invite.use',
          after: { usedAt: now },
          at: now,
        });
        return { email: inv.email };
      }),
    );
  } catch (err) {
    if (err instanceof Refusal) return fail(err.message, err.code);
    throw err;
  }
}
