import 'server-only';
import { getDb, type DB } from './client';
import { perConnection } from './per-connection';

/**
 * A query built and prepared once per connection and run with placeholders (drizzle's prepared
 * statements). Building a query's SQL from drizzle's objects costs more than the indexed look-up
 * it runs, and the queries every signed-in page makes (the session's user, the membership, the
 * switcher, the unread count, the standing hold) ran that build on every request
 * (ARCHITECTURE.md: performance budget). Keyed by connection: a test or script that opens
 * another database gets its own. Raw better-sqlite3 statements use `perConnection`
 * (db/per-connection.ts), the same cache without this module's 'server-only'.
 */
export function preparedQuery<Q>(build: (db: DB) => Q): () => Q {
  const forDb = perConnection(build);
  return () => forDb(getDb());
}
