// Every SQL statement the dashboard runs, checked with EXPLAIN QUERY PLAN on a database with
// 20 productions of data: none may scan a whole table (ARCHITECTURE.md: performance budget).
// PLAN_LOG=1 prints each plan with its timing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-plan-'));
process.env.DATABASE_PATH = path.join(dir, 'setsafe.db');

const { getSqlite } = await import('@/db/client');
const Q = await import('./dashboard');
const A = await import('./audit');
type Production = import('@/db/schema').Production;

const PRODUCTIONS = 20;
const PER = { incidents: 1000, checks: 800, handoffs: 800, actions: 300, audit: 3000 };
const NOW = new Date('2026-11-18T20:00:00Z');
let target: Production;

beforeAll(() => {
  const sq = getSqlite();
  const t0 = Date.parse('2026-06-01T00:00:00Z');
  const span = NOW.getTime() - t0;
  const rnd = (k: number) => (Math.sin(k * 12.9898) * 43758.5453) % 1; // deterministic
  const at = (k: number) => t0 + Math.floor(Math.abs(rnd(k)) * span);
  const users = Array.from({ length: 30 }, (_, k) => ({ id: randomUUID(), k }));
  const P = {
    prod: sq.prepare("insert into productions (id, title, company, time_zone, phase, report_token, created_at) values (?, ?, 'Co', 'America/Denver', 'shooting', ?, ?)"),
    member: sq.prepare('insert into memberships (id, production_id, user_id, role, positions, created_at) values (?, ?, ?, ?, ?, ?)'),
    injury: sq.prepare("insert into injured_people (id, incident_id, ordinal, died, hospitalized_inpatient, updated_at) values (lower(hex(randomblob(16))), ?, 1, ?, ?, ?)"),
    action: sq.prepare('insert into corrective_actions (id, production_id, incident_id, what, owner_id, due_date, created_by_id, created_at, done_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    firearm: sq.prepare("insert into firearms (id, production_id, tag, make, model, kind, created_at) values (?, ?, 'T1', 'M', 'X', 'blank_firing', ?)"),
    check: sq.prepare("insert into firearm_checks (id, production_id, firearm_id, phase, scene, checklist, result, performed_by_id, performed_at) values (?, ?, ?, 'before_use', 's', '{}', 'pass', ?, ?)"),
    witness: sq.prepare('insert into check_witnesses (check_id, user_id, confirmed_at) values (?, ?, ?)'),
    handoff: sq.prepare('insert into handoffs (id, production_id, firearm_id, check_id, from_id, to_id, scene, handed_at, returned_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    refused: sq.prepare("insert into refused_handoffs (id, production_id, firearm_id, attempted_by_id, scene, reasons, at) values (?, ?, ?, ?, 's', '[]', ?)"),
    hold: sq.prepare("insert into holds (id, production_id, source, called_at, reason, lifted_at) values (?, ?, 'manual', ?, 'r', ?)"),
    flag: sq.prepare("insert into rule_flags (id, production_id, rule, window_start, window_end, incident_ids, created_at) values (?, ?, 'rule3', ?, ?, ?, ?)"),
    audit: sq.prepare("insert into audit_log (chain, seq, at, actor_id, actor_label, entity, entity_id, action, before, after, prev_hash, hash) values (?, ?, ?, ?, 'x', 'incident', ?, 'incident.update', null, '{}', ?, ?)"),
  };
  sq.pragma('synchronous = OFF'); // test data only
  sq.transaction(() => {
    const u = sq.prepare('insert into users (id, email, name, created_at) values (?, ?, ?, ?)');
    for (const x of users) u.run(x.id, `u${x.k}@t.test`, `User ${x.k}`, t0);
    const types = ['near_miss', 'injury', 'accidental_discharge', 'other', 'unsafe_condition', 'misfire_malfunction'];
    const sev = ['unrated', 'low', 'medium', 'high', 'critical'];
    const st = ['reported', 'investigating', 'action_required', 'closed', 'closed'];
    let k = 0;
    for (let p = 0; p < PRODUCTIONS; p++) {
      const pid = randomUUID();
      P.prod.run(pid, `P${p}`, randomUUID(), t0);
      for (const [j, x] of users.entries())
        P.member.run(randomUUID(), pid, x.id, j === 0 ? 'armorer' : j === 1 ? 'producer' : 'crew', j === 0 ? '["props"]' : '[]', t0);
      const inc = sq.prepare('insert into incidents (id, production_id, number, type, severity, status, occurred_at, reported_at, location, description, owner_id, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      const ids: string[] = [];
      for (let i = 0; i < PER.incidents; i++, k++) {
        const id = randomUUID();
        ids.push(id);
        const t = at(k);
        inc.run(id, pid, i + 1, types[k % types.length], sev[k % 5], st[k % 5], k % 7 === 0 ? null : t, t, 'Stage', 'd', k % 3 === 0 ? null : users[1].id, t);
        if (types[k % types.length] === 'injury') P.injury.run(id, k % 11 === 0 ? 1 : 0, k % 5 === 0 ? 1 : 0, t);
      }
      for (let i = 0; i < PER.actions; i++, k++)
        P.action.run(randomUUID(), pid, ids[i], 'w', users[0].id, new Date(at(k)).toISOString().slice(0, 10), users[1].id, t0, k % 2 ? at(k) : null);
      const fid = randomUUID();
      P.firearm.run(fid, pid, t0);
      for (let i = 0; i < PER.checks; i++, k++) {
        const cid = randomUUID();
        const t = at(k);
        P.check.run(cid, pid, fid, users[0].id, t);
        P.witness.run(cid, users[2].id, k % 9 === 0 ? null : t + 60_000);
        if (i < PER.handoffs)
          P.handoff.run(randomUUID(), pid, fid, cid, users[0].id, users[2].id, 's', t + 120_000, k % 50 === 0 ? null : t + 3_600_000);
      }
      for (let i = 0; i < 50; i++, k++) P.refused.run(randomUUID(), pid, fid, users[1].id, at(k));
      for (let i = 0; i < 5; i++, k++) P.hold.run(randomUUID(), pid, at(k), i === 4 ? null : at(k) + 1000);
      for (let i = 0; i < 20; i++, k++) P.flag.run(randomUUID(), pid, at(k), at(k) + 1, JSON.stringify(ids.slice(i, i + 2)), at(k));
      let prev = '0'.repeat(64);
      for (let i = 0; i < PER.audit; i++, k++) {
        const h = randomUUID().replace(/-/g, '').padEnd(64, '0');
        P.audit.run(pid, i + 1, at(k), users[k % 30].id, ids[i % ids.length], prev, h);
        prev = h;
      }
      if (p === 7) target = sq.prepare('select * from productions where id = ?').get(pid) as Production;
    }
  })();
  // Column names differ from the Drizzle row: map what the actor needs.
  const raw = target as unknown as Record<string, unknown>;
  target = { ...(target as object), id: raw.id, timeZone: raw.time_zone } as Production;
}, 120_000);

afterAll(() => {
  getSqlite().close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `fn` while recording every SQL text prepared on the connection. */
function capture(fn: () => unknown): string[] {
  const sq = getSqlite();
  const seen: string[] = [];
  const orig = sq.prepare.bind(sq);
  (sq as unknown as { prepare: typeof sq.prepare }).prepare = ((src: string) => {
    seen.push(src);
    return orig(src);
  }) as typeof sq.prepare;
  try {
    fn();
  } finally {
    (sq as unknown as { prepare: typeof sq.prepare }).prepare = orig;
  }
  return seen;
}

function plan(src: string): string[] {
  const params = (src.match(/\?/g) ?? []).map(() => null);
  return (getSqlite().prepare(`EXPLAIN QUERY PLAN ${src}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

/**
 * A SCAN walks a whole table or a whole index; only constant rows (the weekly chart's week edges), a subquery's own result,
 * json_each and the partial indexes of what is still open (they hold nothing else) may.
 */
const fullScan = (line: string) =>
  /^SCAN /.test(line) && !/^SCAN CONSTANT ROW|^SCAN \d+ CONSTANT ROWS$|^SCAN week$|^SCAN \(subquery-\d+\)$|VIRTUAL TABLE|USING INDEX (check_witnesses_pending|injured_people_open_clocks)$/.test(line);

describe('dashboard and audit SQL use indexes (20 productions × ~1000 incidents)', () => {
  const producer = () => ({ role: 'producer' as const, userId: 'x', productionId: target.id, production: target });

  const cases: [string, () => unknown][] = [
    ['listOpenHolds', () => Q.listOpenHolds(producer())],
    ['overdueCorrectiveActions', () => Q.overdueCorrectiveActions(producer(), NOW)],
    ['overdueLegalDeadlines', () => Q.overdueLegalDeadlines(producer(), NOW)],
    ['listRuleFlags', () => Q.listRuleFlags(producer())],
    ['openIncidentsBySeverity', () => Q.openIncidentsBySeverity(producer())],
    ['openIncidentsByType', () => Q.openIncidentsByType(producer())],
    ['incidentsPerWeek', () => Q.incidentsPerWeek(producer(), NOW)],
    ['incidentsPerWeekRecomputed', () => Q.incidentsPerWeekRecomputed(producer(), NOW)],
    ['checkCompliance', () => Q.checkCompliance(producer(), new Date(NOW.getTime() - 7 * 86_400_000))],
    ['checksMissingWitness', () => Q.checksMissingWitness(producer())],
    ['weaponsNotBack', () => Q.weaponsNotBack(producer(), NOW)],
    ['armorersWithOtherPositions', () => Q.armorersWithOtherPositions(producer())],
    ['oldestUnassigned', () => Q.oldestUnassigned(producer())],
    ['unassignedCountRecomputed', () => Q.unassignedCountRecomputed(producer())],
    ['listAuditEntries', () => A.listAuditEntries(producer(), { page: 3 })],
    ['auditFilterOptions', () => A.auditFilterOptions(producer())],
    ['listEntriesFor (report)', () => A.listEntriesFor(producer(), [{ entity: 'incident', ids: ['a', 'b'] }, { entity: 'comment', ids: ['c'] }])],
  ];

  it('the scan detector itself catches a scan', () => {
    expect(plan('select count(*) from incidents where description = ?').some(fullScan)).toBe(true);
    expect(plan('select count(*) from incidents where production_id = ?').some(fullScan)).toBe(false);
  });

  it('incidentsPerWeek sums a range of its tallies a week; counted from the records, the firearm kinds are on their partial index', () => {
    expect(capture(() => Q.incidentsPerWeek(producer(), NOW)).flatMap(plan)).toContain('SEARCH t USING PRIMARY KEY (production_id=? AND bucket>? AND bucket<?)');
    const lines = capture(() => Q.incidentsPerWeekRecomputed(producer(), NOW)).flatMap(plan);
    expect(lines.some((l) => l.includes('incidents_production_firearm_when'))).toBe(true);
    expect(lines.some((l) => l.includes('incidents_production_when'))).toBe(true);
  });

  for (const [name, fn] of cases) {
    it(`${name}: no full table scan`, () => {
      const sqls = capture(fn);
      expect(sqls.length).toBeGreaterThan(0);
      const t = performance.now();
      fn();
      const ms = performance.now() - t;
      const lines = sqls.flatMap(plan);
      if (process.env.PLAN_LOG) console.log(`${name} ${ms.toFixed(2)} ms\n  ${lines.join('\n  ')}`);
      expect(lines.filter(fullScan)).toEqual([]);
    });
  }
});
