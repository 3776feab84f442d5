// Creates and migrates the database on first start (never during `next build`), and makes sure
// the auth secret exists before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDb } = await import('./db/client');
  const { getAuthSecret } = await import('./app/lib/secret');
  const { databasePath } = await import('./db/paths');
  getAuthSecret();
  getDb();
  console.log(`[setsafe] database ready at ${databasePath()}`);
}
