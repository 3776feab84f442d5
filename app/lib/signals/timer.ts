// Runs rule 7's escalations and reminders on the server's clock. Everything it needs is in the
// database, so the first run after a start catches up on whatever fell due while it was down;
// each step is recorded once (escalate.ts), so an overlap or a restart never repeats one.
import { runEscalations } from './escalate';

export const ESCALATION_INTERVAL_MS = 30_000;

const g = globalThis as unknown as { __setsafeEscalationTimer?: ReturnType<typeof setInterval> };

function tick() {
  try {
    runEscalations(new Date());
  } catch (err) {
    // A failed run (a busy database) is retried at the next tick; nothing was half-done (one transaction).
    console.error('[setsafe] escalation run failed; retrying at the next tick', err);
  }
}

export function startEscalationTimer(intervalMs = ESCALATION_INTERVAL_MS): void {
  if (g.__setsafeEscalationTimer) return;
  tick();
  g.__setsafeEscalationTimer = setInterval(tick, intervalMs);
  g.__setsafeEscalationTimer.unref?.();
}
