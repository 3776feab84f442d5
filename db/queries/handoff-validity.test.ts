// handoffs.check_valid is kept by triggers (ARCHITECTURE.md: performance budget, kept aggregates).
// Property: after any sequence of the writes that can change it — checks, witnesses named,
// confirmed or removed, hand-offs, returns, a check corrected, a hand-off removed — every row's
// kept value equals rule 2's test evaluated afresh on the record.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-validity-'));
process.env.DATABASE_PATH = path.join(dir, 'setsafe.db');
const { getSqlite } = await import('@/db/client');

/**
 * Rule 2's test for one hand-off, evaluated on the record (what the dashboard used to run per view),
 * written here apart from the migration's view so that a change to either shows.
 */
const FRESH = `select h.id, (
    exists (select 1 from firearm_checks c where c.id = h.check_id
      and c.result = 'pass' and c.phase = 'before_use' and c.firearm_id = h.firearm_id and c.performed_at <= h.handed_at
      and exists (select 1 from check_witnesses w where w.check_id = c.id)
      and not exists (select 1 from check_witnesses w where w.check_id = c.id and (w.confirmed_at is null or w.confirmed_at > h.handed_at))
      and coalesce((select p.returned_at from handoffs p where p.firearm_id = h.firearm_id and p.handed_at < h.handed_at
                    order by p.handed_at desc limit 1), 0) <= c.performed_at)) as valid
  from handoffs h order by h.id`;

const FIREARMS = ['f1', 'f2'];
const USERS = ['u1', 'u2', 'u3'];

type Op =
  | { k: 'check'; f: number; t: number; pass: boolean; before: boolean }
  | { k: 'witness'; c: number; u: number; confirmedAt: number | null }
  | { k: 'confirm'; c: number; u: number; t: number }
  | { k: 'unwitness'; c: number; u: number }
  | { k: 'handoff'; f: number; same: boolean; c: number; t: number }
  | { k: 'return'; h: number; t: number }
  | { k: 'recheck'; c: number; t: number; pass: boolean }
  | { k: 'remove'; h: number };

const t = fc.integer({ min: 1, max: 12 });
// Few checks, witnesses and weapons, mostly passed before-use checks: so that writes meet the same rows.
const mostly = fc.integer({ min: 0, max: 4 }).map((x) => x > 0);
const few = fc.nat(3);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('check' as const), f: fc.nat(1), t, pass: mostly, before: mostly }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('witness' as const), c: few, u: fc.nat(1), confirmedAt: fc.option(t, { nil: null, freq: 4 }) }) },
  fc.record({ k: fc.constant('confirm' as const), c: few, u: fc.nat(1), t }),
  fc.record({ k: fc.constant('unwitness' as const), c: few, u: fc.nat(1) }),
  { weight: 3, arbitrary: fc.record({ k: fc.constant('handoff' as const), f: fc.nat(1), same: mostly, c: few, t }) },
  fc.record({ k: fc.constant('return' as const), h: few, t }),
  fc.record({ k: fc.constant('recheck' as const), c: few, t, pass: mostly }),
  fc.record({ k: fc.constant('remove' as const), h: few }),
);

