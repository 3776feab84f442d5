// Rounds still out of a lot (ARCHITECTURE.md: ammunition chain) are summed on every hand-out and
// return of ammunition. Without an index of their own SQLite found them by skip-scanning
// handoffs_production_returned when it had statistics (about 2 ms at 200k hand-offs) and by
// reading every hand-off when it had none. handoffs_ammo_lot_open holds only hand-offs not yet
// back, with their rounds, so each sum is one short index range.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-ammo-plan-'));
const handle = openDatabase(path.join(dir, 'setsafe.db'));
afterAll(() => {
  handle.sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const plan = (sql: string, ...args: string[]) => (handle.sqlite.prepare(`explain query plan ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('rounds out of a lot, on a database with no statistics', () => {
  it('one lot (hand-out, return): a covering seek on handoffs_ammo_lot_open', () => {
    expect(plan('select coalesce(sum(rounds_out), 0) from handoffs where ammo_lot_id = ? and returned_at is null', 'lot')).toBe(
      'SEARCH handoffs USING COVERING INDEX handoffs_ammo_lot_open (ammo_lot_id=?)',
    );
  });
  it('the lots of a page, grouped', () => {
    expect(plan('select ammo_lot_id, sum(rounds_out) from handoffs where ammo_lot_id in (?, ?) and returned_at is null group by ammo_lot_id', 'a', 'b')).toContain(
      'USING COVERING INDEX handoffs_ammo_lot_open (ammo_lot_id=?)',
    );
  });
});
