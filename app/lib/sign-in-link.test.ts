// Sign-in links by email (README: Security): one answer whether or not the address exists, a
// one-time token stored hashed, 15 minutes, limits per account and per address, and the worker
// scrubs the token from the outbox row once the email is sent.
import './testing/temp-db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, write } from '@/db/client';
import { auditLog, deliveries, signInLinks } from '@/db/schema';
import { makeUser } from './testing/world';
import { findSignInLink, LINK_ADDRESS_MESSAGE, LINK_REQUESTS_PER_ADDRESS, LINKS_PER_ACCOUNT, requestSignInLink, SIGN_IN_LINK_TTL_MS, useSignInLink } from './sign-in-link';
import { SIGN_IN_LINK_SENT } from './schemas/sign-in-link';
import { sha256 } from './site';
import { runWorkerTick } from './delivery/worker';

const T0 = new Date('2026-12-01T09:00:00Z');
let owner = '';
const tokenIn = (text: string) => /\/sign-in\/link\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;
const mails = () => getDb().select().from(deliveries).where(eq(deliveries.kind, 'sign_in_link')).all();

beforeAll(async () => {
  owner = (await makeUser('owner@link.test', 'Olive Owner')).id;
  await makeUser('invited@link.test', 'Ivy Invited', { password: false });
});

describe('asking for a sign-in link', () => {
  it('the same answer for an account, an unknown address and an invited person without a password; only the account gets mail', () => {
    for (const email of ['Owner@Link.test', 'nobody@link.test', 'invited@link.test']) {
      expect(requestSignInLink({ email }, '10.0.0.1', T0)).toEqual({ ok: true, data: { message: SIGN_IN_LINK_SENT } });
    }
    const rows = mails();
    expect(rows.map((r) => r.toAddress)).toEqual(['owner@link.test']);
    const token = tokenIn(rows[0].text)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const link = getDb().select().from(signInLinks).where(eq(signInLinks.userId, owner)).get()!;
    expect(link.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(link)).not.toContain(token);
    expect(link.expiresAt.getTime() - T0.getTime()).toBe(SIGN_IN_LINK_TTL_MS);
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, 'user.sign_in_link_sent')).all()).toHaveLength(1);
  });

  it('bad input gets a field message, not an answer', () => {
    expect(requestSignInLink({ email: 'not an email' }, '10.0.0.2', T0)).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { email: [expect.any(String)] } });
  });

  it('a link is valid for 15 minutes and once; unknown tokens are unknown', () => {
    const token = tokenIn(mails()[0].text)!;
    const valid = findSignInLink(getDb(), token, new Date(T0.getTime() + 60_000));
    expect(valid.state).toBe('valid');
    expect(findSignInLink(getDb(), token, new Date(T0.getTime() + SIGN_IN_LINK_TTL_MS))).toEqual({ state: 'expired' });
    expect(findSignInLink(getDb(), 'x'.repeat(43), T0)).toEqual({ state: 'unknown' });
    expect(findSignInLink(getDb(), '../..', T0)).toEqual({ state: 'unknown' });
    if (valid.state !== 'valid') return;
    write((tx) => useSignInLink(tx, valid, new Date(T0.getTime() + 60_000)));
    expect(findSignInLink(getDb(), token, new Date(T0.getTime() + 61_000))).toEqual({ state: 'used' });
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, 'user.sign_in_link_used')).all()).toHaveLength(1);
  });

  it('at most three links per account per 15 minutes (the answer stays the same), then more again', () => {
    const t = new Date(T0.getTime() + 60 * 60_000);
    for (let i = 0; i < LINKS_PER_ACCOUNT + 2; i++) expect(requestSignInLink({ email: 'owner@link.test' }, `10.1.0.${i}`, t).ok).toBe(true);
    const since = (at: Date) => mails().filter((m) => m.createdAt.getTime() >= at.getTime()).length;
    expect(since(t)).toBe(LINKS_PER_ACCOUNT);
    const later = new Date(t.getTime() + 16 * 60_000);
    requestSignInLink({ email: 'owner@link.test' }, '10.1.0.9', later);
    expect(since(later)).toBe(1);
  });

  it('one address asking for many accounts is stopped with a message', () => {
    const t = new Date(T0.getTime() + 3 * 60 * 60_000);
    for (let i = 0; i < LINK_REQUESTS_PER_ADDRESS; i++) expect(requestSignInLink({ email: `who${i}@link.test` }, '10.2.0.1', t).ok).toBe(true);
    expect(requestSignInLink({ email: 'owner@link.test' }, '10.2.0.1', t)).toMatchObject({ ok: false, code: 'throttled', message: LINK_ADDRESS_MESSAGE });
    expect(requestSignInLink({ email: 'owner@link.test' }, '10.2.0.2', t).ok).toBe(true);
  });

  it('the worker scrubs the token from the outbox row once the email is sent', async () => {
    const sent: string[] = [];
    await runWorkerTick(new Date(T0.getTime() + 5 * 60 * 60_000), { senders: { email: async (m) => void sent.push(m.text), push: async () => undefined }, limit: 100 });
    expect(sent.some((t) => tokenIn(t) !== null)).toBe(true);
    for (const r of mails()) {
      expect(r.status).toBe('sent');
      expect(r.text).toContain('/sign-in/link/[one-time link]');
      expect(tokenIn(r.text)).toBeNull();
    }
  });
});
