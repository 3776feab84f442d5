// Creates and migrates the database on first start (never during `next build`), rewrites old
// day-only stamps (ARCHITECTURE.md, anonymous reports), seeds the read-only reference cases
// (ARCHITECTURE.md: reference data), makes sure the auth secret, the Web Push keys and the receipt signing key exist before
// the first request, and starts the outbox worker (ARCHITECTURE.md: messages to people) unless
// DELIVERY_WORKER=0, with rule 7's escalations and the drop box's daily publication on its clock.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDb } = await import('./db/client');
  const { getAuthSecret } = await import('./app/lib/secret');
  const { databasePath } = await import('./db/paths');
  const { seedReferenceCases } = await import('./db/seed/reference');
  const { migrateDayStamps } = await import('./app/lib/day-stamps');
  getAuthSecret();
  migrateDayStamps(getDb());
  seedReferenceCases(getDb());
  console.log(`[setsafe] database ready at ${databasePath()}`);
  const { getVapidKeys } = await import('./app/lib/delivery/vapid');
  getVapidKeys();
  const { getReceiptKey } = await import('./app/lib/receipts/keys');
  getReceiptKey();
  // Rule 7: escalations and reminders join the outbox worker's clock. Under SETSAFE_TEST_CLOCK=1 the
  // end-to-end tests drive that clock themselves (POST /api/test/clock); the benchmark's generated
  // two years of overdue actions would otherwise all be reminded mid-measurement.
  if (process.env.SETSAFE_TEST_CLOCK !== '1' && process.env.SETSAFE_BENCH !== '1') {
    const { scheduleEscalations } = await import('./app/lib/signals/timer');
    scheduleEscalations();
    // The daily signed head receipt (ARCHITECTURE.md: audit trail, anchoring) joins the same clock.
    const { scheduleReceipts } = await import('./app/lib/receipts/timer');
    scheduleReceipts();
    // The drop box opens once a day per production at a random time (ARCHITECTURE.md: anonymity by order).
    const { addPeriodicJob } = await import('./app/lib/delivery/worker');
    const { dropBoxJob } = await import('./app/lib/anonymous/drop-box');
    addPeriodicJob(dropBoxJob);
    // Rule 8: reminders before a member's firearms training or permit expires.
    const { qualificationReminderJob } = await import('./app/lib/firearms/qualification-reminders');
    addPeriodicJob(qualificationReminderJob);
  }
  if (process.env.DELIVERY_WORKER !== '0') {
    const { startDeliveryWorker } = await import('./app/lib/delivery/worker');
    startDeliveryWorker();
    console.log(`[setsafe] delivery worker started (${process.env.SMTP_URL ? 'email via SMTP_URL' : 'SMTP_URL not set: email waits in the outbox'}, Web Push)`);
  }
}
