// Creates and migrates the database on first start (never during `next build`), makes sure the
// auth secret and the Web Push keys exist before the first request, and starts the outbox worker
// (DESIGN: messages to people) unless DELIVERY_WORKER=0.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDb } = await import('./db/client');
  const { getAuthSecret } = await import('./app/lib/secret');
  const { databasePath } = await import('./db/paths');
  getAuthSecret();
  getDb();
  console.log(`[setsafe] database ready at ${databasePath()}`);
  const { getVapidKeys } = await import('./app/lib/delivery/vapid');
  getVapidKeys();
  if (process.env.DELIVERY_WORKER !== '0') {
    const { startDeliveryWorker } = await import('./app/lib/delivery/worker');
    startDeliveryWorker();
    console.log(`[setsafe] delivery worker started (${process.env.SMTP_URL ? 'email via SMTP_URL' : 'SMTP_URL not set: email waits in the outbox'}, Web Push)`);
  }
}
