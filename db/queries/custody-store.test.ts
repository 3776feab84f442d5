// The custody page's store lists read only the checks since each weapon's last return
// (ARCHITECTURE.md: performance budget, growth) and give what rule 2 gives over the whole history;
// its day log reads the day's hand-offs and the weapons not back at the day's end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-custody-store-'));
process.env.DATABASE_PATH = path.join(dir, 'setsafe.db');

const { getDb, getSqlite, write } = await import('@/db/client');
const { addMembership, createProduction, createUser } = await import('@/app/lib/site');
const { checkFactsOf, lastReturnOf } = await import('@/app/lib/firearms/custody');
const { findValidCheck } = await import('@/app/lib/rules');
const Q = await import('./custody');
type Production = import('@/db/schema').Production;

let P: Production;
const U: Record<string, string> = {};
const F: string[] = [];
const t0 = Date.parse('2026-11-02T15:00:00Z');

beforeAll(() => {
  const who = { userId: null, label: 'seed' };
  write((tx) => {
    P = createProduction(tx, who, { title: 'Store Show', company: 'Co', timeZone: 'UTC', phase: 'shooting' }, new Date(t0));
    for (const [k, role, positions] of [['arm', 'armorer', []], ['actor', 'crew', ['actor']], ['ad', 'crew', ['first_ad']]] as const) {
      U[k] = createUser(tx, who, { email: `${k}@s.test`, name: `${k} person`, passwordHash: null }, new Date(t0)).id;
      addMembership(tx, who, { productionId: P.id, userId: U[k], role, positions: [...positions] }, new Date(t0));
    }
  });
  const sq = getSqlite();
  const check = (firearm: string, scene: string, at: number, result: 'pass' | 'fail', witnesses: [string, number | null][]) => {
    const id = randomUUID();
    sq.prepare("insert into firearm_checks (id, production_id, firearm_id, phase, scene, checklist, result, findings, performed_by_id, performed_at) values (?, ?, ?, 'before_use', ?, '{}', ?, '', ?, ?)").run(id, P.id, firearm, scene, result, U.arm, at);
    for (const [user, confirmed] of witnesses) sq.prepare('insert into check_witnesses (check_id, user_id, confirmed_at) values (?, ?, ?)').run(id, user, confirmed);
    return id;
  };
  for (let k = 0; k < 3; k++) {
    const id = randomUUID();
    F.push(id);
    sq.prepare("insert into firearms (id, production_id, tag, make, model, kind, status, created_at) values (?, ?, ?, 'Colt', 'M1911', 'blank_firing', 'locked_up', 0)").run(id, P.id, `S-${k}`);
  }
  // F0: a passed, witnessed check for 12A before its last return (spent), then one for 14B after it.
  const spent = check(F[0], '12A', t0 + 1000, 'pass', [[U.actor, t0 + 2000]]);
  sq.prepare('insert into handoffs (id, production_id, firearm_id, check_id, from_id, to_id, scene, rounds_out, handed_at, returned_at, received_by_id, rounds_back) values (?, ?, ?, ?, ?, ?, ?, 6, ?, ?, ?, 6)')
    .run(randomUUID(), P.id, F[0], spent, U.arm, U.actor, '12A', t0 + 3000, t0 + 4000, U.arm);
  check(F[0], '14B', t0 + 5000, 'pass', [[U.actor, t0 + 6000], [U.ad, t0 + 6000]]);
  // F1: never out; its latest 12A check waits for a witness, an older one passed.
  check(F[1], '12A', t0 + 1000, 'pass', [[U.actor, t0 + 1500]]);
  check(F[1], '12a', t0 + 7000, 'pass', [[U.actor, t0 + 7500], [U.ad, null]]);
  // F2: many checks of one setup, the last one failed.
  for (let i = 0; i < 50; i++) check(F[2], 'Night', t0 + i * 1000, i === 49 ? 'fail' : 'pass', [[U.actor, t0 + i * 1000 + 10]]);
});

