// The dashboard aggregates (ARCHITECTURE.md: dashboard aggregates) are kept by triggers in the
// writing transaction. After a random sequence of writes — filings, triage, duplicates, reopening,
// anonymous reports sealed and published from the drop box, checks and witnesses recorded,
// confirmed, declined, corrected and voided, incidents corrected and deleted, on two productions —
// every aggregate-read figure equals the same figure counted from the records.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';
import { seededRandom } from '@/app/lib/testing/seeded-random';
import { FIREARM_INCIDENT_TYPES } from '@/app/lib/enums';

createTempDatabase();
process.env.NEXTAUTH_SECRET = 'unit-test-secret';
const { getDb, getSqlite } = await import('@/db/client');
const schema = await import('@/db/schema');
const { eq } = await import('drizzle-orm');
const Q = await import('./dashboard');
const anon = await import('@/app/lib/anonymous/core');
const drop = await import('@/app/lib/anonymous/drop-box');
const { newReceiptCode, normaliseReceipt, receiptMac } = await import('@/app/lib/anonymous/receipt');
const throttle = await import('@/app/lib/anonymous/throttle');
const { fileIncidentCore } = await import('@/app/lib/incidents/core');
const W = await import('@/app/lib/incidents/workflow');

type Seeded = Awaited<ReturnType<typeof seedProduction>>;
let A: Seeded;
let B: Seeded;
beforeAll(async () => {
  A = await seedProduction({ title: 'Tally A' });
  // A zone 45 minutes off the hour: its local Mondays fall between whole hours, so its weeks are
  // counted from the records; A's (America/Denver) are read from the tallies.
  B = await seedProduction({ title: 'Tally B', timeZone: 'Asia/Kathmandu' });
});

const rng = seededRandom;

// Every firearm kind among them, so the migration's spelled list meets each.
const TYPES = ['near_miss', 'injury', 'unsafe_condition', 'live_ammunition_found', 'misfire_malfunction', 'accidental_discharge', 'custody_breach', 'other'] as const;
const SEVS = ['low', 'medium', 'high', 'critical'] as const;
const DAY = 86_400_000;

function expectExact(s: Seeded, now: Date) {
  const producer = s.actors.producer;
  expect(Q.incidentsPerWeek(producer, now)).toEqual(Q.incidentsPerWeekRecomputed(producer, now));
  expect(Q.oldestUnassigned(producer).count).toBe(Q.unassignedCountRecomputed(producer));
  expect(Q.openIncidentsBySeverity(producer)).toEqual(Q.openIncidentsBySeverityRecomputed(producer));
  expect(Q.openIncidentsByType(producer)).toEqual(Q.openIncidentsByTypeRecomputed(producer));
  expect(Q.untriagedIncidents(producer)).toEqual(Q.untriagedIncidentsRecomputed(producer));
  const pending = Q.checksMissingWitness(producer);
  const recomputed = Q.checksMissingWitnessRecomputed(producer);
  expect(pending.count).toBe(recomputed.count);
  expect(pending.items.map((i) => i.id)).toEqual(recomputed.ids.slice(0, 5));
}

