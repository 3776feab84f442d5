import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from '../schema';

/**
 * Seeds read-only reference cases on every fresh database, then locks them.
 * Filled in by the Rust-case work (issue 8); a no-op until then.
 */
export function seedReferenceCases(db: BetterSQLite3Database<typeof schema>): void {
  void db;
}