afterAll(() => {
  getSqlite().close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('custody store lists', () => {
  const actor = () => ({ role: 'armorer' as const, userId: U.arm, productionId: P.id, production: P, name: 'arm person', email: 'arm@s.test', isAdmin: false, positions: [] });

  it('ready to hand out: only checks since the last return count, as rule 2 reads the whole history', () => {
    const { ready } = Q.custodyStore(actor());
    expect(ready.map((r) => [r.firearm.tag, r.scenes])).toEqual([['S-0', ['14B']]]);
    // The same answer rule 2 gives over every check the weapon ever had.
    const db = getDb();
    for (const f of F) {
      const all = checkFactsOf(db, f);
      const scenes = new Set(all.map((c) => c.scene.trim().toLowerCase()));
      const valid = [...scenes].filter((scene) => findValidCheck({ checks: all, scene, lastReturnAt: lastReturnOf(db, f) }));
      expect((ready.find((r) => r.firearm.id === f)?.scenes ?? []).map((s) => s.toLowerCase()).sort()).toEqual(valid.sort());
    }
  });

  it('awaiting witnesses: the latest check of a setup since the return, with who it waits for', () => {
    expect(Q.custodyStore(actor()).awaiting).toEqual([{ firearmId: F[1], scene: '12a', waitingFor: ['ad person'], declinedBy: [] }]);
  });
});

describe('custody day log', () => {
  // A production of its own, so these hand-offs never reach the store lists above.
  let P2: Production;
  const M: Record<'arm' | 'actor' | 'crew', string> = { arm: '', actor: '', crew: '' };
  const H: Record<string, string> = {};
  const at = (day: string, hm: string) => Date.parse(`${day}T${hm}:00Z`);

  beforeAll(() => {
    const who = { userId: null, label: 'seed' };
    write((tx) => {
      P2 = createProduction(tx, who, { title: 'Day Log Show', company: 'Co', timeZone: 'UTC', phase: 'shooting' }, new Date(t0));
      for (const [k, role] of [['arm', 'armorer'], ['actor', 'crew'], ['crew', 'crew']] as const) {
        M[k] = createUser(tx, who, { email: `day-${k}@s.test`, name: `day ${k}`, passwordHash: null }, new Date(t0)).id;
        addMembership(tx, who, { productionId: P2.id, userId: M[k], role, positions: k === 'actor' ? ['actor'] : [] }, new Date(t0));
      }
    });
    const sq = getSqlite();
    const G = [0, 1, 2, 3].map((k) => {
      const id = randomUUID();
      sq.prepare("insert into firearms (id, production_id, tag, make, model, kind, status, created_at) values (?, ?, ?, 'Colt', 'M1911', 'blank_firing', 'locked_up', 0)").run(id, P2.id, `D-${k}`);
      return id;
    });
    const handOff = (key: string, firearm: string, handedAt: number, returnedAt: number | null) => {
      const check = randomUUID();
      sq.prepare("insert into firearm_checks (id, production_id, firearm_id, phase, scene, checklist, result, findings, performed_by_id, performed_at) values (?, ?, ?, 'before_use', '12A', '{}', 'pass', '', ?, ?)").run(check, P2.id, firearm, M.arm, handedAt - 60_000);
      H[key] = randomUUID();
      sq.prepare("insert into handoffs (id, production_id, firearm_id, check_id, from_id, to_id, scene, rounds_out, handed_at, returned_at, received_by_id, rounds_back) values (?, ?, ?, ?, ?, ?, '12A', 0, ?, ?, ?, ?)")
        .run(H[key], P2.id, firearm, check, M.arm, M.actor, handedAt, returnedAt, returnedAt === null ? null : M.arm, returnedAt === null ? null : 0);
    };
    handOff('back', G[0], at('2026-11-02', '10:00'), at('2026-11-02', '12:00'));
    handOff('overnight', G[1], at('2026-11-02', '11:00'), at('2026-11-03', '09:00'));
    handOff('out', G[2], at('2026-11-02', '09:00'), null);
    handOff('backAtMidnight', G[0], at('2026-11-02', '20:00'), at('2026-11-03', '00:00'));
    handOff('outFromMidnight', G[3], at('2026-11-03', '00:00'), null);
  });

  const as = (role: 'armorer' | 'crew', userId: string) => ({ role, userId, productionId: P2.id, production: P2, name: 'day person', email: 'day@s.test', isAdmin: false, positions: [] });
  const ids = (list: { h: { id: string } }[]) => list.map((v) => v.h.id);

  it('custodyDay: the hand-offs made that day, newest first; one handed at midnight is the next day’s', () => {
    const arm = as('armorer', M.arm);
    expect(ids(Q.custodyDay(arm, '2026-11-01'))).toEqual([]);
    expect(ids(Q.custodyDay(arm, '2026-11-02'))).toEqual([H.backAtMidnight, H.overnight, H.back, H.out]);
    expect(ids(Q.custodyDay(arm, '2026-11-03'))).toEqual([H.outFromMidnight]);
    expect(ids(Q.custodyDay(arm, '2026-11-04'))).toEqual([]);
  });

  it('custodyNotBack: out at the day’s end (never returned, or returned after it), oldest first; back at midnight is back', () => {
    const arm = as('armorer', M.arm);
    expect(ids(Q.custodyNotBack(arm, '2026-11-01'))).toEqual([]);
    expect(ids(Q.custodyNotBack(arm, '2026-11-02'))).toEqual([H.out, H.overnight]);
    expect(ids(Q.custodyNotBack(arm, '2026-11-03'))).toEqual([H.out, H.outFromMidnight]);
    // After the last hand-off, the weapons not back are the weapons out now: what the page shows for today.
    expect(ids(Q.custodyNotBack(arm, '2026-11-04'))).toEqual(ids(Q.listOpenHandoffs(arm)));
  });

  it('a member without firearm.view reads neither', () => {
    const crew = as('crew', M.crew);
    expect(Q.custodyDay(crew, '2026-11-02')).toEqual([]);
    expect(Q.custodyNotBack(crew, '2026-11-02')).toEqual([]);
  });
});
