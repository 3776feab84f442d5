// The hand-written data move of db/migrations/0013_injured_people_move.sql (ARCHITECTURE.md: OSHA
// recordkeeping): a database made before injured_people, holding an injury in incident_injuries,
// keeps every Form 301 field and clock as injured person 1 once the later migrations run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';

const source = path.join(process.cwd(), 'db/migrations');

/** A copy of the migrations folder whose journal stops before `tag`. */
function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-mig-'));
  fs.cpSync(source, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const stop = journal.entries.findIndex((e) => e.tag === tag);
  expect(stop).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, stop);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe('migration: incident_injuries → injured_people', () => {
  it('moves an existing injury with every field and clock, then drops the old table', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-db-')), 'old.db');
    const sqlite = new Database(file);
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: migrationsBefore('0012_injured_people') });

    const t = Date.parse('2026-11-20T18:00:00Z');
    sqlite.prepare(`insert into users (id, email, name, password_hash, created_at) values ('u1', 'p@example.test', 'Pat Producer', 'x', ?)`).run(t);
    sqlite.prepare(`insert into productions (id, title, company, time_zone, report_token, created_at) values ('p1', 'Old Show', 'Co', 'America/Denver', 'tok', ?)`).run(t);
    const inc = (id: string, n: number) =>
      sqlite.prepare(`insert into incidents (id, production_id, number, reporter_id, type, reported_at, location, description, updated_at) values (?, 'p1', ?, 'u1', 'injury', ?, 'Stage 2', 'Burn', ?)`).run(id, n, t, t);
    inc('i1', 1);
    inc('i2', 2);
    sqlite
      .prepare(
        `insert into incident_injuries (incident_id, employee_name, employee_address, physician_name, emergency_room, hospitalized_inpatient, case_number,
           injury_description, died, death_date, amputation, loss_of_eye, osha_reported_at, form301_completed_at, completed_by, updated_at)
         values ('i1', 'Jo Private', '1 Secret Lane', 'Dr Hidden', 1, 1, 'C-7', 'Second-degree burn', 0, null, 0, 1, ?, ?, 'Pat', ?)`,
      )
      .run(t + 3_600_000, t + 86_400_000, t);

    migrate(db, { migrationsFolder: source });

    const rows = sqlite.prepare('select * from injured_people order by incident_id').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1); // i2 had no Form 301 section: no person is invented
    expect(rows[0]).toMatchObject({
      incident_id: 'i1', ordinal: 1, employee_name: 'Jo Private', employee_address: '1 Secret Lane', physician_name: 'Dr Hidden',
      emergency_room: 1, hospitalized_inpatient: 1, case_number: 'C-7', injury_description: 'Second-degree burn', died: 0, loss_of_eye: 1,
      osha_reported_at: t + 3_600_000, form301_completed_at: t + 86_400_000, completed_by: 'Pat', updated_at: t, first_aid: '[]', recordability: null,
    });
    // A version-4 UUID, as the app makes its ids (zod's uuid check accepts it).
    expect(rows[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sqlite.prepare(`select count(*) as n from sqlite_master where name = 'incident_injuries'`).get()).toEqual({ n: 0 });
    expect(sqlite.prepare(`select jurisdiction from productions`).get()).toEqual({ jurisdiction: 'federal' });
    sqlite.close();
  });
});

describe('migration: the ammunition ledger of lots recorded before it', () => {
  it('rebuilds each lot’s ledger from its hand-offs so that it sums to the stored count', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-db-')), 'old.db');
    const sqlite = new Database(file);
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: migrationsBefore('0021_ammunition_chain') });

    const t = Date.parse('2026-11-20T18:00:00Z');
    sqlite.prepare(`insert into users (id, email, name, password_hash, created_at) values ('u1', 'a@example.test', 'Ana Armorer', 'x', ?)`).run(t);
    sqlite.prepare(`insert into users (id, email, name, password_hash, created_at) values ('u2', 'c@example.test', 'Cal Actor', 'x', ?)`).run(t);
    sqlite.prepare(`insert into productions (id, title, company, time_zone, report_token, created_at) values ('p1', 'Old Show', 'Co', 'America/Denver', 'tok', ?)`).run(t);
    // 50 received; hand-off A: 12 out, 4 fired, 6 back (2 unaccounted for); hand-off B: 4 out, still out. 50 − 6 − 4 = 40 on hand.
    sqlite.prepare(`insert into ammo_lots (id, production_id, kind, calibre, count_on_hand, supplier, lot_number, received_on, inspected_by_id, inspected_at, created_at) values ('l1', 'p1', 'blank', '.45 Colt', 40, 'Prop House', 'B-1', '2026-11-20', 'u1', ?, ?)`).run(t, t);
    sqlite.prepare(`insert into ammo_lots (id, production_id, kind, calibre, count_on_hand, supplier, lot_number, received_on, inspected_by_id, inspected_at, created_at) values ('l2', 'p1', 'dummy', '.45 Colt', 24, 'Prop House', 'D-1', '2026-11-20', 'u1', ?, ?)`).run(t, t);
    sqlite.prepare(`insert into firearms (id, production_id, tag, make, model, kind, created_at) values ('f1', 'p1', 'R-1', 'Uberti', '1873', 'blank_firing', ?)`).run(t);
    sqlite.prepare(`insert into firearm_checks (id, production_id, firearm_id, phase, scene, checklist, result, performed_by_id, performed_at) values ('c1', 'p1', 'f1', 'before_use', '12A', '{}', 'pass', 'u1', ?)`).run(t);
    const handoff = (id: string, out: number, fired: number | null, back: number | null, returnedAt: number | null) =>
      sqlite
        .prepare(`insert into handoffs (id, production_id, firearm_id, check_id, from_id, to_id, scene, ammo_lot_id, rounds_out, handed_at, returned_at, received_by_id, rounds_back, rounds_fired) values (?, 'p1', 'f1', 'c1', 'u1', 'u2', '12A', 'l1', ?, ?, ?, ?, ?, ?)`)
        .run(id, out, t + 60_000, returnedAt, returnedAt ? 'u1' : null, back, fired);
    handoff('h1', 12, 4, 6, t + 3_600_000);
    handoff('h2', 4, null, null, null);

    migrate(db, { migrationsFolder: source });

    const ledger = (lot: string) => sqlite.prepare('select kind, delta, rounds, handoff_id from ammo_movements where lot_id = ? order by kind, handoff_id').all(lot);
    expect(ledger('l1')).toEqual([
      { kind: 'fired', delta: 0, rounds: 4, handoff_id: 'h1' },
      { kind: 'issued', delta: -12, rounds: 12, handoff_id: 'h1' },
      { kind: 'issued', delta: -4, rounds: 4, handoff_id: 'h2' },
      { kind: 'missing', delta: 0, rounds: 2, handoff_id: 'h1' },
      { kind: 'received', delta: 50, rounds: 50, handoff_id: null },
      { kind: 'returned', delta: 6, rounds: 6, handoff_id: 'h1' },
    ]);
    expect(ledger('l2')).toEqual([{ kind: 'received', delta: 24, rounds: 24, handoff_id: null }]);
    const sums = sqlite.prepare('select l.id, l.count_on_hand, l.count_received, l.status, (select sum(delta) from ammo_movements m where m.lot_id = l.id) as ledger from ammo_lots l order by l.id').all();
    expect(sums).toEqual([
      { id: 'l1', count_on_hand: 40, count_received: 50, status: 'in_store', ledger: 40 },
      { id: 'l2', count_on_hand: 24, count_received: 24, status: 'in_store', ledger: 24 },
    ]);
  });
});
