import 'server-only';
import Database from 'better-sqlite3';
import { databasePath } from '@/db/paths';

// A download's own snapshot of the database (ARCHITECTURE.md: exports in constant memory): the
// exports and the firearms report's files read their rows and the chain head printed on the file
// from ONE read transaction on a connection of the download's own, held open while the file
// streams (WAL lets the app's writer carry on meanwhile).

/** A read-only connection with an open read transaction (its snapshot is fixed by the first read). */
export function snapshot(): { conn: Database.Database; close: () => void } {
  const conn = new Database(databasePath(), { readonly: true, fileMustExist: true });
  conn.pragma('busy_timeout = 5000');
  // No memory map here: a streamed export reads every page of its table once, and mapped pages
  // would count against the process for the whole read. A small page cache is all a scan needs.
  conn.pragma('mmap_size = 0');
  conn.pragma('cache_size = -8192');
  conn.exec('begin');
  let closed = false;
  // Once only: the end of the rows, a failed read and a cancelled download may each call it.
  const close = () => {
    if (closed) return;
    closed = true;
    if (conn.inTransaction) conn.exec('commit');
    conn.close();
  };
  return { conn, close };
}
