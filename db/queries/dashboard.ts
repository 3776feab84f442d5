import 'server-only';
import { armorerDuties } from './duties';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { OPEN_CLOCKS } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { assertCan, can } from '@/app/lib/policy';
import { FIREARM_INCIDENT_TYPES, INCIDENT_TYPES, SEVERITIES, type IncidentType, type Position, type Severity } from '@/app/lib/enums';
import { dayStart, lastWeeks } from '@/app/lib/calendar';
import { injuryDeadlines, type Deadline } from '@/app/lib/rules/deadlines';
import { RULE1_TYPES } from '@/app/lib/rules/incidents';
import { DAY, HOUR, localDate } from '@/app/lib/time';

// The thresholds of app/lib/rules/deadlines.ts, applied in SQL so only overdue incidents leave the
// database; injuryDeadlines() then names each one (the unit tests hold both to the same answers).
const OSHA_DEATH_MS = 8 * HOUR;
const OSHA_SERIOUS_MS = 24 * HOUR;
const FORM_301_MS = 7 * DAY;
const OSHA_DEATH_WINDOW_MS = 30 * DAY;

// The producer dashboard (rule 4 items first). Every figure is an aggregate
// or a short, limited list computed by SQLite on an index of the production; nothing loads a
// table into JavaScript. Each function takes the actor: dashboards are for dashboard.view roles.

export type DashboardActor = Pick<Actor, 'role' | 'userId' | 'productionId' | 'production'>;

export function assertDashboard(actor: DashboardActor): void {
  assertCan(actor, 'dashboard.view');
}

const OPEN_STATUSES = sql`('reported', 'investigating', 'action_required')`;
const FIREARM_TYPES = sql.raw(`(${FIREARM_INCIDENT_TYPES.map((t) => `'${t}'`).join(', ')})`);
const RULE1_SQL = sql.raw(`(${RULE1_TYPES.map((t) => `'${t}'`).join(', ')})`);
// Rule 1 also covers a firearm injury: someone hurt on a firearm-related report (rule1Applies).
const FIREARM_INJURY_SQL = sql`(j.type = 'injury' or exists (select 1 from injured_people p where p.incident_id = j.id))
  and (j.type in ${FIREARM_TYPES} or exists (select 1 from incident_firearms f where f.incident_id = j.id))`;
const LIST_LIMIT = 5;

/** Incidents the actor may count: all for incident.viewAll (every dashboard role today), else their own. */
function incidentScope(actor: DashboardActor, alias = 'i'): SQL {
  return can(actor.role, 'incident.viewAll') ? sql`1 = 1` : sql`${sql.raw(alias)}.reporter_id = ${actor.userId}`;
}

const all = <T>(q: SQL) => getDb().all<T>(q);
const one = <T>(q: SQL) => getDb().get<T>(q);
/** A production's tallies of one figure (dashboard_tallies, kept by triggers: ARCHITECTURE.md: dashboard aggregates). */
const tallies = (actor: DashboardActor, figure: string) =>
  all<{ key: string; n: number }>(sql`select key, n from dashboard_tallies where production_id = ${actor.productionId} and figure = ${figure}`);
const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));
const today = (actor: DashboardActor, now: Date) => localDate(now, actor.production.timeZone);

// ───────────── rule 4: what stands first ─────────────

export type OpenHold = { id: string; calledAt: Date; reason: string; source: string; calledBy: string | null; incidentNumber: number | null; concurred: boolean; needsConcurrence: boolean };