describe('handoffs.check_valid, kept by triggers', () => {
  beforeAll(() => {
    const sq = getSqlite();
    // DROP_TRIGGER=<name> shows the property catches that trigger's absence (each one does).
    if (process.env.DROP_TRIGGER) sq.exec(`drop trigger ${process.env.DROP_TRIGGER}`);
    sq.prepare("insert into productions (id, title, company, time_zone, phase, report_token, created_at) values ('p', 'P', 'Co', 'UTC', 'shooting', 'tok', 0)").run();
    for (const u of USERS) sq.prepare('insert into users (id, email, name, created_at) values (?, ?, ?, 0)').run(u, `${u}@t.test`, u);
    for (const f of FIREARMS) sq.prepare("insert into firearms (id, production_id, tag, make, model, kind, created_at) values (?, 'p', ?, 'M', 'X', 'blank_firing', 0)").run(f, f);
  });

  // A generous timeout: a property of many runs is slow on a loaded machine, and its speed is not what is tested.
  it('equals rule 2 evaluated afresh after any sequence of writes', { timeout: 120_000 }, () => {
    const sq = getSqlite();
    const S = {
      check: sq.prepare("insert into firearm_checks (id, production_id, firearm_id, phase, scene, checklist, result, performed_by_id, performed_at) values (?, 'p', ?, ?, 's', '{}', ?, 'u1', ?)"),
      witness: sq.prepare('insert or ignore into check_witnesses (check_id, user_id, confirmed_at) values (?, ?, ?)'),
      confirm: sq.prepare('update check_witnesses set confirmed_at = ? where check_id = ? and user_id = ?'),
      unwitness: sq.prepare('delete from check_witnesses where check_id = ? and user_id = ?'),
      firearmOf: sq.prepare('select firearm_id from firearm_checks where id = ?').pluck(),
      handoff: sq.prepare("insert into handoffs (id, production_id, firearm_id, check_id, from_id, to_id, scene, handed_at) values (?, 'p', ?, ?, 'u1', 'u2', 's', ?)"),
      return: sq.prepare('update handoffs set returned_at = ? where id = ?'),
      recheck: sq.prepare('update firearm_checks set performed_at = ?, result = ? where id = ?'),
      remove: sq.prepare('delete from handoffs where id = ?'),
      kept: sq.prepare('select id, check_valid as valid from handoffs order by id'),
      fresh: sq.prepare(FRESH),
    };
    let run = 0;
    let valid = 0;
    let rows = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 8, maxLength: 30, size: 'max' }), (ops) => {
        run++;
        // One transaction per run: the triggers fire the same, without a disk sync per statement.
        sq.exec('begin');
        sq.exec('delete from handoffs; delete from check_witnesses; delete from firearm_checks;');
        const checks: string[] = [];
        const hands: string[] = [];
        let serial = 0;
        for (const o of ops) {
          const c = checks.length ? checks[('c' in o ? o.c : 0) % checks.length] : null;
          const h = hands.length ? hands[('h' in o ? o.h : 0) % hands.length] : null;
          if (o.k === 'check') {
            const id = `c${run}-${checks.length}`;
            checks.push(id);
            S.check.run(id, FIREARMS[o.f], o.before ? 'before_use' : 'after_use', o.pass ? 'pass' : 'fail', o.t);
          } else if (o.k === 'witness' && c) {
            S.witness.run(c, USERS[o.u], o.confirmedAt);
          } else if (o.k === 'confirm' && c) {
            S.confirm.run(o.t, c, USERS[o.u]);
          } else if (o.k === 'unwitness' && c) {
            S.unwitness.run(c, USERS[o.u]);
          } else if (o.k === 'handoff' && c) {
            const id = `h${run}-${serial++}`;
            hands.push(id);
            S.handoff.run(id, o.same ? S.firearmOf.get(c) : FIREARMS[o.f], c, o.t);
          } else if (o.k === 'return' && h) {
            S.return.run(o.t, h);
          } else if (o.k === 'recheck' && c) {
            S.recheck.run(o.t, o.pass ? 'pass' : 'fail', c);
          } else if (o.k === 'remove' && h) {
            S.remove.run(h);
            hands.splice(hands.indexOf(h), 1);
          }
        }
        const kept = S.kept.all() as { valid: number }[];
        valid += kept.filter((r) => r.valid).length;
        rows += kept.length;
        const fresh = S.fresh.all();
        sq.exec('commit');
        expect(kept).toEqual(fresh);
      }),
      { numRuns: 1000 },
    );
    // The generator must reach both answers often, or the property says little.
    expect(valid / rows).toBeGreaterThan(0.05);
    expect(valid / rows).toBeLessThan(0.95);
  });

  it('a hand-off on a witnessed, confirmed before-use check is valid; a return before the next check keeps the next valid', () => {
    const sq = getSqlite();
    sq.exec('delete from handoffs; delete from check_witnesses; delete from firearm_checks;');
    const add = sq.prepare("insert into firearm_checks (id, production_id, firearm_id, phase, scene, checklist, result, performed_by_id, performed_at) values (?, 'p', 'f1', 'before_use', 's', '{}', 'pass', 'u1', ?)");
    add.run('a', 10);
    sq.prepare("insert into check_witnesses (check_id, user_id, confirmed_at) values ('a', 'u2', 11)").run();
    sq.prepare("insert into handoffs (id, production_id, firearm_id, check_id, from_id, to_id, scene, handed_at) values ('h1', 'p', 'f1', 'a', 'u1', 'u2', 's', 12)").run();
    // The same check reused for a second hand-off while the first is still out: not valid.
    sq.prepare("insert into handoffs (id, production_id, firearm_id, check_id, from_id, to_id, scene, handed_at) values ('h2', 'p', 'f1', 'a', 'u1', 'u2', 's', 20)").run();
    const valid = () => Object.fromEntries((sq.prepare('select id, check_valid v from handoffs').all() as { id: string; v: number }[]).map((r) => [r.id, r.v]));
    expect(valid()).toEqual({ h1: 1, h2: 1 });
    // The first comes back after the check was made: the second's check predates that return.
    sq.prepare("update handoffs set returned_at = 15 where id = 'h1'").run();
    expect(valid()).toEqual({ h1: 1, h2: 0 });
    // The first hand-off removed (never in the app; a repair by hand): the second has no earlier return to predate.
    sq.prepare("delete from handoffs where id = 'h1'").run();
    expect(valid()).toEqual({ h2: 1 });
  });
});
