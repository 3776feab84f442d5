// The one way an e2e spec reads (and, for a fixture, writes) a database (ARCHITECTURE.md: tests).
// Each call opens its own short-lived connection: the server holds the same WAL database, and a
// connection kept open across a test would pin an old snapshot of it.
import Database from 'better-sqlite3';
import path from 'node:path';

export type Row = Record<string, unknown>;

/** The e2e server's database file (scripts/e2e-server.mjs). */
export const E2E_DB = () => path.resolve(process.env.E2E_DATABASE_PATH ?? 'data/e2e/setsafe.db');

/** A connection to a database file: the e2e one unless `file` names another (a spec's own server). */
export function openDb(file = E2E_DB(), opts: { readonly?: boolean } = {}) {
  const db = new Database(file, { fileMustExist: true, readonly: opts.readonly ?? false });
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Read access to the e2e database, to assert what was (or was not) stored; close it after use. */
export const testDb = () => openDb();

/** Runs `fn` on a connection that is closed afterwards, whatever happens. */
export function withDb<T>(fn: (db: Database.Database) => T, at: { file?: string; readonly?: boolean } = {}): T {
  const db = openDb(at.file, { readonly: at.readonly });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export const query = <T = Row>(sql: string, ...params: unknown[]): T[] => withDb((db) => db.prepare(sql).all(...params) as T[]);
export const one = <T = Row>(sql: string, ...params: unknown[]): T => withDb((db) => db.prepare(sql).get(...params) as T);

/** `query` and `one` on another server's database file, read-only (a spec that starts its own). */
export function readerOf(file: string) {
  return {
    query: <T = Row>(sql: string, ...params: unknown[]): T[] => withDb((db) => db.prepare(sql).all(...params) as T[], { file, readonly: true }),
    one: <T = Row>(sql: string, ...params: unknown[]): T => withDb((db) => db.prepare(sql).get(...params) as T, { file, readonly: true }),
  };
}
/** A write by a test fixture (never an assertion's shortcut around the app). */
export const run = (sql: string, ...params: unknown[]) => withDb((db) => db.prepare(sql).run(...params));

/** The demo production and the second production of the e2e seed. */
export function ids() {
  return {
    demo: one<{ id: string }>("select id from productions where title = 'Dry Creek (demo)'").id,
    other: one<{ id: string }>("select id from productions where title = 'Other Show (e2e)'").id,
  };
}