/** Standing stop-work holds (holds_production_lifted: production_id, lifted_at IS NULL). */
export function listOpenHolds(actor: DashboardActor): OpenHold[] {
  assertDashboard(actor);
  return all<{ id: string; called_at: number; reason: string; source: string; called_by: string | null; number: number | null; concurred_at: number | null; rule1_joined: number }>(sql`
    select h.id, h.called_at, h.reason, h.source, u.name as called_by, i.number, h.concurred_at,
      exists (select 1 from hold_incidents x join incidents j on j.id = x.incident_id
              where x.hold_id = h.id and (j.type in ${RULE1_SQL} or (${FIREARM_INJURY_SQL}))) as rule1_joined
    from holds h
    left join users u on u.id = h.called_by_id
    left join incidents i on i.id = h.incident_id
    where h.production_id = ${actor.productionId} and h.lifted_at is null
    order by h.called_at`).map((r) => ({
    id: r.id,
    calledAt: new Date(r.called_at),
    reason: r.reason,
    source: r.source,
    calledBy: r.called_by,
    incidentNumber: r.number,
    concurred: r.concurred_at !== null,
    needsConcurrence: r.source === 'rule1' || !!r.rule1_joined,
  }));
}

export type OverdueAction = { id: string; what: string; dueDate: string; owner: string; incidentId: string; incidentNumber: number };

/** Not done and due before today in the production's zone (corrective_actions_production_due). */
export function overdueCorrectiveActions(actor: DashboardActor, now = new Date()): { count: number; items: OverdueAction[] } {
  assertDashboard(actor);
  const day = today(actor, now);
  const where = sql`ca.production_id = ${actor.productionId} and ca.done_at is null and ca.due_date < ${day}`;
  const count = one<{ n: number }>(sql`select count(*) as n from corrective_actions ca where ${where}`)?.n ?? 0;
  const items = all<{ id: string; what: string; due_date: string; owner: string | null; incident_id: string; number: number }>(sql`
    select ca.id, ca.what, ca.due_date, u.name as owner, ca.incident_id, i.number
    from corrective_actions ca
    join incidents i on i.id = ca.incident_id
    left join users u on u.id = ca.owner_id
    where ${where} and ${incidentScope(actor)}
    order by ca.due_date, ca.created_at
    limit ${LIST_LIMIT}`).map((r) => ({
    id: r.id,
    what: r.what,
    dueDate: r.due_date,
    owner: r.owner ?? 'Unknown',
    incidentId: r.incident_id,
    incidentNumber: r.number,
  }));
  return { count, items };
}

export type OverdueDeadline = { incidentId: string; incidentNumber: number; ordinal: number; deadlines: Deadline[] };

/**
 * Injured people with a legal clock run out, every clock counted from when it happened (when it
 * was filed if no time was given) or was learned of, under the production's jurisdiction, as
 * app/lib/rules/deadlines.ts does. Driven from the partial
 * index injured_people_open_clocks (only clocks still running, site-wide; its WHERE is repeated
 * verbatim so SQLite may use it), each incident by key. One pass: the window count gives the
 * total, only the oldest few come back as rows.
 */
