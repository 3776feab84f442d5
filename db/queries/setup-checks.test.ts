// firearm_setup_checks is kept by triggers (ARCHITECTURE.md: performance budget, growth): after any
// run of checks written, corrected, moved or removed, it holds exactly each weapon's newest
// before-use check per scene text (ties on time: the greater id), as counted afresh.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-setup-checks-'));
process.env.DATABASE_PATH = path.join(dir, 'setsafe.db');
const { getSqlite } = await import('@/db/client');

const FRESH = `select firearm_id, scene, id as check_id, performed_at, result from (
    select *, row_number() over (partition by firearm_id, scene order by performed_at desc, id desc) as k
    from firearm_checks where phase = 'before_use') where k = 1 order by firearm_id, scene`;
const KEPT = 'select firearm_id, scene, check_id, performed_at, result from firearm_setup_checks order by firearm_id, scene';

const f = fc.constantFrom('f1', 'f2');
const scene = fc.constantFrom('Sc 4', 'Sc 7', 'sc 4 ');
const phase = fc.constantFrom('before_use', 'before_use', 'after_use');
const t = fc.integer({ min: 1, max: 6 });
const op = fc.oneof(
  { weight: 4, arbitrary: fc.record({ k: fc.constant('add' as const), f, scene, phase, t, pass: fc.boolean() }) },
  fc.record({ k: fc.constant('edit' as const), i: fc.nat(20), f, scene, phase, t, pass: fc.boolean() }),
  fc.record({ k: fc.constant('remove' as const), i: fc.nat(20) }),
);

describe('firearm_setup_checks, kept by triggers', () => {
  beforeAll(() => {
    const sq = getSqlite();
    sq.prepare("insert into productions (id, title, company, time_zone, phase, report_token, created_at) values ('p', 'P', 'Co', 'UTC', 'shooting', 'tok', 0)").run();
    sq.prepare("insert into users (id, email, name, created_at) values ('u', 'u@t.test', 'U', 0)").run();
    for (const id of ['f1', 'f2']) sq.prepare("insert into firearms (id, production_id, tag, make, model, kind, created_at) values (?, 'p', ?, 'M', 'X', 'blank_firing', 0)").run(id, id);
  });

  it('equals the newest before-use check per weapon and scene text, counted afresh', () => {
    const sq = getSqlite();
    const add = sq.prepare("insert into firearm_checks (id, production_id, firearm_id, phase, scene, checklist, result, performed_by_id, performed_at) values (?, 'p', ?, ?, ?, '{}', ?, 'u', ?)");
    const edit = sq.prepare('update firearm_checks set firearm_id = ?, phase = ?, scene = ?, performed_at = ?, result = ? where id = ?');
    const remove = sq.prepare('delete from firearm_checks where id = ?');
    let serial = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        sq.exec('begin'); // one transaction per run: the triggers fire the same, without a disk sync per statement
        sq.exec('delete from firearm_checks');
        const ids: string[] = [];
        for (const o of ops) {
          if (o.k === 'add') {
            const id = `c${String(serial++).padStart(6, '0')}`;
            ids.push(id);
            add.run(id, o.f, o.phase, o.scene, o.pass ? 'pass' : 'fail', o.t);
          } else if (ids.length && o.k === 'edit') {
            edit.run(o.f, o.phase, o.scene, o.t, o.pass ? 'pass' : 'fail', ids[o.i % ids.length]);
          } else if (ids.length && o.k === 'remove') {
            remove.run(ids.splice(o.i % ids.length, 1)[0]);
          }
        }
        const kept = sq.prepare(KEPT).all();
        const fresh = sq.prepare(FRESH).all();
        sq.exec('commit');
        expect(kept).toEqual(fresh);
      }),
      { numRuns: 500 },
    );
  });
});
