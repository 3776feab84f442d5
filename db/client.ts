import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { databasePath } from './paths';
import { discardPendingHeads, flushChainHeads } from './chain-heads';

export type DB = BetterSQLite3Database<typeof schema>;
/** The transaction handle passed to synchronous transaction callbacks. */
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];

type Handle = { sqlite: Database.Database; db: DB };

// One connection per process, opened lazily so `next build` never creates a database file.
const globalForDb = globalThis as unknown as { __setsafeDb?: Handle };

export function migrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');
}

/**
 * Every connection's settings; the benchmark's raw-insert floor applies the same list.
 * synchronous=FULL: a commit is on disk before it is acknowledged (ARCHITECTURE.md: durability).
 * mmap and a larger page cache (ARCHITECTURE.md: performance budget): at a large production's scale (100k incidents, 1M
 * checks) the dashboard's index look-ups read pages straight from the OS cache instead of copying
 * each one through SQLite's default 2 MB cache; reads only, commits and fsyncs are unchanged.
 */
export const CONNECTION_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
  'mmap_size = 1073741824',
  'cache_size = -65536',
] as const;

export function openDatabase(file = databasePath()): Handle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  for (const p of CONNECTION_PRAGMAS) sqlite.pragma(p);
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsFolder() });
  return { sqlite, db };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Drizzle compiles a fresh better-sqlite3 statement for every query it runs (ARCHITECTURE.md: performance budget; about a
 * twentieth of a filing's CPU). The connection keeps the compiled statements by SQL text instead.
 * A statement still being iterated is busy, so that caller gets a fresh one; a reused statement is
 * reset to plain row mode because callers switch .raw()/.pluck()/.expand() on the ones they get.
 */
function cacheStatements(sqlite: Database.Database): void {
  const compile = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const hit = statements.get(source);
    if (hit && !hit.busy) {
      if (hit.reader) hit.raw(false).pluck(false).expand(false);
      return hit;
    }
    const stmt = compile(source);
    if (!hit) {
      statements.set(source, stmt);
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
    }
    return stmt;
  }) as typeof sqlite.prepare;
}

function handle(): Handle {
  if (!globalForDb.__setsafeDb) globalForDb.__setsafeDb = openDatabase();
  return globalForDb.__setsafeDb;
}

/** The app's database. Writes use `write()` so every one is an immediate transaction. */
export function getDb(): DB {
  return handle().db;
}

export function getSqlite(): Database.Database {
  return handle().sqlite;
}

/**
 * Runs `fn` in a BEGIN IMMEDIATE transaction: the write lock is taken up front, so two writers
 * (the app, a backup, a test helper) never interleave and the audit chain never forks.
 * The callback must be synchronous (better-sqlite3).
 */
export function write<T>(fn: (tx: Tx) => T): T {
  return writeWith(getDb(), fn);
}

/** `write` against a given database (tests and scripts open their own). */
export function writeWith<T>(db: DB, fn: (tx: Tx) => T): T {
  discardPendingHeads();
  try {
    const result = db.transaction(fn, { behavior: 'immediate' });
    flushChainHeads();
    return result;
  } catch (err) {
    discardPendingHeads();
    throw err;
  }
}