export function overdueLegalDeadlines(actor: DashboardActor, now = new Date()): { count: number; items: OverdueDeadline[] } {
  assertDashboard(actor);
  const t = now.getTime();
  const jurisdiction = actor.production.jurisdiction;
  // Clocks run from the event (or the death), or from when the employer learned of it if later.
  const event = sql`coalesce(i.occurred_at, i.reported_at)`;
  const from = sql`max(${event}, coalesce(j.learned_at, 0))`;
  const deathFrom = sql`max(coalesce(j.died_at, ${event}), coalesce(j.learned_at, 0))`;
  // Federal OSHA and New Mexico: a death more than 30 days after the incident is not reported (29 CFR 1904.39(b)(6)).
  const deathCounts = jurisdiction === 'california' ? sql`1` : sql`(j.died_at is null or j.died_at - ${event} <= ${OSHA_DEATH_WINDOW_MS})`;
  const seriousMs = jurisdiction === 'california' ? OSHA_DEATH_MS : OSHA_SERIOUS_MS;
  // coalesce: a clause over an unanswered yes/no (NULL) is NULL, which would void the sum.
  const oshaDeath = sql`coalesce(j.osha_reported_at is null and j.died = 1 and ${deathCounts} and ${deathFrom} + ${OSHA_DEATH_MS} < ${t}, 0)`;
  const oshaSerious = sql`coalesce(j.osha_reported_at is null and j.died = 0 and (j.hospitalized_inpatient = 1 or j.amputation = 1 or j.loss_of_eye = 1) and ${from} + ${seriousMs} < ${t}, 0)`;
  const form301 = sql`coalesce(j.form301_completed_at is null and ${from} + ${FORM_301_MS} < ${t}, 0)`;
  const rows = all<{
    id: string; number: number; occurred_at: number | null; reported_at: number; died: number; hospitalized_inpatient: number | null;
    amputation: number; loss_of_eye: number; osha_reported_at: number | null; form301_completed_at: number | null; died_at: number | null; learned_at: number | null;
    ordinal: number; total: number;
  }>(sql`
    select i.id, i.number, i.occurred_at, i.reported_at, j.died, j.hospitalized_inpatient, j.amputation, j.loss_of_eye,
           j.osha_reported_at, j.form301_completed_at, j.died_at, j.learned_at, j.ordinal, sum(${oshaDeath} + ${oshaSerious} + ${form301}) over () as total
    from injured_people j indexed by injured_people_open_clocks
    cross join incidents i on i.id = j.incident_id
    where (${sql.raw(OPEN_CLOCKS)})
      and i.production_id = ${actor.productionId} and i.duplicate_of_id is null and ${incidentScope(actor)}
      and (${oshaDeath} + ${oshaSerious} + ${form301}) > 0
    order by ${event}, i.number, j.ordinal
    limit ${LIST_LIMIT}`);
  const items = rows
    .map((r) => ({
      incidentId: r.id,
      incidentNumber: r.number,
      ordinal: r.ordinal,
      deadlines: injuryDeadlines(
        {
          died: !!r.died,
          hospitalizedInpatient: r.hospitalized_inpatient === null ? null : !!r.hospitalized_inpatient,
          amputation: !!r.amputation,
          lossOfEye: !!r.loss_of_eye,
          oshaReportedAt: toDate(r.osha_reported_at),
          form301CompletedAt: toDate(r.form301_completed_at),
          diedAt: toDate(r.died_at),
          learnedAt: toDate(r.learned_at),
        },
        new Date(r.occurred_at ?? r.reported_at),
        now,
        jurisdiction,
      ).filter((d) => d.state === 'overdue'),
    }))
    .filter((i) => i.deadlines.length > 0);
  return { count: rows[0]?.total ?? 0, items };
}

// ───────────── rule 3 ─────────────

export type FlagView = { id: string; rule: string; windowStart: Date; windowEnd: Date; createdAt: Date; incidents: { id: string; number: number }[] };

/** Rule-3 escalations, newest first, with the incident numbers they name (rule_flags_production). */
export function listRuleFlags(actor: DashboardActor): { count: number; items: FlagView[] } {
  assertDashboard(actor);
  const count = one<{ n: number }>(sql`select count(*) as n from rule_flags where production_id = ${actor.productionId}`)?.n ?? 0;
  const rows = all<{ id: string; rule: string; window_start: number; window_end: number; created_at: number; numbers: string | null }>(sql`
    select f.id, f.rule, f.window_start, f.window_end, f.created_at,
      (select json_group_array(json_object('id', i.id, 'number', i.number))
         from json_each(f.incident_ids) e cross join incidents i on i.id = e.value
         where i.production_id = f.production_id) as numbers
    from rule_flags f
    where f.production_id = ${actor.productionId}
    order by f.created_at desc
    limit ${LIST_LIMIT}`);
  return {
    count,
    items: rows.map((r) => ({
      id: r.id,
      rule: r.rule,
      windowStart: new Date(r.window_start),
      windowEnd: new Date(r.window_end),
      createdAt: new Date(r.created_at),
      incidents: ((r.numbers ? JSON.parse(r.numbers) : []) as { id: string; number: number }[]).sort((a, b) => a.number - b.number),
    })),
  };
}

// ───────────── open incidents ─────────────

