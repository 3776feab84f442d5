import './testing/temp-db';
import { eq } from 'drizzle-orm';
import { generateSync } from 'otplib';
import { describe, expect, it } from 'vitest';
import { getDb, write } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import {
  acceptSecondFactor,
  beginTwoFactor,
  checkTotp,
  confirmTwoFactor,
  disableTwoFactor,
  ENROL_FIRST,
  requiredBy,
  setAdminTwoFactorRequirement,
  setTwoFactorRequirement,
} from './two-factor';
import { mustEnrol } from './two-factor-rule';
import { actorOf, join, makeProduction, makeUser, userActorOf, userRow } from './testing/world';

const t0 = new Date('2026-11-20T10:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const codeAt = (secret: string, d: Date) => generateSync({ secret, epoch: Math.floor(d.getTime() / 1000) });
const signInSecond = (userId: string, code: string, now: Date) => write((tx) => acceptSecondFactor(tx, userRow(userId), code, now));

async function enrolled(email: string) {
  const u = await makeUser(email);
  const begun = await beginTwoFactor(userActorOf(u.id), t0);
  if (!begun.ok) throw new Error(begun.message);
  const res = confirmTwoFactor(userActorOf(u.id), { code: codeAt(begun.data.secret, t0) }, t0);
  if (!res.ok) throw new Error(res.message);
  return { id: u.id, secret: begun.data.secret, codes: res.data.recoveryCodes };
}

describe('TOTP codes', () => {
  it('accepts the current code and one step either side, not further', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    expect(checkTotp(secret, codeAt(secret, t0), null, t0).ok).toBe(true);
    expect(checkTotp(secret, codeAt(secret, at(-30)), null, t0).ok).toBe(true);
    expect(checkTotp(secret, codeAt(secret, at(30)), null, t0).ok).toBe(true);
    expect(checkTotp(secret, codeAt(secret, at(-90)), null, t0).ok).toBe(false);
    expect(checkTotp(secret, 'abcdef', null, t0).ok).toBe(false);
  });
});

describe('two-factor sign-in', () => {
  it('enrols with a QR code, keeps only hashes of the recovery codes, audits without secrets', async () => {
    const u = await makeUser('enrol@test.example');
    const begun = await beginTwoFactor(userActorOf(u.id), t0);
    expect(begun).toMatchObject({ ok: true, data: { uri: expect.stringMatching(/^otpauth:\/\/totp\/SetSafe:enrol%40test\.example\?secret=/), qr: expect.stringMatching(/^data:image\/png;base64,/) } });
    if (!begun.ok) return;
    expect(confirmTwoFactor(userActorOf(u.id), { code: '000000' }, t0)).toMatchObject({ ok: false, fieldErrors: { code: [expect.any(String)] } });
    const res = confirmTwoFactor(userActorOf(u.id), { code: codeAt(begun.data.secret, t0) }, t0);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data.recoveryCodes).toHaveLength(10);
    const row = userRow(u.id);
    expect(row.totpEnabledAt).toEqual(t0);
    expect(row.recoveryCodeHashes).toHaveLength(10);
    for (const c of res.data.recoveryCodes) expect(row.recoveryCodeHashes).not.toContain(c);
    const audit = JSON.stringify(getDb().select().from(auditLog).where(eq(auditLog.entityId, u.id)).all());
    expect(audit).toContain('user.2fa_on');
    expect(audit).not.toContain(begun.data.secret);
    for (const c of res.data.recoveryCodes) expect(audit).not.toContain(c);
  });

  it('a code works once (no replay); a recovery code works once and is audited', async () => {
    const e = await enrolled('second@test.example');
    const later = at(60);
    const code = codeAt(e.secret, later);
    expect(signInSecond(e.id, code, later)).toBe(true);
    expect(signInSecond(e.id, code, later)).toBe(false);
    expect(signInSecond(e.id, e.codes[0].toUpperCase(), at(130))).toBe(true);
    expect(signInSecond(e.id, e.codes[0], at(140))).toBe(false);
    expect(userRow(e.id).recoveryCodeHashes).toHaveLength(9);
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, 'user.recovery_code_used')).all().some((a) => a.entityId === e.id)).toBe(true);
  });

  it('a production may require it of producers and auditors only; the producer must have it on first', async () => {
    const show = makeProduction('Two-factor show').id;
    const plain = (await makeUser('plain.producer@test.example')).id;
    join(show, plain, 'producer');
    expect(setTwoFactorRequirement(actorOf(plain, show), { required: true }, t0)).toMatchObject({ ok: false, message: ENROL_FIRST });
    const e = await enrolled('secure.producer@test.example');
    join(show, e.id, 'producer');
    expect(setTwoFactorRequirement(actorOf(e.id, show), { required: true }, t0)).toMatchObject({ ok: true });
    const crew = (await makeUser('crew.tf@test.example')).id;
    join(show, crew, 'crew');
    expect(setTwoFactorRequirement(actorOf(crew, show), { required: false }, t0)).toMatchObject({ ok: false, code: 'forbidden' });

    expect(mustEnrol(actorOf(plain, show), { twoFactor: false })).toBe(true);
    expect(mustEnrol(actorOf(e.id, show), { twoFactor: true })).toBe(false);
    expect(mustEnrol(actorOf(crew, show), { twoFactor: false })).toBe(false);
    expect(requiredBy(userRow(e.id))).toEqual(['Two-factor show']);
    // Required: it cannot be turned off.
    expect(disableTwoFactor(userActorOf(e.id), { code: codeAt(e.secret, at(300)) }, at(300))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('turning it off takes a valid code', async () => {
    const e = await enrolled('off@test.example');
    expect(disableTwoFactor(userActorOf(e.id), { code: '000000' }, at(60))).toMatchObject({ ok: false, code: 'invalid' });
    expect(disableTwoFactor(userActorOf(e.id), { code: codeAt(e.secret, at(60)) }, at(60))).toMatchObject({ ok: true });
    expect(getDb().select({ s: users.totpSecret }).from(users).where(eq(users.id, e.id)).get()?.s).toBeNull();
  });

  it('the site may require it of site admins; only an admin who has it on may set that', async () => {
    const admin = (await makeUser('site.admin.tf@test.example', 'Ada', { isAdmin: true })).id;
    expect(setAdminTwoFactorRequirement(userActorOf(admin), { required: true }, t0)).toMatchObject({ ok: false, message: ENROL_FIRST });
    const e = await enrolled('secure.admin@test.example');
    getDb().update(users).set({ isAdmin: true }).where(eq(users.id, e.id)).run();
    expect(setAdminTwoFactorRequirement(userActorOf(e.id), { required: true }, t0)).toMatchObject({ ok: true });
    expect(requiredBy(userRow(admin))).toContain('this site (site admins)');
    expect(setAdminTwoFactorRequirement(userActorOf(e.id), { required: false }, t0)).toMatchObject({ ok: true });
  });
});
