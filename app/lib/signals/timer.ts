// Runs rule 7's escalations and reminders on the outbox worker's clock (ARCHITECTURE.md: messages
// to people), before that tick sends: a re-send written now leaves in the same turn. Everything it
// needs is in the database, so the first run after a start catches up on whatever fell due while
// it was down; each step is recorded once (escalate.ts), so an overlap or a restart never repeats one.
import { addPeriodicJob } from '../delivery/worker';
import { runEscalations } from './escalate';

export function escalationJob(now: Date): number {
  try {
    const r = runEscalations(now);
    return r.resent + r.contacts + r.reminders;
  } catch (err) {
    // A failed run (a busy database) is retried at the next tick; nothing was half-done (one
    // transaction), and the sending step of this tick still runs.
    console.error('[setsafe] escalation run failed; retrying at the next tick', err);
    return 0;
  }
}

/** Puts rule 7 on the worker's clock; call before the worker starts. */
export function scheduleEscalations(): void {
  addPeriodicJob(escalationJob);
}
