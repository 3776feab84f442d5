// Every periodic job, registered in one place on the outbox worker's clock (ARCHITECTURE.md:
// messages to people): the daily digest, rule 7's escalations and reminders, rule 8's reminders
// before a member's firearms training or permit expires, the daily signed head receipt (ARCHITECTURE.md: audit trail, anchoring) and the drop box's daily publication
// (ARCHITECTURE.md: anonymity by order). Each reads what it needs from the database, so the first
// run after a start catches up on whatever fell due while the server was down.
import { dropBoxJob } from '../anonymous/drop-box';
import { qualificationReminderJob } from '../firearms/qualification-reminders';
import { receiptJob } from '../receipts/core';
import { digestJob } from './digest';
import { escalationJob } from '../signals/escalate';
import { addPeriodicJob } from './worker';

export const PERIODIC_JOBS = [digestJob, escalationJob, qualificationReminderJob, receiptJob, dropBoxJob] as const;

/**
 * Puts the jobs on the worker's clock; call before the worker starts. Under SETSAFE_TEST_CLOCK=1 the
 * end-to-end tests drive these jobs themselves (POST /api/test/clock), so what a test sees never
 * depends on the hour the suite runs at; under SETSAFE_BENCH=1 the benchmark's generated two years
 * of overdue actions would otherwise all be reminded mid-measurement.
 */
export function schedulePeriodicJobs(): boolean {
  if (process.env.SETSAFE_TEST_CLOCK === '1' || process.env.SETSAFE_BENCH === '1') return false;
  for (const job of PERIODIC_JOBS) addPeriodicJob(job);
  return true;
}
