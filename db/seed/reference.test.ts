import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../client';
import { caseContentHash, referenceRows, seedCaseVersion, seedReferenceCases } from './reference';
import { createVersion1Database, version1Rows, VERSION_1_LOCKED_AT } from './reference-v1';
import { RUST_CASE, RUST_CASE_ID, RUST_CASE_VERSION, RUST_CORRECTIONS } from './rust-case';

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
    rows: sqlite.prepare('select id, case_id, version, kind, seq, data from reference_records order by id').all(),
    locks: sqlite.prepare('select * from reference_locks').all(),
    versions: sqlite.prepare('select * from reference_versions').all(),
  });

describe('seeding the Rust reference case', () => {
  it('a fresh database gets the whole case, locked, on first open, and no production', () => {
    const { sqlite } = openSeeded(fresh());
    const count = (kind: string) => (sqlite.prepare('select count(*) n from reference_records where case_id = ? and kind = ? and version = ?').get(RUST_CASE_ID, kind, RUST_CASE_VERSION) as { n: number }).n;
    expect(count('event')).toBe(RUST_CASE.events.length);
    expect(count('source')).toBe(RUST_CASE.sources.length);
    expect(count('person')).toBe(RUST_CASE.people.length);
    expect(count('failure_point')).toBe(8);
    expect(count('case')).toBe(1);
    expect(sqlite.prepare('select case_id from reference_locks').all()).toEqual([{ case_id: RUST_CASE_ID }]);
    // A fresh database holds only the current version, sealed, with its correction log.
    expect(sqlite.prepare('select version, content_hash, corrections from reference_versions').all()).toEqual([
      { version: RUST_CASE_VERSION, content_hash: caseContentHash(RUST_CASE, RUST_CORRECTIONS), corrections: JSON.stringify(RUST_CORRECTIONS) },
    ]);
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
    expect(() =>
      sqlite.prepare('insert into reference_records (id, case_id, version, kind, seq, data) values (?, ?, ?, ?, ?, ?)').run('rust@2:event:extra', RUST_CASE_ID, RUST_CASE_VERSION, 'event', 999, '{}'),
    ).toThrow(/read-only/);
    expect(() => sqlite.prepare('update reference_versions set corrections = ?').run('[]')).toThrow(/read-only/);
    expect(() => sqlite.prepare('delete from reference_versions').run()).toThrow(/read-only/);
    expect(() => sqlite.prepare('update reference_locks set locked_at = 0').run()).toThrow(/read-only/);
    expect(() => sqlite.prepare('delete from reference_locks').run()).toThrow(/read-only/);
    expect(row.id).toBe('rust:case:rust');
    expect(referenceRows(RUST_CASE_ID, RUST_CASE, 2)[0].id).toBe('rust@2:case:rust');
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
    const events = sqlite.prepare("select data from reference_records where kind = 'event' and version = ? order by seq").all(RUST_CASE_VERSION) as { data: string }[];
    expect(events.map((e) => JSON.parse(e.data))).toEqual(RUST_CASE.events);
    sqlite.close();
  });
});

describe('corrections reach a database that exists', () => {
  it('a database seeded with version 1 (before versions existed) gets the current version on start; version 1 stays as it was', () => {
    const file = fresh();
    createVersion1Database(file);
    const v1 = new Database(file);
    const v1Rows = v1.prepare('select id, case_id, kind, seq, data from reference_records order by id').all();
    expect(v1Rows).toHaveLength(version1Rows().length);
    v1.close();

    const { sqlite } = openSeeded(file);
    const versions = sqlite.prepare('select version, content_hash, published_at, corrections from reference_versions order by version').all() as {
      version: number;
      content_hash: string | null;
      published_at: number;
      corrections: string;
    }[];
    expect(versions.map((v) => v.version)).toEqual([1, RUST_CASE_VERSION]);
    // Version 1: published when it was first locked, no hash known, no corrections.
    expect(versions[0]).toMatchObject({ content_hash: null, published_at: VERSION_1_LOCKED_AT, corrections: '[]' });
    expect(versions[1].content_hash).toBe(caseContentHash(RUST_CASE, RUST_CORRECTIONS));
    expect(JSON.parse(versions[1].corrections)).toEqual(RUST_CORRECTIONS);
    // The old rows are untouched (now tagged version 1); the new ones sit beside them.
    expect(sqlite.prepare('select id, case_id, kind, seq, data from reference_records where version = 1 order by id').all()).toEqual(v1Rows);
    const newEvents = sqlite.prepare("select data from reference_records where version = ? and kind = 'event' order by seq").all(RUST_CASE_VERSION) as { data: string }[];
    expect(newEvents.map((e) => JSON.parse(e.data))).toEqual(RUST_CASE.events);
    // Sealed: neither version takes a row, and reopening adds nothing.
    expect(() => sqlite.prepare("insert into reference_records (id, case_id, version, kind, seq, data) values ('rust:event:x', 'rust', 1, 'event', 99, '{}')").run()).toThrow(/read-only/);
    const before = snapshot(sqlite);
    sqlite.close();
    const again = openSeeded(file);
    expect(snapshot(again.sqlite)).toBe(before);
    again.sqlite.close();
  });

  it('a database holding version 2 gets the current version beside it on start, and version 2 stays readable as it was', () => {
    // Version 2 as it was stored: the seed before version 3's changes (one injured person per
    // report stated as a limit, the federal clocks), with its one correction-log entry.
    const v2Case = { ...RUST_CASE, info: { ...RUST_CASE.info, jurisdiction: undefined, modelLimits: [{ text: 'SetSafe today stores one injured person per report.', sources: ['VUL-1021'] }] } };
    const file = fresh();
    const handle = openDatabase(file);
    handle.db.transaction((tx) => seedCaseVersion(tx, RUST_CASE_ID, v2Case, 2, RUST_CORRECTIONS.slice(0, 1), new Date('2026-12-01T09:00:00Z')), { behavior: 'immediate' });
    const v2Rows = handle.sqlite.prepare('select id, data from reference_records where version = 2 order by id').all();
    handle.sqlite.close();

    const { sqlite } = openSeeded(file);
    expect(sqlite.prepare('select version from reference_versions order by version').all()).toEqual([{ version: 2 }, { version: RUST_CASE_VERSION }]);
    expect(sqlite.prepare('select id, data from reference_records where version = 2 order by id').all()).toEqual(v2Rows);
    const info = (v: number) => JSON.parse((sqlite.prepare("select data from reference_records where version = ? and kind = 'case'").get(v) as { data: string }).data);
    expect(info(2).jurisdiction).toBeUndefined();
    expect(info(RUST_CASE_VERSION).jurisdiction).toBe('new_mexico');
    const log = JSON.parse((sqlite.prepare('select corrections from reference_versions where version = ?').get(RUST_CASE_VERSION) as { corrections: string }).corrections);
    expect(log.map((c: { version: number }) => c.version)).toEqual([2, 3, 4]);
    sqlite.close();
  });

  it('the seed content is pinned: changing the case means a new version number and a correction-log entry', () => {
    // If this fails, you changed db/seed/rust-case.ts: bump RUST_CASE_VERSION, add a
    // RUST_CORRECTIONS entry saying what changed, then pin the new hash here.
    expect(RUST_CASE_VERSION).toBe(4);
    expect(RUST_CORRECTIONS.at(-1)?.version).toBe(RUST_CASE_VERSION);
    expect(caseContentHash(RUST_CASE, RUST_CORRECTIONS)).toBe('49e0762d505f0ff3954ba929c902aca745a7e1bb0902c33ec8843f0a5129a8d8');
  });
});
