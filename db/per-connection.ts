// The per-connection cache under every statement prepared once (`preparedStatement` here,
// `preparedQuery` in db/prepared.ts). No 'server-only' and no runtime import: db/audit-chains.ts
// uses it, and the `npm run audit:verify` and crash-test scripts load that under tsx, where
// 'server-only' throws.
import type Database from 'better-sqlite3';

/**
 * `build(conn)` once per connection, on first use, then the same value for that connection.
 * Keyed weakly: a test or script that opens another database gets its own, and an entry goes
 * when its connection is collected.
 */
export function perConnection<C extends object, T>(build: (conn: C) => T): (conn: C) => T {
  const byConn = new WeakMap<C, T>();
  return (conn) => {
    let v = byConn.get(conn);
    if (v === undefined) {
      v = build(conn);
      byConn.set(conn, v);
    }
    return v;
  };
}

/**
 * Raw better-sqlite3 statements prepared once per connection instead of on every call, for the
 * look-ups that run most often: the audit chain head every write reads (db/audit-chains.ts), the
 * data versions every dashboard figure asks for (db/queries/dashboard-memo.ts).
 */
export function preparedStatement<T>(prepare: (conn: Database.Database) => T): (conn: Database.Database) => T {
  return perConnection(prepare);
}
