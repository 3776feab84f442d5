// Throttling wrong receipt codes without knowing who is trying (ARCHITECTURE.md: anonymous reports; no address is read or
// stored for anonymous reports, so a per-address limit is impossible by construction).
//
// Two parts:
// 1. Every well-formed code check takes the same fixed time (CHECK_DELAY_MS), right or wrong, so a
//    guesser gets at most one answer per request slot and timing says nothing.
// 2. One counter per server process: when more than MAX_WRONG wrong codes arrive within a window,
//    every receipt check is refused until the window ends. Codes carry 140 bits, so even without
//    this a guess succeeds with probability ~2^-140; the limit keeps a flood cheap for the server.
// The price of a global counter is that a flood can make follow-up unavailable for up to one
// window for everyone; filing a new report (the safety-critical path) never checks receipts and is
// never held up by it. Nothing here is persisted or tied to a client.

export const CHECK_DELAY_MS = 350;
export const WINDOW_MS = 60_000;
export const MAX_WRONG = 60;

type State = { windowStart: number; wrong: number };
// Route handlers and server actions may be bundled apart: keep one counter per process.
const g = globalThis as unknown as { __setsafeReceiptThrottle?: State };
function state(): State {
  return (g.__setsafeReceiptThrottle ??= { windowStart: 0, wrong: 0 });
}

export const THROTTLED_MESSAGE = 'Too many wrong receipt codes were tried on this server in the last minute. Wait a minute and try again.';

/** Whether checks are currently refused. Starts a new window when the old one has ended. */
export function isThrottled(now: number): boolean {
  const s = state();
  if (now - s.windowStart >= WINDOW_MS) {
    s.windowStart = now;
    s.wrong = 0;
  }
  return s.wrong >= MAX_WRONG;
}

export function recordWrong(now: number): void {
  const s = state();
  if (now - s.windowStart >= WINDOW_MS) {
    s.windowStart = now;
    s.wrong = 0;
  }
  s.wrong += 1;
}

/** Test support: forget the counter. */
export function resetThrottle(): void {
  g.__setsafeReceiptThrottle = { windowStart: 0, wrong: 0 };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