describe('dashboard aggregates', () => {
  it('equal a full recompute after a random sequence of writes', () => {
    const r = rng(20261201);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    const sq = getSqlite();
    const base = Date.parse('2026-11-24T18:00:00Z');
    let day = 0;
    const at = () => new Date(base + day * DAY + Math.floor(r() * 3_600_000));
    const incidentsOf = (s: Seeded) => sq.prepare('select id, number from incidents where production_id = ?').all(s.production.id) as { id: string; number: number }[];
    const checksOf = (s: Seeded) => sq.prepare('select id from firearm_checks where production_id = ?').pluck().all(s.production.id) as string[];
    const firearmOf = (s: Seeded) => {
      const f = sq.prepare('select id from firearms where production_id = ?').pluck().get(s.production.id) as string | undefined;
      if (f) return f;
      const id = randomUUID();
      sq.prepare("insert into firearms (id, production_id, tag, make, model, kind, created_at) values (?, ?, 'T1', 'M', 'X', 'blank_firing', 0)").run(id, s.production.id);
      return id;
    };
    const members = (s: Seeded) => Object.values(s.actors).map((a) => a.userId);
    const ops: Record<string, (s: Seeded) => void> = {
      file: (s) => {
        fileIncidentCore(pick([s.actors.crew, s.actors.producer, s.actors.ad]), { id: randomUUID(), type: pick(TYPES), description: 'Random write', location: 'Stage' }, at());
      },
      status: (s) => {
        const i = pick(incidentsOf(s));
        if (i) W.setIncidentStatusCore(s.actors.producer, { incidentId: i.id, status: pick(['investigating', 'action_required', 'closed'] as const), note: 'Reviewed and resolved here.' }, at());
      },
      reopen: (s) => {
        const i = pick(incidentsOf(s));
        if (i) W.setIncidentStatusCore(s.actors.producer, { incidentId: i.id, status: 'investigating', note: 'Reopened: more to do.' }, at());
      },
      severity: (s) => {
        const i = pick(incidentsOf(s));
        if (i) W.setIncidentSeverityCore(s.actors.producer, { incidentId: i.id, severity: pick(SEVS) }, at());
      },
      duplicate: (s) => {
        const xs = incidentsOf(s);
        const i = pick(xs);
        const of = pick(xs);
        if (i && of && i.id !== of.id) W.markIncidentDuplicateCore(s.actors.producer, { incidentId: i.id, duplicateOfNumber: of.number }, at());
      },
      // A correction made outside the cores (a script, a restore): the triggers see it all the same.
      assign: (s) => {
        const i = pick(incidentsOf(s));
        if (i) W.assignIncidentOwnerCore(s.actors.producer, { incidentId: i.id, ownerId: pick([s.actors.producer.userId, '']) }, at());
      },
      // When it happened, corrected outside the cores: moves it between weeks (up to 100 days back).
      correctWhen: (s) => {
        const i = pick(incidentsOf(s));
        if (i) sq.prepare('update incidents set occurred_at = ? where id = ?').run(r() < 0.2 ? null : at().getTime() - Math.floor(r() * 100 * DAY), i.id);
      },
      correctType: (s) => {
        const i = pick(incidentsOf(s));
        if (i) sq.prepare('update incidents set type = ? where id = ?').run(pick(TYPES), i.id);
      },
      voidIncident: (s) => {
        const i = pick(incidentsOf(s));
        if (!i) return;
        // Deleting a record is no app path; here it stands for any delete the triggers must follow.
        sq.pragma('foreign_keys = off');
        sq.prepare('delete from incidents where id = ?').run(i.id);
        sq.pragma('foreign_keys = on');
      },
      anonymous: (s) => {
        throttle.resetThrottle();
        const code = newReceiptCode();
        const token = getDb().select().from(schema.productions).where(eq(schema.productions.id, s.production.id)).get()!.reportToken;
        anon.fileAnonymousReport(token, { id: randomUUID(), type: pick(TYPES), description: 'Anonymous random write', location: 'Set', day: 'today', receipt: code, mac: receiptMac(normaliseReceipt(code)!, 'unit-test-secret') }, at());
      },
      publish: () => {
        day += 1;
        drop.publishDropBox(new Date(base + day * DAY + 12 * 3_600_000), { fraction: 0 });
      },
      check: (s) => {
        const id = randomUUID();
        sq.prepare("insert into firearm_checks (id, production_id, firearm_id, phase, scene, checklist, result, performed_by_id, performed_at) values (?, ?, ?, 'before_use', 's', '{}', 'pass', ?, ?)").run(
          id, s.production.id, firearmOf(s), s.actors.armorer.userId, at().getTime());
        for (const u of members(s).filter(() => r() < 0.3)) sq.prepare('insert or ignore into check_witnesses (check_id, user_id) values (?, ?)').run(id, u);
      },
      confirm: (s) => {
        const c = pick(checksOf(s));
        if (c) sq.prepare('update check_witnesses set confirmed_at = ? where check_id = ? and user_id = (select user_id from check_witnesses where check_id = ? limit 1)').run(at().getTime(), c, c);
      },
      decline: (s) => {
        const c = pick(checksOf(s));
        if (c) sq.prepare('update check_witnesses set declined_at = ?, confirmed_at = null where check_id = ? and user_id = (select user_id from check_witnesses where check_id = ? order by user_id desc limit 1)').run(at().getTime(), c, c);
      },
      unconfirm: (s) => {
        const c = pick(checksOf(s));
        if (c) sq.prepare('update check_witnesses set confirmed_at = null, declined_at = null where check_id = ?').run(c);
      },
      addWitness: (s) => {
        const c = pick(checksOf(s));
        if (c) sq.prepare('insert or ignore into check_witnesses (check_id, user_id) values (?, ?)').run(c, pick(members(s)));
      },
      removeWitness: (s) => {
        const c = pick(checksOf(s));
        if (c) sq.prepare('delete from check_witnesses where check_id = ? and user_id = (select user_id from check_witnesses where check_id = ? limit 1)').run(c, c);
      },
      correctCheckTime: (s) => {
        const c = pick(checksOf(s));
        if (c) sq.prepare('update firearm_checks set performed_at = ? where id = ?').run(at().getTime() - DAY, c);
      },
      voidCheck: (s) => {
        const c = pick(checksOf(s));
        if (!c) return;
        sq.pragma('foreign_keys = off');
        sq.prepare('delete from firearm_checks where id = ?').run(c);
        sq.pragma('foreign_keys = on');
      },
    };
    const weights: [string, number][] = [
      ['file', 8], ['status', 4], ['reopen', 2], ['severity', 4], ['duplicate', 2], ['assign', 3], ['correctWhen', 3], ['correctType', 2], ['voidIncident', 1], ['anonymous', 4], ['publish', 1],
      ['check', 6], ['confirm', 3], ['decline', 2], ['unconfirm', 2], ['addWitness', 2], ['removeWitness', 2], ['correctCheckTime', 1], ['voidCheck', 1],
    ];
    const total = weights.reduce((a, [, w]) => a + w, 0);
    const seen = new Set<string>();
    for (let step = 0; step < 400; step++) {
      let x = r() * total;
      const [name] = weights.find(([, w]) => (x -= w) < 0) ?? weights[0];
      seen.add(name);
      ops[name](r() < 0.7 ? A : B);
      if (step % 20 === 19) {
        expectExact(A, at());
        expectExact(B, at());
      }
    }
    drop.publishDropBox(new Date(base + (day + 1) * DAY + 12 * 3_600_000), { fraction: 0 });
    expectExact(A, at());
    expectExact(B, at());
    expect(seen.size).toBe(weights.length);
    // The sequence reached what it is meant to exercise: published anonymous reports, open and
    // closed incidents, duplicates, checks still awaiting a witness.
    const n = (q: string) => sq.prepare(q).pluck().get() as number;
    expect(n('select count(*) from incidents where anonymous = 1')).toBeGreaterThan(0);
    expect(n("select count(*) from incidents where status = 'closed'")).toBeGreaterThan(0);
    expect(n('select count(*) from incidents where duplicate_of_id is not null')).toBeGreaterThan(0);
    expect(n('select count(*) from dashboard_pending_checks')).toBeGreaterThan(0);
    expect(n("select count(*) from dashboard_tallies where figure = 'untriaged' and n > 0")).toBeGreaterThan(0);
    expect(n("select count(*) from dashboard_tallies where figure = 'open_unassigned' and n > 0")).toBe(2);
    // Incidents in more than one week, firearm-related among them, in both productions.
    expect(n('select count(distinct bucket / 168) from incident_when_tallies where n > 0')).toBeGreaterThan(4);
    // Every hour's tally, in both zones, equals the records counted afresh.
    const rows = (q: string) => sq.prepare(q).raw().all();
    expect(rows('select production_id, bucket, firearm, n from incident_when_tallies where n <> 0 order by 1, 2, 3')).toEqual(
      // The firearm kinds from the app's own list: the migration spells them, and must agree.
      rows(`select production_id, coalesce(occurred_at, reported_at) / 3600000, type in (${FIREARM_INCIDENT_TYPES.map((t) => `'${t}'`).join(', ')}), count(*)
            from incidents where duplicate_of_id is null group by 1, 2, 3 order by 1, 2, 3`),
    );
    expect(n('select count(*) from incident_when_tallies where firearm = 1 and n > 0')).toBeGreaterThan(0);
    // The firearms report's tallies: checks by phase and result, and witness rows by state, equal
    // the records counted afresh (witness rows of a deleted check join no check and count nowhere).
    expect(rows("select production_id, key, n from dashboard_tallies where figure = 'check_kind' and n <> 0 order by 1, 2")).toEqual(
      rows("select production_id, phase || ' ' || result, count(*) from firearm_checks group by 1, 2 order by 1, 2"),
    );
    expect(rows("select production_id, key, n from dashboard_tallies where figure = 'witness' and n <> 0 order by 1, 2")).toEqual(
      rows(`select production_id, key, n from (
              select c.production_id, 'awaited' as key, sum(w.confirmed_at is null and w.declined_at is null) as n from check_witnesses w join firearm_checks c on c.id = w.check_id group by 1
              union all select c.production_id, 'confirmed', count(w.confirmed_at) from check_witnesses w join firearm_checks c on c.id = w.check_id group by 1
              union all select c.production_id, 'declined', count(w.declined_at) from check_witnesses w join firearm_checks c on c.id = w.check_id group by 1
              union all select c.production_id, 'named', count(*) from check_witnesses w join firearm_checks c on c.id = w.check_id group by 1
            ) where n <> 0 order by 1, 2`),
    );
    expect(n("select count(*) from dashboard_tallies where figure = 'witness' and key = 'declined' and n > 0")).toBeGreaterThan(0);
  });

  it('a scoped viewer gets the figures counted from the records', () => {
    const crewLike = { ...A.actors.producer, role: 'auditor' as const };
    expect(Q.openIncidentsBySeverity(crewLike)).toEqual(Q.openIncidentsBySeverityRecomputed(crewLike));
    expect(Q.incidentsPerWeek(crewLike)).toEqual(Q.incidentsPerWeekRecomputed(crewLike));
  });
});
