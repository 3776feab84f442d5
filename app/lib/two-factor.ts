// Two-factor sign-in: TOTP (RFC 6238, otplib) plus single-use recovery codes (README: Security).
// The secret is stored as set at enrolment; recovery codes only as sha256 hashes and shown once.
// Wrong codes count as failed sign-ins (app/lib/throttle.ts), so guessing a code backs off too.
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import type { Tx } from '@/db/client';
import { memberships, productions, siteSettings, users, type User } from '@/db/schema';
import { and, inArray } from 'drizzle-orm';
import { appendAudit, SITE_CHAIN } from './audit';
import { fail, ok, Refusal, type ActionResult } from './errors';
import { confirmTwoFactorSchema, otpCode, requireTwoFactorSchema, WRONG_CODE } from './schemas/two-factor';
export { TWO_FACTOR_REQUIRED, WRONG_CODE } from './schemas/two-factor';
import { sha256 } from './site';
import { defineUserCore, type UserActor } from './user-core';
import { write, getDb } from '@/db/client';
import { defineCore, zodFieldErrors } from './core';
import { cleanInput } from './text';
import { ADMIN_2FA_SETTING, TWO_FACTOR_ROLES } from './two-factor-rule';

export const RECOVERY_CODES = 10;
export const TOTP_STEP_S = 30;
export const ISSUER = 'SetSafe';
export { ADMIN_2FA_SETTING, MUST_ENROL_MESSAGE, mustEnrol, TWO_FACTOR_ROLES } from './two-factor-rule';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
function recoveryCode(): string {
  const part = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${part()}-${part()}`;
}
const hashCode = (code: string) => sha256(code.replace(/[\s-]/g, '').toLowerCase());

/**
 * Checks a code against a secret at `now`: accepted within one step either side (phone clocks
 * drift) and only at a step after the last accepted one, so a code seen over a shoulder cannot be
 * replayed. Pure apart from the HMAC.
 */
export function checkTotp(secret: string, code: string, lastStep: number | null, now: Date): { ok: true; step: number } | { ok: false } {
  if (!/^\d{6}$/.test(code)) return { ok: false };
  const epoch = Math.floor(now.getTime() / 1000);
  const res = verifySync({ secret, token: code, epoch, epochTolerance: TOTP_STEP_S, ...(lastStep !== null ? { afterTimeStep: lastStep } : {}) });
  return res.valid && 'timeStep' in res ? { ok: true, step: res.timeStep } : { ok: false };
}

/**
 * The second factor at sign-in, inside the caller's transaction: a TOTP code (marks its step used)
 * or a recovery code (used up, audited). Returns whether it was accepted.
 */
export function acceptSecondFactor(tx: Tx, user: User, raw: unknown, now: Date): boolean {
  if (!user.totpSecret || !user.totpEnabledAt) return true;
  const parsed = otpCode.safeParse(typeof raw === 'string' ? raw : '');
  if (!parsed.success) return false;
  const code = parsed.data;
  const totp = checkTotp(user.totpSecret, code, user.totpLastStep, now);
  if (totp.ok) {
    tx.update(users).set({ totpLastStep: totp.step }).where(eq(users.id, user.id)).run();
    return true;
  }
  const h = hashCode(code);
  if (!user.recoveryCodeHashes.includes(h)) return false;
  const left = user.recoveryCodeHashes.filter((x) => x !== h);
  tx.update(users).set({ recoveryCodeHashes: left }).where(eq(users.id, user.id)).run();
  appendAudit(tx, { chain: SITE_CHAIN, actorId: user.id, actorLabel: user.name, entity: 'user', entityId: user.id, action: 'user.recovery_code_used', after: { recoveryCodesLeft: left.length }, at: now });
  return true;
}

export type TwoFactorStatus = { enabled: boolean; recoveryCodesLeft: number; requiredBy: string[] };

/** What the account page shows: on or off, codes left, and which productions (or the site) require it. */
export function twoFactorStatus(userId: string): TwoFactorStatus {
  const db = getDb();
  const u = db.select().from(users).where(eq(users.id, userId)).get();
  if (!u) return { enabled: false, recoveryCodesLeft: 0, requiredBy: [] };
  return { enabled: !!u.totpEnabledAt, recoveryCodesLeft: u.recoveryCodeHashes.length, requiredBy: requiredBy(u) };
}

/** The productions (by title) and the site setting that require this user to use a second factor. */
export function requiredBy(u: Pick<User, 'id' | 'isAdmin'>): string[] {
  const db = getDb();
  const shows = db
    .select({ title: productions.title })
    .from(memberships)
    .innerJoin(productions, eq(productions.id, memberships.productionId))
    .where(and(eq(memberships.userId, u.id), eq(productions.requireTwoFactor, true), inArray(memberships.role, [...TWO_FACTOR_ROLES])))
    .all()
    .map((r) => r.title);
  if (u.isAdmin && adminsMustUseTwoFactor()) shows.unshift('this site (site admins)');
  return shows;
}

export function adminsMustUseTwoFactor(): boolean {
  const row = getDb().select().from(siteSettings).where(eq(siteSettings.key, ADMIN_2FA_SETTING)).get();
  return row?.value === true;
}

/**
 * Enrolment, step 1: a fresh secret (not yet in use) and its QR code. Starting again replaces an
 * unconfirmed secret; an account with two-factor on must turn it off first.
 */
export async function beginTwoFactor(actor: UserActor, now = new Date()): Promise<ActionResult<{ secret: string; uri: string; qr: string }>> {
  const secret = generateSecret();
  const uri = generateURI({ issuer: ISSUER, label: actor.email, secret });
  const qr = await QRCode.toDataURL(uri, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
  try {
    write((tx) => {
      const u = tx.select().from(users).where(eq(users.id, actor.userId)).get();
      if (!u) throw new Refusal('Your session has ended. Sign in again.', 'unauthenticated');
      if (u.totpEnabledAt) throw new Refusal('Two-factor sign-in is already on.', 'conflict');
      tx.update(users).set({ totpSecret: secret, totpLastStep: null }).where(eq(users.id, u.id)).run();
      appendAudit(tx, { chain: SITE_CHAIN, actorId: u.id, actorLabel: u.name, entity: 'user', entityId: u.id, action: 'user.2fa_begin', at: now });
    });
  } catch (err) {
    if (err instanceof Refusal) return fail(err.message, err.code);
    throw err;
  }
  return ok({ secret, uri, qr });
}

/** Enrolment, step 2: a code from the app proves it holds the secret; recovery codes are made and shown once. */
export const confirmTwoFactor = defineUserCore({
  schema: confirmTwoFactorSchema,
  adminOnly: false,
  run: (input, { actor, tx, now }) => {
    const u = tx.select().from(users).where(eq(users.id, actor.userId)).get();
    if (!u?.totpSecret) throw new Refusal('Start again: set up two-factor sign-in first.', 'conflict');
    if (u.totpEnabledAt) throw new Refusal('Two-factor sign-in is already on.', 'conflict');
    const totp = checkTotp(u.totpSecret, input.code, null, now);
    if (!totp.ok) throw new Refusal('Some fields need attention.', 'invalid', { code: ['That code does not match. Enter the 6 digits your app shows now.'] });
    const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
    tx.update(users).set({ totpEnabledAt: now, totpLastStep: totp.step, recoveryCodeHashes: codes.map(hashCode) }).where(eq(users.id, u.id)).run();
    appendAudit(tx, { chain: SITE_CHAIN, actorId: u.id, actorLabel: u.name, entity: 'user', entityId: u.id, action: 'user.2fa_on', after: { recoveryCodes: codes.length }, at: now });
    return { recoveryCodes: codes };
  },
});

/** Turning it off takes a current code (or a recovery code), and is refused where it is required. */
export function disableTwoFactor(actor: UserActor, raw: unknown, now = new Date()): ActionResult<{ off: true }> {
  const parsed = confirmTwoFactorSchema.safeParse(cleanInput(raw));
  if (!parsed.success) return fail('Some fields need attention.', 'invalid', zodFieldErrors(parsed.error.issues));
  try {
    return ok(
      write((tx) => {
        const u = tx.select().from(users).where(eq(users.id, actor.userId)).get();
        if (!u?.totpEnabledAt) throw new Refusal('Two-factor sign-in is already off.', 'conflict');
        const req = requiredBy(u);
        if (req.length) throw new Refusal(`Two-factor sign-in is required by ${req.join(', ')}: it stays on.`, 'forbidden');
        if (!acceptSecondFactor(tx, u, parsed.data.code, now)) throw new Refusal('Some fields need attention.', 'invalid', { code: [WRONG_CODE] });
        tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: [] }).where(eq(users.id, u.id)).run();
        appendAudit(tx, { chain: SITE_CHAIN, actorId: u.id, actorLabel: u.name, entity: 'user', entityId: u.id, action: 'user.2fa_off', at: now });
        return { off: true as const };
      }),
    );
  } catch (err) {
    if (err instanceof Refusal) return fail(err.message, err.code, err.fieldErrors);
    throw err;
  }
}

export const ENROL_FIRST = 'Turn on two-factor sign-in for your own account first (Account page), so that you are not shut out yourself.';

/** Producer: require two-factor sign-in of this production's producers and auditors. */
export const setTwoFactorRequirement = defineCore({
  schema: requireTwoFactorSchema,
  permission: 'production.manage',
  run(input, { actor, tx, now }) {
    const before = tx.select().from(productions).where(eq(productions.id, actor.productionId)).get();
    if (!before) throw new Refusal('Not found.', 'not_found');
    if (input.required && !tx.select({ on: users.totpEnabledAt }).from(users).where(eq(users.id, actor.userId)).get()?.on) throw new Refusal(ENROL_FIRST, 'conflict');
    if (before.requireTwoFactor === input.required) return { required: input.required };
    tx.update(productions).set({ requireTwoFactor: input.required }).where(eq(productions.id, before.id)).run();
    appendAudit(tx, {
      chain: before.id,
      actorId: actor.userId,
      actorLabel: actor.name,
      entity: 'production',
      entityId: before.id,
      action: 'production.two_factor',
      before: { requireTwoFactor: before.requireTwoFactor },
      after: { requireTwoFactor: input.required },
      at: now,
    });
    return { required: input.required };
  },
});

/** Site admin: require two-factor sign-in of every site admin. */
export const setAdminTwoFactorRequirement = defineUserCore({
  schema: requireTwoFactorSchema,
  adminOnly: true,
  run(input, { actor, tx, now }) {
    if (input.required && !tx.select({ on: users.totpEnabledAt }).from(users).where(eq(users.id, actor.userId)).get()?.on) throw new Refusal(ENROL_FIRST, 'conflict');
    const before = tx.select().from(siteSettings).where(eq(siteSettings.key, ADMIN_2FA_SETTING)).get();
    const was = before?.value === true;
    if (was === input.required) return { required: input.required };
    tx.insert(siteSettings)
      .values({ key: ADMIN_2FA_SETTING, value: input.required, updatedAt: now })
      .onConflictDoUpdate({ target: siteSettings.key, set: { value: input.required, updatedAt: now } })
      .run();
    appendAudit(tx, { chain: SITE_CHAIN, actorId: actor.userId, actorLabel: actor.name, entity: 'site', entityId: ADMIN_2FA_SETTING, action: 'site.two_factor', before: { required: was }, after: { required: input.required }, at: now });
    return { required: input.required };
  },
});