/**
 * Open = not closed. A duplicate is always closed (the incident core closes it when marking it), so
 * incidents_production_status_severity answers these counts by itself (a covering index).
 */
export function openIncidentsBySeverity(actor: DashboardActor): Record<Severity, number> {
  assertDashboard(actor);
  if (!can(actor.role, 'incident.viewAll')) return openIncidentsBySeverityRecomputed(actor);
  const out = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const r of tallies(actor, 'open_severity')) if (r.key in out) out[r.key as Severity] = r.n;
  return out;
}

/** The same figure counted from the incidents themselves: a scoped viewer's, and the tallies' check. */
export function openIncidentsBySeverityRecomputed(actor: DashboardActor): Record<Severity, number> {
  assertDashboard(actor);
  const out = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const r of all<{ severity: Severity; n: number }>(sql`
    select i.severity, count(*) as n from incidents i
    where i.production_id = ${actor.productionId} and i.status in ${OPEN_STATUSES} and ${incidentScope(actor)}
    group by i.severity`))
    out[r.severity] = r.n;
  return out;
}

export function openIncidentsByType(actor: DashboardActor): Record<IncidentType, number> {
  assertDashboard(actor);
  if (!can(actor.role, 'incident.viewAll')) return openIncidentsByTypeRecomputed(actor);
  const out = Object.fromEntries(INCIDENT_TYPES.map((s) => [s, 0])) as Record<IncidentType, number>;
  for (const r of tallies(actor, 'open_type')) if (r.key in out) out[r.key as IncidentType] = r.n;
  return out;
}

/** The partial index incidents_open_type holds open incidents only (its WHERE is repeated here). */
export function openIncidentsByTypeRecomputed(actor: DashboardActor): Record<IncidentType, number> {
  assertDashboard(actor);
  const out = Object.fromEntries(INCIDENT_TYPES.map((s) => [s, 0])) as Record<IncidentType, number>;
  for (const r of all<{ type: IncidentType; n: number }>(sql`
    select i.type, count(*) as n from incidents i indexed by incidents_open_type
    where i.production_id = ${actor.productionId} and i.status <> 'closed' and ${incidentScope(actor)}
    group by i.type`))
    out[r.type] = r.n;
  return out;
}

export type WeekCount = { week: string; label: string; firearm: number; other: number; total: number };

/** incident_when_tallies' bucket: an hour, in ms. */
const HOUR_MS = 3_600_000;

/**
 * Incidents per week over the last `weeks` weeks, by when they happened (when they were filed if
 * no time was given). Week edges are local Mondays, computed here and passed in, so the grouping
 * is exact across daylight-saving changes; SQLite only sums. Read from incident_when_tallies, kept
 * per hour by triggers (ARCHITECTURE.md: dashboard aggregates): a week is a range of at most 168
 * rows, however many were filed in it. Counted from the incidents themselves for a scoped viewer,
 * and where a week edge falls between whole hours (a zone such as Asia/Kolkata, +5:30).
 */
export function incidentsPerWeek(actor: DashboardActor, now = new Date(), weeks = 12): WeekCount[] {
  assertDashboard(actor);
  const ws = lastWeeks(now, actor.production.timeZone, weeks);
  const onHours = ws.every((w) => w.startAt.getTime() % HOUR_MS === 0 && w.endAt.getTime() % HOUR_MS === 0);
  if (!can(actor.role, 'incident.viewAll') || !onHours) return weeklyCounts(actor, ws, countWeeks(actor, ws));
  const rows = all<{ w: number; firearm: number; n: number }>(sql`
    with week(k, s, e) as (values ${weekValues(ws, HOUR_MS)})
    select week.k as w, sum(t.n) as n, sum(t.n * t.firearm) as firearm
    from week join incident_when_tallies t on t.production_id = ${actor.productionId} and t.bucket >= week.s and t.bucket < week.e
    group by week.k`);
  return weeklyCounts(actor, ws, rows);
}

