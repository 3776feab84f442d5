// A database as it stood before reference data was versioned: today's first four migrations and
// the Rust case as first published (version 1, frozen in fixtures/rust-case-v1.json), locked.
// The upgrade tests (unit and e2e) start the app on it and look for the correction log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

const ROOT = path.resolve(__dirname, '../..');
export const VERSION_1_MIGRATIONS = 4; // 0000_init .. 0003_dashboard_covering_indexes
export const VERSION_1_LOCKED_AT = Date.UTC(2026, 10, 30, 12, 0, 0);

type Row = { id: string; caseId: string; kind: string; seq: number; data: unknown };

export function version1Rows(): Row[] {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'db/seed/fixtures/rust-case-v1.json'), 'utf8')) as Row[];
}

export function createVersion1Database(file: string): void {
  const migrations = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-v1-migrations-'));
  try {
    const src = path.join(ROOT, 'db/migrations');
    const journal = JSON.parse(fs.readFileSync(path.join(src, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const entries = journal.entries.slice(0, VERSION_1_MIGRATIONS);
    fs.mkdirSync(path.join(migrations, 'meta'));
    fs.writeFileSync(path.join(migrations, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const e of entries) fs.copyFileSync(path.join(src, `${e.tag}.sql`), path.join(migrations, `${e.tag}.sql`));

    fs.mkdirSync(path.dirname(file), { recursive: true });
    const sqlite = new Database(file);
    try {
      sqlite.pragma('journal_mode = WAL');
      migrate(drizzle(sqlite), { migrationsFolder: migrations });
      const insert = sqlite.prepare('insert into reference_records (id, case_id, kind, seq, data) values (?, ?, ?, ?, ?)');
      sqlite.transaction(() => {
        for (const r of version1Rows()) insert.run(r.id, r.caseId, r.kind, r.seq, JSON.stringify(r.data));
        sqlite.prepare('insert into reference_locks (case_id, locked_at) values (?, ?)').run('rust', VERSION_1_LOCKED_AT);
      })();
    } finally {
      sqlite.close();
    }
  } finally {
    fs.rmSync(migrations, { recursive: true, force: true });
  }
}
