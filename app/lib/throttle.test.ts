import './testing/temp-db';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_FAILURES_PER_HOUR,
  ACCOUNT_PAUSED_MESSAGE,
  backoffAfter,
  FREE_PAIR_FAILURES,
  MAX_BACKOFF_MS,
  MAX_FAILURES_PER_ADDRESS,
  recordFailure,
  recordSuccess,
  throttleCheck,
} from './throttle';

const t0 = Date.parse('2026-11-20T10:00:00Z');

describe('sign-in throttle: slows the guesser, never locks the owner out', () => {
  it('backs off exponentially per account and address, capped', () => {
    expect([0, 1, 2, 3, 4, 5, 11].map(backoffAfter)).toEqual([0, 0, 0, 2_000, 4_000, 8_000, 512_000]);
    expect(backoffAfter(40)).toBe(MAX_BACKOFF_MS);
  });

  it('the guesser waits longer after each failure; the owner elsewhere signs in at once', () => {
    const guesser = { email: 'Producer@Show.test', address: '203.0.113.9' };
    const owner = { email: 'producer@show.test', address: '198.51.100.7' };
    let t = t0;
    for (let i = 0; i < 10; i++) {
      const gate = throttleCheck(guesser, t);
      if (!gate.ok) t += gate.retryAfterMs; // the guesser waits as told, then tries again
      expect(throttleCheck(guesser, t).ok).toBe(true);
      recordFailure(guesser, t);
    }
    // Ten failures took the guesser 2+4+…+128 s of waiting; the next try waits 256 s.
    expect(t - t0).toBe(2_000 * (2 ** (10 - FREE_PAIR_FAILURES) - 1));
    expect(throttleCheck(guesser, t)).toMatchObject({ ok: false, retryAfterMs: 256_000, message: 'Too many wrong passwords. Wait 5 minutes and try again.' });
    expect(throttleCheck(owner, t)).toEqual({ ok: true });
  });

  it('one address spraying many accounts is stopped', () => {
    const address = '203.0.113.50';
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) recordFailure({ email: `spray${i}@show.test`, address }, t0);
    expect(throttleCheck({ email: 'someone@show.test', address }, t0 + 1_000).ok).toBe(false);
    expect(throttleCheck({ email: 'someone@show.test', address: '203.0.113.51' }, t0 + 1_000).ok).toBe(true);
  });

  it('many addresses guessing one account pause it from new places only: the owner’s known address stays open', () => {
    const email = 'target@show.test';
    recordSuccess({ email, address: '192.0.2.10' }, t0 - 86_400_000);
    for (let i = 0; i < ACCOUNT_FAILURES_PER_HOUR; i++) recordFailure({ email, address: `10.0.${Math.floor(i / 200)}.${i % 200}` }, t0 + i);
    expect(throttleCheck({ email, address: '10.9.9.9' }, t0 + 60_000)).toMatchObject({ ok: false, message: ACCOUNT_PAUSED_MESSAGE });
    expect(throttleCheck({ email, address: '192.0.2.10' }, t0 + 60_000)).toEqual({ ok: true });
    // An hour later the pause is over.
    expect(throttleCheck({ email, address: '10.9.9.9' }, t0 + 60 * 60_000 + 1_000)).toEqual({ ok: true });
  });
});