/** The same figure counted from the incidents: a scoped viewer's, and the tallies' check. */
export function incidentsPerWeekRecomputed(actor: DashboardActor, now = new Date(), weeks = 12): WeekCount[] {
  assertDashboard(actor);
  const ws = lastWeeks(now, actor.production.timeZone, weeks);
  return weeklyCounts(actor, ws, countWeeks(actor, ws));
}

type Weeks = ReturnType<typeof lastWeeks>;
const incidentWhen = sql`coalesce(i.occurred_at, i.reported_at)`;
/** The weeks as SQL rows (k, start, end), their edges in ms divided by `unit`. */
const weekValues = (ws: Weeks, unit = 1) =>
  sql.join(
    ws.map((w, k) => sql`(${k}, ${w.startAt.getTime() / unit}, ${w.endAt.getTime() / unit})`),
    sql`, `,
  );

/**
 * Two range counts a week, each on an index that holds only what it counts: all reports on
 * incidents_production_when, the firearm kinds on incidents_production_firearm_when (partial on
 * the same type list, spelled the same; named, because without statistics the planner prefers the
 * wider covering index). Counting index entries in a range reads no column.
 */
function countWeeks(actor: DashboardActor, ws: Weeks) {
  const inWeek = sql`i.production_id = ${actor.productionId} and i.duplicate_of_id is null and ${incidentScope(actor)} and ${incidentWhen} >= week.s and ${incidentWhen} < week.e`;
  return all<{ w: number; firearm: number; n: number }>(sql`
    with week(k, s, e) as (values ${weekValues(ws)})
    select week.k as w,
      (select count(*) from incidents i where ${inWeek}) as n,
      (select count(*) from incidents i indexed by incidents_production_firearm_when where ${inWeek} and i.type in ${FIREARM_TYPES}) as firearm
    from week`);
}

/** Adds the incidents of other types linked to a weapon to the firearm-related, and names each week. */
function weeklyCounts(actor: DashboardActor, ws: Weeks, rows: { w: number; firearm: number; n: number }[]): WeekCount[] {
  const start = ws[0].startAt.getTime();
  const end = ws[ws.length - 1].endAt.getTime();
  const bucket = sql.join(
    ws.map((w, k) => sql`when t < ${w.endAt.getTime()} then ${k}`),
    sql` `,
  );
  const window = sql`i.production_id = ${actor.productionId} and i.duplicate_of_id is null and ${incidentScope(actor)}
        and ${incidentWhen} >= ${start} and ${incidentWhen} < ${end}`;
  // Firearm-related also means "a weapon is linked" (ARCHITECTURE.md: firearm-related): those few are found from the
  // production's weapons, not by probing every incident of the window.
  const linked = all<{ w: number; n: number }>(sql`
    select case ${bucket} end as w, count(*) as n
    from (select distinct i.id, ${incidentWhen} as t
          from firearms fa join incident_firearms x on x.firearm_id = fa.id cross join incidents i on i.id = x.incident_id
          where fa.production_id = ${actor.productionId} and i.type not in ${FIREARM_TYPES} and ${window})
    group by w`);
  const byWeek = new Map(rows.map((r) => [r.w, { ...r }]));
  for (const l of linked) {
    const r = byWeek.get(l.w);
    if (r) r.firearm += l.n;
  }
  return ws.map((w, k) => {
    const r = byWeek.get(k);
    const total = r?.n ?? 0;
    const firearm = r?.firearm ?? 0;
    return { week: w.start, label: w.label, firearm, other: total - firearm, total };
  });
}

// ───────────── firearms: checks, custody, the armorer ─────────────

export type Compliance = { handoffs: number; valid: number; refused: number; ratio: number | null };

/**
 * Check compliance = hand-offs with a valid check ÷ (hand-offs + refused attempts). A valid check
 * (rule 2): before-use, passed, of that weapon, done before the hand-off and after the weapon's
 * last return, with at least one named witness and every witness confirmed before the hand-off.
 */
