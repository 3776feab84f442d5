// Creates and migrates the database on first start (never during `next build`), rewrites old
// day-only stamps (ARCHITECTURE.md, anonymous reports), seeds the
// read-only reference cases (ARCHITECTURE.md: reference data), and makes sure the auth secret
// exists before the first request.
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
}
