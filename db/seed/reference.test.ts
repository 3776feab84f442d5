import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../client';
import { referenceRows, seedReferenceCases } from './reference';
import { RUST_CASE, RUST_CASE_ID } from './rust-case';

/** Opens the database and seeds it, as the server's start (instrumentation.ts) and db:migrate do. */
function openSeeded(file: string) {
  const handle = openDatabase(file);
  seedReferenceCases(handle.db);
  return handle;
}

const dirs: string[] = [];
function fresh() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-ref-'));
  dirs.push(dir);
  return path.join(dir, 'test.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const snapshot = (sqlite: import('better-sqlite3').Database) =>
  JSON.stringify({
    rows: sqlite.prepare('select id, case_id, kind, seq, data from reference_records order by id').all(),
    locks: sqlite.prepare('select * from reference_locks').all(),
  });

describe('seeding the Rust reference case', () => {
  it('a fresh database gets the whole case, locked, on first open, and no production', () => {
    const { sqlite } = openSeeded(fresh());
    const count = (kind: string) => (sqlite.prepare('select count(*) n from reference_records where case_id = ? and kind = ?').get(RUST_CASE_ID, kind) as { n: number }).n;
    expect(count('event')).toBe(RUST_CASE.events.length);
    expect(count('source')).toBe(RUST_CASE.sources.length);
    expect(count('person')).toBe(RUST_CASE.people.length);
    expect(count('failure_point')).toBe(8);
    expect(count('case')).toBe(1);
    expect(sqlite.prepare('select case_id from reference_locks').all()).toEqual([{ case_id: RUST_CASE_ID }]);
    // Kept out of switchers, dashboards and benchmarks: it is not a production.
    expect((sqlite.prepare('select count(*) n from productions').get() as { n: number }).n).toBe(0);
    sqlite.close();
  });

  it('refuses INSERT, UPDATE and DELETE on the seeded records and on the lock', () => {
    const { sqlite } = openSeeded(fresh());
    const before = snapshot(sqlite);
    const [row] = referenceRows(RUST_CASE_ID, RUST_CASE);
    expect(() => sqlite.prepare("update reference_records set data = '{}' where kind = 'event'").run()).toThrow(/read-only/);
    expect(() => sqlite.prepare("delete from reference_records where case_id = 'rust'").run()).toThrow(/read-only/);
    expect(() =>
      sqlite.prepare('insert into reference_records (id, case_id, kind, seq, data) values (?, ?, ?, ?, ?)').run('rust:event:extra', RUST_CASE_ID, 'event', 999, '{}'),
    ).toThrow(/read-only/);
    expect(() => sqlite.prepare('update reference_locks set locked_at = 0').run()).toThrow(/read-only/);
    expect(() => sqlite.prepare('delete from reference_locks').run()).toThrow(/read-only/);
    expect(row.id).toBe('rust:case:rust');
    expect(snapshot(sqlite)).toBe(before);
    sqlite.close();
  });

  it('seeding twice, or reopening the database, changes nothing', () => {
    const file = fresh();
    const first = openSeeded(file);
    const before = snapshot(first.sqlite);
    seedReferenceCases(first.db, new Date('2030-01-01T00:00:00Z'));
    seedReferenceCases(first.db);
    expect(snapshot(first.sqlite)).toBe(before);
    first.sqlite.close();
    const again = openSeeded(file);
    expect(snapshot(again.sqlite)).toBe(before);
    again.sqlite.close();
  });

  it('the stored records read back as the typed case', () => {
    const { sqlite } = openSeeded(fresh());
    const events = sqlite.prepare("select data from reference_records where kind = 'event' order by seq").all() as { data: string }[];
    expect(events.map((e) => JSON.parse(e.data))).toEqual(RUST_CASE.events);
    sqlite.close();
  });
});