export function checkCompliance(actor: DashboardActor, since: Date): Compliance {
  assertDashboard(actor);
  // A window, not all time: what matters for shooting today is the recent record (all time stays in
  // the exports). Whether each hand-off went out on a valid check is kept on the row by triggers
  // (ARCHITECTURE.md: performance budget, kept aggregates), so the window is counted from one index
  // alone: evaluating rule 2 here for each hand-off read a few pages per hand-off, which on a cold
  // page cache held the server's one thread for seconds.
  const from = since.getTime();
  const r = one<{ handoffs: number; valid: number; refused: number }>(sql`
    select
      (select count(*) from handoffs h indexed by handoffs_production_at where h.production_id = ${actor.productionId} and h.handed_at >= ${from}) as handoffs,
      (select count(*) from handoffs h indexed by handoffs_production_at where h.production_id = ${actor.productionId} and h.handed_at >= ${from} and h.check_valid = 1) as valid,
      (select count(*) from refused_handoffs x where x.production_id = ${actor.productionId} and x.at >= ${from}) as refused`);
  const handoffs = r?.handoffs ?? 0;
  const refused = r?.refused ?? 0;
  const valid = r?.valid ?? 0;
  return { handoffs, valid, refused, ratio: handoffs + refused === 0 ? null : valid / (handoffs + refused) };
}

export type PendingWitnessCheck = { id: string; performedAt: Date; scene: string; phase: string; firearmTag: string; pending: string[] };

/**
 * Checks with a named witness who has not confirmed yet (one who declined is not awaited: the
 * check is refused by rule 2, and the armorer was told). Only the oldest few are joined to their
 * weapon and witnesses' names (ARCHITECTURE.md: performance budget).
 */
export function checksMissingWitness(actor: DashboardActor): { count: number; items: PendingWitnessCheck[] } {
  assertDashboard(actor);
  // dashboard_pending_checks holds exactly the checks with a confirmation still awaited, kept by
  // triggers in the write transaction (ARCHITECTURE.md: dashboard aggregates), in the order listed.
  const count = one<{ n: number }>(sql`select count(*) as n from dashboard_pending_checks where production_id = ${actor.productionId}`)?.n ?? 0;
  const rows = all<{ id: string; performed_at: number; scene: string; phase: string; tag: string; pending: string }>(sql`
    select c.id, c.performed_at, c.scene, c.phase, f.tag,
      (select json_group_array(u.name) from check_witnesses w2 join users u on u.id = w2.user_id
        where w2.check_id = c.id and w2.confirmed_at is null and w2.declined_at is null) as pending
    from (select check_id from dashboard_pending_checks where production_id = ${actor.productionId}
          order by performed_at, check_id limit ${LIST_LIMIT})
    cross join firearm_checks c on c.id = check_id
    join firearms f on f.id = c.firearm_id
    order by c.performed_at, c.id`);
  return {
    count,
    items: rows.map((r) => ({ id: r.id, performedAt: new Date(r.performed_at), scene: r.scene, phase: r.phase, firearmTag: r.tag, pending: JSON.parse(r.pending) as string[] })),
  };
}

/** The same list found from the witnesses themselves: the check of dashboard_pending_checks. */
export function checksMissingWitnessRecomputed(actor: DashboardActor): { count: number; ids: string[] } {
  assertDashboard(actor);
  const ids = all<{ id: string }>(sql`
    select distinct c.id from check_witnesses w cross join firearm_checks c on c.id = w.check_id
    where w.confirmed_at is null and w.declined_at is null and c.production_id = ${actor.productionId}
    order by c.performed_at, c.id`).map((r) => r.id);
  return { count: ids.length, ids };
}

export type OutWeapon = { handoffId: string; firearmId: string; tag: string; description: string; holder: string; scene: string; handedAt: Date; overdue: boolean };

/**
 * Weapons handed out and not returned (handoffs_production_returned: returned_at IS NULL).
 * Overdue = handed out before today began in the production's zone: not back at the end of the day.
 */
