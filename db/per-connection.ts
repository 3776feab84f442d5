// The per-connection cache under every statement prepared once: raw better-sqlite3 statements
// call `perConnection` directly, drizzle's go through `preparedQuery` in db/prepared.ts. No
// 'server-only' and no runtime import: db/audit-chains.ts uses it, and the `npm run audit:verify`
// and crash-test scripts load that under tsx, where 'server-only' throws.

/**
 * `build(conn)` once per connection, on first use, then the same value for that connection: the
 * statements that run most often (the audit chain head every write reads, the data versions every
 * dashboard figure asks for) are prepared once instead of on every call.
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
