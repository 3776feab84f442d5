import { beforeAll, describe, expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';
import { decodeSessionToken } from './session-token';

// The remembered decode must answer exactly as a fresh decode would: foreign or tampered cookies
// refused, and a token past its expiry refused even when it was remembered while still valid.

const SECRET = 'session-token-test-secret-0123456789abcdef';

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
});

describe('decodeSessionToken', () => {
  it('decodes a cookie next-auth made, and answers the same from memory', async () => {
    const raw = await encode({ token: { uid: 'u1', sv: 3, name: 'A', email: 'a@x' }, secret: SECRET, maxAge: 600 });
    const first = await decodeSessionToken(raw);
    expect(first).toMatchObject({ uid: 'u1', sv: 3 });
    expect(await decodeSessionToken(raw)).toEqual(first);
  });

  it('refuses a tampered cookie, one made with another secret, and garbage', async () => {
    const raw = await encode({ token: { uid: 'u2', sv: 1 }, secret: SECRET, maxAge: 600 });
    const flipped = raw.slice(0, -3) + (raw.at(-3) === 'A' ? 'B' : 'A') + raw.slice(-2);
    expect(await decodeSessionToken(flipped)).toBeNull();
    expect(await decodeSessionToken(await encode({ token: { uid: 'u2', sv: 1 }, secret: 'another-secret-entirely-0123456789', maxAge: 600 }))).toBeNull();
    expect(await decodeSessionToken('not-a-token')).toBeNull();
  });

  it('refuses a remembered token once it has expired', async () => {
    const raw = await encode({ token: { uid: 'u3', sv: 1 }, secret: SECRET, maxAge: 30 });
    const now = Date.now();
    expect(await decodeSessionToken(raw, now)).toMatchObject({ uid: 'u3' });
    // 30 s of life + jose's 15 s tolerance: still inside the cache's minute, but expired.
    expect(await decodeSessionToken(raw, now + 50_000)).toBeNull();
  });
});