export function weaponsNotBack(actor: DashboardActor, now = new Date()): { overdue: number; outNow: number; items: OutWeapon[] } {
  assertDashboard(actor);
  const startOfToday = dayStart(today(actor, now), actor.production.timeZone).getTime();
  const rows = all<{ id: string; firearm_id: string; tag: string; make: string; model: string; holder: string | null; scene: string; handed_at: number }>(sql`
    select h.id, h.firearm_id, f.tag, f.make, f.model, u.name as holder, h.scene, h.handed_at
    from handoffs h indexed by handoffs_production_returned
    join firearms f on f.id = h.firearm_id left join users u on u.id = h.to_id
    where h.production_id = ${actor.productionId} and h.returned_at is null
    order by h.handed_at`);
  const items = rows.map((r) => ({
    handoffId: r.id,
    firearmId: r.firearm_id,
    tag: r.tag,
    description: `${r.make} ${r.model}`.trim(),
    holder: r.holder ?? 'Unknown',
    scene: r.scene,
    handedAt: new Date(r.handed_at),
    overdue: r.handed_at < startOfToday,
  }));
  const overdue = items.filter((i) => i.overdue).length;
  return { overdue, outNow: items.length - overdue, items };
}

export type DoublingArmorer = { userId: string; name: string; positions: Position[] };

/**
 * Rust failure point FP4: on Rust the armorer was also key props assistant and had no time for armorer
 * duties. Any other position held by an armorer is flagged, props included.
 */
export function armorersWithOtherPositions(actor: DashboardActor): DoublingArmorer[] {
  assertDashboard(actor);
  return all<{ user_id: string; name: string; positions: string }>(sql`
    select m.user_id, u.name, m.positions from memberships m join users u on u.id = m.user_id
    where m.production_id = ${actor.productionId} and m.role = 'armorer' and json_array_length(m.positions) > 0
    order by u.name`).map((r) => ({ userId: r.user_id, name: r.name, positions: JSON.parse(r.positions) as Position[] }));
}

/** Rule 9: each armorer holding another position, flagged or covered by a producer's decision. */
export function armorersWithDuties(actor: DashboardActor) {
  return armorerDuties(actor, armorersWithOtherPositions(actor));
}

export type UnassignedReport = { id: string; number: number; type: IncidentType; severity: Severity; reportedAt: Date; anonymous: boolean };

/**
 * Open reports nobody owns yet, oldest first. The partial index incidents_open_unassigned holds
 * exactly these (its WHERE is repeated here), in reported order.
 */
const unassignedWhere = (actor: DashboardActor) => sql`i.production_id = ${actor.productionId} and i.owner_id is null and i.status <> 'closed' and ${incidentScope(actor)}`;

export function oldestUnassigned(actor: DashboardActor): { count: number; items: UnassignedReport[] } {
  assertDashboard(actor);
  const where = unassignedWhere(actor);
  // The count from dashboard_tallies (ARCHITECTURE.md: dashboard aggregates) for a viewer of every report.
  const count = can(actor.role, 'incident.viewAll')
    ? (tallies(actor, 'open_unassigned')[0]?.n ?? 0)
    : unassignedCountRecomputed(actor);
  const rows = all<{ id: string; number: number; type: IncidentType; severity: Severity; reported_at: number; anonymous: number }>(sql`
    select i.id, i.number, i.type, i.severity, i.reported_at, i.anonymous from incidents i indexed by incidents_open_unassigned where ${where}
    order by i.reported_at, i.number limit ${LIST_LIMIT}`);
  return { count, items: rows.map((r) => ({ id: r.id, number: r.number, type: r.type, severity: r.severity, reportedAt: new Date(r.reported_at), anonymous: !!r.anonymous })) };
}

/** Open reports nobody owns, counted on incidents_open_unassigned: a scoped viewer's, and the tally's check. */
export function unassignedCountRecomputed(actor: DashboardActor): number {
  assertDashboard(actor);
  return one<{ n: number }>(sql`select count(*) as n from incidents i indexed by incidents_open_unassigned where ${unassignedWhere(actor)}`)?.n ?? 0;
}

// ───────────── across productions ─────────────

