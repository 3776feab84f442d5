import './testing/temp-db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, inviteTokens } from '@/db/schema';
import { acceptInvite, changePassword, findInvite, WRONG_CURRENT_MESSAGE } from './account';
import { inviteMember } from './members';
import { verifyPassword } from './passwords';
import { FREE_PAIR_FAILURES } from './throttle';
import { actorOf, join, makeProduction, makeUser, TEST_PASSWORD, userActorOf, userRow } from './testing/world';

let show = '';
let producer = '';

beforeAll(async () => {
  show = makeProduction('Account Show').id;
  producer = (await makeUser('prod@test.example', 'Pru Producer')).id;
  join(show, producer, 'producer');
});

function invite(email: string, now = new Date()) {
  const res = inviteMember(actorOf(producer, show), { email, name: email.split('@')[0], role: 'crew', positions: [] }, now);
  if (!res.ok || !res.data.token) throw new Error('invite failed');
  return res.data;
}

describe('acceptInvite', () => {
  it('sets the first password once, uses the link up, and audits both', async () => {
    const inv = invite('new@test.example');
    const res = await acceptInvite(inv.token, { password: 'my own password', confirm: 'my own password' });
    expect(res).toEqual({ ok: true, data: { email: 'new@test.example' } });
    expect(await verifyPassword('my own password', userRow(inv.userId).passwordHash)).toBe(true);
    expect(getDb().select().from(inviteTokens).where(eq(inviteTokens.userId, inv.userId)).get()!.usedAt).not.toBeNull();
    const actions = getDb().select().from(auditLog).where(eq(auditLog.entityId, inv.userId)).all().map((a) => a.action);
    expect(actions).toContain('user.password.set');
    expect(getDb().select().from(auditLog).all().some((a) => a.action === 'invite.use' && a.chain === show)).toBe(true);

    const again = await acceptInvite(inv.token, { password: 'someone else pw', confirm: 'someone else pw' });
    expect(again).toMatchObject({ ok: false, code: 'conflict' });
    expect(await verifyPassword('my own password', userRow(inv.userId).passwordHash)).toBe(true);
  });

  it('refuses a weak or mismatched password next to its field, leaving the link usable', async () => {
    const inv = invite('weak@test.example');
    expect(await acceptInvite(inv.token, { password: 'short', confirm: 'short' })).toMatchObject({ ok: false, fieldErrors: { password: ['Use at least 10 characters.'] } });
    expect(await acceptInvite(inv.token, { password: 'long enough one', confirm: 'long enough two' })).toMatchObject({ ok: false, fieldErrors: { confirm: ['The two passwords differ.'] } });
    expect(userRow(inv.userId).passwordHash).toBeNull();
    expect(findInvite(getDb(), inv.token, new Date()).state).toBe('valid');
  });

  it('refuses an expired link', async () => {
    const issued = new Date(Date.now() - 8 * 86_400_000);
    const inv = invite('late@test.example', issued);
    expect(findInvite(getDb(), inv.token, new Date()).state).toBe('expired');
    expect(await acceptInvite(inv.token, { password: 'long enough pw', confirm: 'long enough pw' })).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
    expect(userRow(inv.userId).passwordHash).toBeNull();
  });

  it('answers unknown and malformed tokens without throwing', async () => {
    for (const t of ['', 'x', 'a'.repeat(43), '../../etc/passwd', 'a'.repeat(5000), null, 42, { token: 'x' }]) {
      expect(findInvite(getDb(), t, new Date()).state).toBe('unknown');
      expect(await acceptInvite(t, { password: 'long enough pw', confirm: 'long enough pw' })).toMatchObject({ ok: false, code: 'not_found' });
    }
  });
});

describe('changePassword', () => {
  it('needs the current password, and backs off wrong guesses like sign-ins', async () => {
    const u = await makeUser('guess@test.example', 'Gil Guess');
    const actor = userActorOf(u.id);
    const t0 = new Date('2026-11-20T10:00:00Z');
    const change = (current: string, at: Date) => changePassword(actor, { current, password: 'a new long password', confirm: 'a new long password' }, at);
    for (let i = 0; i < FREE_PAIR_FAILURES; i++) {
      expect(await change(`wrong ${i}`, t0)).toMatchObject({ ok: false, fieldErrors: { current: [WRONG_CURRENT_MESSAGE] } });
    }
    // Even the right password waits now: the backoff stops guessing through a stolen session.
    expect(await change(TEST_PASSWORD, t0)).toMatchObject({ ok: false, code: 'throttled', message: 'Too many wrong passwords. Wait 2 seconds and try again.' });
    expect(await verifyPassword(TEST_PASSWORD, userRow(u.id).passwordHash)).toBe(true);
    // Once the wait is over, the owner gets through: no lock.
    expect(await change(TEST_PASSWORD, new Date(t0.getTime() + 2_000))).toMatchObject({ ok: true });
  });

  it('changes the password, bumps the session version and audits without the hash', async () => {
    const u = await makeUser('change@test.example', 'Cat Change');
    const sv = userRow(u.id).sessionVersion;
    const res = await changePassword(userActorOf(u.id), { current: TEST_PASSWORD, password: 'a new long password', confirm: 'a new long password' });
    expect(res.ok).toBe(true);
    const row = userRow(u.id);
    expect(row.sessionVersion).toBe(sv + 1);
    expect(await verifyPassword('a new long password', row.passwordHash)).toBe(true);
    expect(await verifyPassword(TEST_PASSWORD, row.passwordHash)).toBe(false);
    const entry = getDb().select().from(auditLog).where(eq(auditLog.entityId, u.id)).all().at(-1)!;
    expect(entry.action).toBe('user.password.change');
    expect(JSON.stringify(entry)).not.toContain(row.passwordHash!);
  });

  it('refuses the same password and a mismatched confirmation', async () => {
    const u = await makeUser('same@test.example', 'Sam Same');
    expect(await changePassword(userActorOf(u.id), { current: TEST_PASSWORD, password: TEST_PASSWORD, confirm: TEST_PASSWORD })).toMatchObject({ ok: false, fieldErrors: { password: [expect.any(String)] } });
    expect(await changePassword(userActorOf(u.id), { current: TEST_PASSWORD, password: 'a new long password', confirm: 'a new long passwore' })).toMatchObject({ ok: false, fieldErrors: { confirm: ['The two passwords differ.'] } });
    expect(userRow(u.id).sessionVersion).toBe(1);
  });
});
