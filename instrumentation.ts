// Creates and migrates the database on first start (never during `next build`), rewrites old
// day-only stamps (ARCHITECTURE.md, anonymous reports), seeds the read-only reference cases
// (ARCHITECTURE.md: reference data), makes sure the auth secret, the Web Push keys and the receipt signing key exist before
// the first request, and starts the outbox worker (ARCHITECTURE.md: messages to people) unless
// DELIVERY_WORKER=0, with the periodic jobs of app/lib/delivery/jobs.ts on its clock. Before all that
// it reads the database file once, in order, so the OS page cache holds it (db/prewarm.ts), and
// bounds how far the JavaScript heap grows before a full collection (app/lib/heap.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, before anything fills the heap (ARCHITECTURE.md: exports in constant memory).
  const { boundHeapGrowth } = await import('./app/lib/heap');
  console.log(`[setsafe] JavaScript heap grows by at most ${boundHeapGrowth()} of what is live between full collections (SETSAFE_HEAP_GROWING_PERCENT)`);
  const { getDb } = await import('./db/client');
  const { getAuthSecret } = await import('./app/lib/secret');
  const { databasePath } = await import('./db/paths');
  const { seedReferenceCases } = await import('./db/seed/reference');
  const { migrateDayStamps } = await import('./app/lib/day-stamps');
  getAuthSecret();
  getDb();
  // Before the first request, not beside it (ARCHITECTURE.md: performance budget, a cold start):
  // a sequential read racing the first views' random reads slowed them further.
  const { prewarmPageCache, mb } = await import('./db/prewarm');
  const warmed = await prewarmPageCache([databasePath(), `${databasePath()}-wal`]).catch((e: unknown) => ({ skipped: String(e) }));
  console.log('skipped' in warmed ? `[setsafe] page cache not warmed: ${warmed.skipped}` : `[setsafe] page cache warmed: ${mb(warmed.bytes)} of ${mb(warmed.of)} read in ${(warmed.ms / 1000).toFixed(1)} s (SETSAFE_PREWARM=0 turns this off)`);
  migrateDayStamps(getDb());
  seedReferenceCases(getDb());
  console.log(`[setsafe] database ready at ${databasePath()}`);

  const { getVapidKeys } = await import('./app/lib/delivery/vapid');
  getVapidKeys();
  const { getReceiptKey } = await import('./app/lib/receipts/keys');
  getReceiptKey();
  // The digest, rule 7's escalations, rule 8's qualification reminders, the daily head receipt and
  // the drop box join the outbox worker's clock (app/lib/delivery/jobs.ts says when
  // they do not: under the test clock and the benchmark).
  const { schedulePeriodicJobs } = await import('./app/lib/delivery/jobs');
  schedulePeriodicJobs();
  if (process.env.DELIVERY_WORKER !== '0') {
    const { startDeliveryWorker } = await import('./app/lib/delivery/worker');
    startDeliveryWorker();
    console.log(`[setsafe] delivery worker started (${process.env.SMTP_URL ? 'email via SMTP_URL' : 'SMTP_URL not set: email waits in the outbox'}, Web Push)`);
  }
}