export type ProductionSummary = {
  openHolds: number;
  overdueActions: number;
  overdueDeadlines: number;
  ruleFlags: number;
  openIncidents: number;
  openCritical: number;
  weaponsOverdue: number;
  checksPendingWitness: number;
  unassigned: number;
  armorerDoubling: number;
};

/** The counts behind the cross-production view; the same queries as the production dashboard. */
export function productionSummary(actor: DashboardActor, now = new Date()): ProductionSummary {
  const sev = openIncidentsBySeverity(actor);
  return {
    openHolds: listOpenHolds(actor).length,
    overdueActions: overdueCorrectiveActions(actor, now).count,
    overdueDeadlines: overdueLegalDeadlines(actor, now).count,
    ruleFlags: listRuleFlags(actor).count,
    openIncidents: Object.values(sev).reduce((a, b) => a + b, 0),
    openCritical: sev.critical,
    weaponsOverdue: weaponsNotBack(actor, now).overdue,
    checksPendingWitness: checksMissingWitness(actor).count,
    unassigned: oldestUnassigned(actor).count,
    // Rule 9: an armorer's other position counts until a producer has decided on it.
    armorerDoubling: armorersWithDuties(actor).filter((d) => d.state === 'flagged').length,
  };
}

export type Untriaged = { critical: number; criticalId: string | null; other: number; openCritical: number };

/**
 * Open reports by what the verdict needs (app/lib/rules/verdict.ts): untriaged (still "reported")
 * critical or live-ammunition ones — the one id when there is just one — other untriaged ones, and
 * critical ones being worked on. Duplicates are not counted. Read from dashboard_tallies
 * (ARCHITECTURE.md: dashboard aggregates).
 */
export function untriagedIncidents(actor: DashboardActor): Untriaged {
  assertDashboard(actor);
  if (!can(actor.role, 'incident.viewAll')) return untriagedIncidentsRecomputed(actor);
  const t = Object.fromEntries(tallies(actor, 'untriaged').map((r) => [r.key, r.n]));
  const critical = t.stop ?? 0;
  // The one id only when there is just one: "reported" and critical or live ammunition, found on
  // two small index ranges (a duplicate is always closed, so "reported" excludes duplicates).
  const criticalId =
    critical === 1
      ? one<{ id: string }>(sql`
          select id from (
            select i.id from incidents i indexed by incidents_production_status_severity
              where i.production_id = ${actor.productionId} and i.status = 'reported' and i.severity = 'critical' and i.duplicate_of_id is null
            union all
            select i.id from incidents i indexed by incidents_open_type
              where i.production_id = ${actor.productionId} and i.status <> 'closed' and i.type = 'live_ammunition_found' and i.status = 'reported' and i.duplicate_of_id is null)
          order by id desc limit 1`)?.id ?? null
      : null;
  return { critical, criticalId, other: t.other ?? 0, openCritical: t.open_critical ?? 0 };
}

/** The same figures counted from the open incidents: a scoped viewer's, and the tallies' check. */
export function untriagedIncidentsRecomputed(actor: DashboardActor): Untriaged {
  assertDashboard(actor);
  const stopping = sql`(i.severity = 'critical' or i.type = 'live_ammunition_found')`;
  const r = one<{ critical: number | null; critical_id: string | null; other: number | null; open_critical: number | null }>(sql`
    select sum(i.status = 'reported' and ${stopping}) as critical,
           max(case when i.status = 'reported' and ${stopping} then i.id end) as critical_id,
           sum(i.status = 'reported' and not ${stopping}) as other,
           sum(i.status <> 'reported' and i.severity = 'critical') as open_critical
    from incidents i
    where i.production_id = ${actor.productionId} and i.status <> 'closed' and i.duplicate_of_id is null and ${incidentScope(actor)}`);
  const critical = r?.critical ?? 0;
  return { critical, criticalId: critical === 1 ? r?.critical_id ?? null : null, other: r?.other ?? 0, openCritical: r?.open_critical ?? 0 };
}
