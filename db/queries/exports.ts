import 'server-only';
import { and, asc, count, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, type Tx } from '@/db/client';
import { chainHeadIn } from '@/db/audit-chains';
import { auditLog, firearmChecks, firearms, handoffs, incidents, injuredPeople, memberships, refusedHandoffs, users } from '@/db/schema';
import { can } from '@/app/lib/policy';
import { CUSTODIAN_POSITIONS, LABELS, type Position } from '@/app/lib/enums';
import { dayRange } from '@/app/lib/calendar';
import { exportLocal, isStoredDayOnly, toLocalDateTime } from '@/app/lib/time';
import { redactStored } from '@/app/lib/audit-diff';
import type { Column, Dataset, Row } from '@/app/lib/export-format';
import type { AuditFilters } from '@/app/lib/schemas/oversight';
import { assertAuditView, auditWhere, personalFieldsGate, type AuditActor } from './audit';

// Exports (ARCHITECTURE.md: permission matrix, audit.view — producers and auditors). Every dataset
// is read in ONE read transaction together with the chain head, so the head printed on the file
// is the one the rows were taken at.

export type IncidentExportFilters = { status?: string; severity?: string; type?: string; from?: string; to?: string };
export type CheckExportFilters = { firearm?: string; result?: string; from?: string; to?: string };
export type CustodyExportFilters = { firearm?: string; open?: string; from?: string; to?: string };

/** One page of a dataset read in key order: the rows after `after` (an incident number, an audit seq), at most `limit`. */
export type Page = { after?: number; limit: number };

export type ExportResult = { chainHead: { seq: number; hash: string } | null; columns: Column[]; rows: Row[] };

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const cols = (pairs: [string, string][]): Column[] => pairs.map(([key, header]) => ({ key, header }));

export function exportDataset(actor: AuditActor, dataset: Dataset, filters: Record<string, string | number | undefined>): ExportResult {
  assertAuditView(actor);
  return getDb().transaction(
    (tx) => {
      const chainHead = chainHeadIn(tx, actor.productionId);
      const data =
        dataset === 'incidents'
          ? exportIncidents(tx, actor, filters as IncidentExportFilters)
          : dataset === 'checks'
            ? exportChecks(tx, actor, filters as CheckExportFilters)
            : dataset === 'custody'
              ? exportCustody(tx, actor, filters as CustodyExportFilters)
              : exportAudit(tx, actor, filters as AuditFilters);
      return { chainHead, ...data };
    },
    { behavior: 'deferred' },
  );
}

function range(col: SQL | typeof incidents.reportedAt, f: { from?: string; to?: string }, tz: string): (SQL | undefined)[] {
  const { start, end } = dayRange(f.from, f.to, tz);
  return [start ? sql`${col} >= ${start.getTime()}` : undefined, end ? sql`${col} < ${end.getTime()}` : undefined];
}

const PERSONAL_COLUMNS: [string, string][] = [
  ['employeeName', 'employee_name'],
  ['employeeAddress', 'employee_address'],
  ['employeeBirthDate', 'employee_birth_date'],
  ['employeeHiredDate', 'employee_hired_date'],
  ['employeeSex', 'employee_sex'],
  ['physicianName', 'physician_name'],
  ['facilityNameAddress', 'facility_name_address'],
];

function incidentWhere(actor: AuditActor, f: IncidentExportFilters) {
  const when = sql`coalesce(${incidents.occurredAt}, ${incidents.reportedAt})`;
  return and(
    eq(incidents.productionId, actor.productionId),
    f.status ? eq(incidents.status, f.status as (typeof incidents.$inferSelect)['status']) : undefined,
    f.severity ? eq(incidents.severity, f.severity as (typeof incidents.$inferSelect)['severity']) : undefined,
    f.type ? eq(incidents.type, f.type as (typeof incidents.$inferSelect)['type']) : undefined,
    ...range(when, f, actor.production.timeZone),
  );
}

export function countIncidents(tx: Tx, actor: AuditActor, f: IncidentExportFilters): number {
  return tx.select({ n: count() }).from(incidents).where(incidentWhere(actor, f)).get()?.n ?? 0;
}

export function exportIncidents(tx: Tx, actor: AuditActor, f: IncidentExportFilters, page?: Page): { columns: Column[]; rows: Row[] } {
  const tz = actor.production.timeZone;
  const reporter = alias(users, 'reporter');
  const owner = alias(users, 'owner');
  const dup = alias(incidents, 'dup');
  const query = tx
    .select({
      i: incidents,
      reporterName: reporter.name,
      ownerName: owner.name,
      duplicateOf: dup.number,
      injury: injuredPeople,
      injuredCount: sql<number>`(select count(*) from injured_people p where p.incident_id = ${incidents.id})`,
      firearms: sql<string | null>`(select group_concat(f.tag, ', ') from incident_firearms x join firearms f on f.id = x.firearm_id where x.incident_id = ${incidents.id})`,
    })
    .from(incidents)
    .leftJoin(reporter, eq(reporter.id, incidents.reporterId))
    .leftJoin(owner, eq(owner.id, incidents.ownerId))
    .leftJoin(dup, eq(dup.id, incidents.duplicateOfId))
    .leftJoin(injuredPeople, and(eq(injuredPeople.incidentId, incidents.id), eq(injuredPeople.ordinal, 1)))
    .where(and(incidentWhere(actor, f), page?.after !== undefined ? gt(incidents.number, page.after) : undefined))
    .orderBy(asc(incidents.number))
    .$dynamic();
  const rows = (page ? query.limit(page.limit) : query).all();
  // Injury privacy: personal Form 301 columns only for those who may see them (producers, auditors).
  const personal = can(actor.role, 'injury.viewPersonal');
  const mayShow = personalFieldsGate(actor);
  const columns = cols([
    ['number', 'number'], ['id', 'id'], ['type', 'type'], ['severity', 'severity'], ['status', 'status'],
    ['occurredAt', 'occurred_at_utc'], ['occurredLocal', `occurred_local (${tz})`], ['reportedAt', 'reported_at_utc'], ['reportedLocal', `reported_local (${tz})`],
    ['anonymous', 'anonymous'], ['reporter', 'reporter'], ['location', 'location'], ['scene', 'scene'],
    ['description', 'description'], ['immediateActions', 'immediate_actions'], ['peopleInvolved', 'people_involved'],
    ['firearms', 'firearms'], ['owner', 'owner'], ['duplicateOf', 'duplicate_of_number'], ['closedAt', 'closed_at_utc'], ['resolution', 'resolution'],
    ['injury', 'injury_recorded'], ['caseNumber', 'injury_case_number'],
    ...(personal ? PERSONAL_COLUMNS : []),
    ['emergencyRoom', 'injury_emergency_room'], ['hospitalizedInpatient', 'injury_hospitalized_inpatient'],
    ['activityBefore', 'injury_activity_before'], ['howOccurred', 'injury_how_occurred'], ['injuryDescription', 'injury_description'],
    ['harmingObject', 'injury_harming_object'], ['died', 'injury_died'], ['deathDate', 'injury_death_date'],
    ['amputation', 'injury_amputation'], ['lossOfEye', 'injury_loss_of_eye'],
    ['oshaReportedAt', 'osha_reported_at_utc'], ['form301CompletedAt', 'form301_completed_at_utc'],
    // The injury columns are injured person 1's; the count says how many cases the report holds.
    ['injuredCount', 'injured_people'],
  ]);
  return {
    columns,
    rows: rows.map(({ i, reporterName, ownerName, duplicateOf, injury: j, injuredCount, firearms: tags }) => {
      const row: Row = {
        number: i.number, id: i.id, type: LABELS.incidentType[i.type], severity: LABELS.severity[i.severity], status: LABELS.status[i.status],
        occurredAt: iso(i.occurredAt), // An anonymous report keeps the day only (ARCHITECTURE.md: anonymous reports): its local columns say the day, not a midnight.
        occurredLocal: i.occurredAt ? exportLocal(i.occurredAt, tz, i.anonymous) : null,
        reportedAt: iso(i.reportedAt), reportedLocal: exportLocal(i.reportedAt, tz, i.anonymous), anonymous: i.anonymous, reporter: i.anonymous ? 'anonymous' : (reporterName ?? null),
        location: i.location, scene: i.scene, description: i.description, immediateActions: i.immediateActions, peopleInvolved: i.peopleInvolved,
        firearms: tags ?? '', owner: ownerName ?? null, duplicateOf: duplicateOf ?? null, closedAt: iso(i.closedAt), resolution: i.resolution,
        injury: !!j, caseNumber: j?.caseNumber ?? null,
        emergencyRoom: j?.emergencyRoom ?? null, hospitalizedInpatient: j?.hospitalizedInpatient ?? null,
        activityBefore: j?.activityBefore ?? null, howOccurred: j?.howOccurred ?? null, injuryDescription: j?.injuryDescription ?? null,
        harmingObject: j?.harmingObject ?? null, died: j ? j.died : null, deathDate: j?.deathDate ?? null,
        amputation: j ? j.amputation : null, lossOfEye: j ? j.lossOfEye : null,
        oshaReportedAt: iso(j?.oshaReportedAt), form301CompletedAt: iso(j?.form301CompletedAt),
        injuredCount: injuredCount ?? 0,
      };
      if (personal) {
        const show = j && mayShow(i.id);
        for (const [k] of PERSONAL_COLUMNS) row[k] = show ? ((j as Record<string, unknown>)[k] as string | null) : null;
      }
      return row;
    }),
  };
}

function exportChecks(tx: Tx, actor: AuditActor, f: CheckExportFilters): { columns: Column[]; rows: Row[] } {
  const tz = actor.production.timeZone;
  const rows = tx
    .select({
      c: firearmChecks,
      tag: firearms.tag,
      make: firearms.make,
      model: firearms.model,
      by: users.name,
      witnesses: sql<string>`(select json_group_array(json_object('name', u.name, 'at', w.confirmed_at))
        from check_witnesses w join users u on u.id = w.user_id where w.check_id = ${firearmChecks.id})`,
    })
    .from(firearmChecks)
    .innerJoin(firearms, eq(firearms.id, firearmChecks.firearmId))
    .leftJoin(users, eq(users.id, firearmChecks.performedById))
    .where(
      and(
        eq(firearmChecks.productionId, actor.productionId),
        f.firearm ? eq(firearmChecks.firearmId, f.firearm) : undefined,
        f.result ? eq(firearmChecks.result, f.result as 'pass' | 'fail') : undefined,
        ...range(sql`${firearmChecks.performedAt}`, f, tz),
      ),
    )
    .orderBy(asc(firearmChecks.performedAt))
    .all();
  return {
    columns: cols([
      ['performedAt', 'performed_at_utc'], ['performedLocal', `performed_local (${tz})`], ['firearmTag', 'firearm_tag'], ['firearm', 'firearm'],
      ['phase', 'phase'], ['scene', 'scene'], ['result', 'result'], ['checklist', 'checklist'], ['findings', 'findings'],
      ['performedBy', 'performed_by'], ['witnesses', 'witnesses'], ['witnessesPending', 'witnesses_pending'], ['id', 'id'],
    ]),
    rows: rows.map(({ c, tag, make, model, by, witnesses }) => {
      const ws = JSON.parse(witnesses) as { name: string; at: number | null }[];
      return {
        performedAt: iso(c.performedAt), performedLocal: toLocalDateTime(c.performedAt, tz).replace('T', ' '),
        firearmTag: tag, firearm: `${make} ${model}`.trim(), phase: LABELS.checkPhase[c.phase], scene: c.scene,
        result: LABELS.checkResult[c.result],
        checklist: Object.entries(c.checklist ?? {}).map(([k, v]) => `${k}: ${v ? 'yes' : 'no'}`).join('; '),
        findings: c.findings, performedBy: by ?? null,
        witnesses: ws.map((w) => `${w.name} (${w.at ? `confirmed ${new Date(w.at).toISOString()}` : 'pending'})`).join('; '),
        witnessesPending: ws.filter((w) => !w.at).length,
        id: c.id,
      };
    }),
  };
}

/**
 * The custody log's one total order (ARCHITECTURE.md: exports in constant memory): by time, then
 * hand-offs before refused attempts at the same instant, then by id. The whole file and the
 * streamed file sort by it, so both give the same text whatever the tables' scan order.
 */
export type CustodyKey = { t: number; rank: 0 | 1; id: string };
export const CUSTODY_RANK = { handoff: 0, refused: 1 } as const;
export function custodyOrder(a: CustodyKey, b: CustodyKey): number {
  return a.t - b.t || a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
/** One page of one custody table in (time, id) order: the rows after `after`, at most `limit`. */
export type CustodyPage = { after?: { t: number; id: string }; limit: number };
export type CustodyRow = { key: CustodyKey; row: Row };

export const CUSTODY_COLUMNS = (tz: string): Column[] =>
  cols([
    ['kind', 'kind'], ['at', 'at_utc'], ['atLocal', `at_local (${tz})`], ['firearmTag', 'firearm_tag'], ['from', 'from'], ['to', 'to'],
    ['scene', 'scene'], ['roundsOut', 'rounds_out'], ['returnedAt', 'returned_at_utc'], ['receivedBy', 'received_by'],
    ['roundsBack', 'rounds_back'], ['roundsDifference', 'rounds_difference'], ['checkId', 'check_id'], ['returnCheckId', 'return_check_id'],
    ['incident', 'incident_number'], ['refusedReasons', 'refused_reasons'], ['toCustodian', 'to_custodian_position'],
    ['receivedByCustodian', 'received_by_custodian_position'], ['id', 'id'],
  ]);

/** Rule 9: the custody chain names a property master or assistant who received or collected a weapon. */
export function custodianPositions(tx: Tx, actor: AuditActor): (userId: string | null) => string | null {
  const custodianOf = new Map(
    tx
      .select({ userId: memberships.userId, positions: memberships.positions })
      .from(memberships)
      .where(eq(memberships.productionId, actor.productionId))
      .all()
      .map((m) => [m.userId, (m.positions as Position[]).filter((p) => CUSTODIAN_POSITIONS.includes(p)).map((p) => LABELS.position[p]).join('; ') || null]),
  );
  return (userId) => (userId ? (custodianOf.get(userId) ?? null) : null);
}

/** Keyset condition "after (t, id)" written so the (production, time) index bounds the scan. */
const afterKey = (time: SQL, id: SQL, after?: { t: number; id: string }) =>
  after ? sql`(${time} >= ${after.t} and (${time} > ${after.t} or ${id} > ${after.id}))` : undefined;

function handoffsWhere(actor: AuditActor, f: CustodyExportFilters) {
  return and(
    eq(handoffs.productionId, actor.productionId),
    f.firearm ? eq(handoffs.firearmId, f.firearm) : undefined,
    f.open ? isNull(handoffs.returnedAt) : undefined,
    ...range(sql`${handoffs.handedAt}`, f, actor.production.timeZone),
  );
}

function refusedWhere(actor: AuditActor, f: CustodyExportFilters) {
  return and(
    eq(refusedHandoffs.productionId, actor.productionId),
    f.firearm ? eq(refusedHandoffs.firearmId, f.firearm) : undefined,
    ...range(sql`${refusedHandoffs.at}`, f, actor.production.timeZone),
  );
}

/** How many rows the custody file holds (both tables; refused attempts are left out with open=1). */
export function countCustody(tx: Tx, actor: AuditActor, f: CustodyExportFilters): number {
  const out = tx.select({ n: count() }).from(handoffs).where(handoffsWhere(actor, f)).get()?.n ?? 0;
  return out + (f.open ? 0 : (tx.select({ n: count() }).from(refusedHandoffs).where(refusedWhere(actor, f)).get()?.n ?? 0));
}

/** Hand-offs of the custody file in (time, id) order, a page at a time when `page` is given. */
export function custodyHandoffs(tx: Tx, actor: AuditActor, f: CustodyExportFilters, custodian: (u: string | null) => string | null, page?: CustodyPage): CustodyRow[] {
  const tz = actor.production.timeZone;
  const giver = alias(users, 'giver');
  const taker = alias(users, 'taker');
  const receiver = alias(users, 'receiver');
  const disc = alias(incidents, 'disc');
  const query = tx
    .select({ h: handoffs, tag: firearms.tag, from: giver.name, to: taker.name, receivedBy: receiver.name, discrepancy: disc.number })
    .from(handoffs)
    .innerJoin(firearms, eq(firearms.id, handoffs.firearmId))
    .leftJoin(giver, eq(giver.id, handoffs.fromId))
    .leftJoin(taker, eq(taker.id, handoffs.toId))
    .leftJoin(receiver, eq(receiver.id, handoffs.receivedById))
    .leftJoin(disc, eq(disc.id, handoffs.discrepancyIncidentId))
    .where(and(handoffsWhere(actor, f), afterKey(sql`${handoffs.handedAt}`, sql`${handoffs.id}`, page?.after)))
    .orderBy(asc(handoffs.handedAt), asc(handoffs.id))
    .$dynamic();
  const local = (d: Date) => toLocalDateTime(d, tz).replace('T', ' ');
  return (page ? query.limit(page.limit) : query).all().map(({ h, tag, from, to, receivedBy, discrepancy }) => ({
    key: { t: h.handedAt.getTime(), rank: CUSTODY_RANK.handoff, id: h.id },
    row: {
      kind: 'hand-off', at: iso(h.handedAt), atLocal: local(h.handedAt), firearmTag: tag, from: from ?? null, to: to ?? null, scene: h.scene,
      roundsOut: h.roundsOut, returnedAt: iso(h.returnedAt), receivedBy: receivedBy ?? null, roundsFired: h.roundsFired, roundsBack: h.roundsBack,
      // What neither fired blanks nor returned rounds explain (the incident's count).
      roundsDifference: h.roundsBack === null ? null : h.roundsOut - (h.roundsFired ?? 0) - h.roundsBack, checkId: h.checkId, returnCheckId: h.returnCheckId,
      incident: discrepancy ?? null, refusedReasons: null, toCustodian: custodian(h.toId), receivedByCustodian: custodian(h.receivedById), id: h.id,
    },
  }));
}

/** Refused attempts of the custody file in (time, id) order; none with open=1. */
export function custodyRefused(tx: Tx, actor: AuditActor, f: CustodyExportFilters, custodian: (u: string | null) => string | null, page?: CustodyPage): CustodyRow[] {
  // Refused attempts belong in the custody log (rule 2): nothing moved, but someone tried.
  if (f.open) return [];
  const tz = actor.production.timeZone;
  const attempt = alias(users, 'attempt');
  const refusedTo = alias(users, 'refused_to');
  const inc = alias(incidents, 'inc');
  const query = tx
    .select({ r: refusedHandoffs, tag: firearms.tag, by: attempt.name, to: refusedTo.name, incident: inc.number })
    .from(refusedHandoffs)
    .innerJoin(firearms, eq(firearms.id, refusedHandoffs.firearmId))
    .leftJoin(attempt, eq(attempt.id, refusedHandoffs.attemptedById))
    .leftJoin(refusedTo, eq(refusedTo.id, refusedHandoffs.toId))
    .leftJoin(inc, eq(inc.id, refusedHandoffs.incidentId))
    .where(and(refusedWhere(actor, f), afterKey(sql`${refusedHandoffs.at}`, sql`${refusedHandoffs.id}`, page?.after)))
    .orderBy(asc(refusedHandoffs.at), asc(refusedHandoffs.id))
    .$dynamic();
  const local = (d: Date) => toLocalDateTime(d, tz).replace('T', ' ');
  return (page ? query.limit(page.limit) : query).all().map(({ r, tag, by, to, incident }) => ({
    key: { t: r.at.getTime(), rank: CUSTODY_RANK.refused, id: r.id },
    row: {
      kind: 'refused attempt', at: iso(r.at), atLocal: local(r.at), firearmTag: tag, from: by ?? null, to: to ?? null, scene: r.scene,
      roundsOut: null, returnedAt: null, receivedBy: null, roundsFired: null, roundsBack: null, roundsDifference: null, checkId: null, returnCheckId: null,
      incident: incident ?? null, refusedReasons: (r.reasons ?? []).join('; '), toCustodian: custodian(r.toId), receivedByCustodian: null, id: r.id,
    },
  }));
}

function exportCustody(tx: Tx, actor: AuditActor, f: CustodyExportFilters): { columns: Column[]; rows: Row[] } {
  const custodian = custodianPositions(tx, actor);
  const rows = [...custodyHandoffs(tx, actor, f, custodian), ...custodyRefused(tx, actor, f, custodian)].sort((a, b) => custodyOrder(a.key, b.key));
  return { columns: CUSTODY_COLUMNS(actor.production.timeZone), rows: rows.map((r) => r.row) };
}

export function countAudit(tx: Tx, actor: AuditActor, f: AuditFilters): number {
  return tx.select({ n: count() }).from(auditLog).where(auditWhere(actor, f)).get()?.n ?? 0;
}

export function exportAudit(tx: Tx, actor: AuditActor, f: AuditFilters, page?: Page, gate = personalFieldsGate(actor)): { columns: Column[]; rows: Row[] } {
  const tz = actor.production.timeZone;
  const mayShow = gate;
  const query = tx
    .select()
    .from(auditLog)
    .where(and(auditWhere(actor, f), page?.after !== undefined ? gt(auditLog.seq, page.after) : undefined))
    .orderBy(asc(auditLog.seq))
    .$dynamic();
  const rows = (page ? query.limit(page.limit) : query).all();
  const incidentOf = (s: string | null) => {
    try {
      const v = s ? (JSON.parse(s) as { incidentId?: unknown }) : null;
      return typeof v?.incidentId === 'string' ? v.incidentId : null;
    } catch {
      return null;
    }
  };
  return {
    columns: cols([
      ['seq', 'seq'], ['at', 'at_utc'], ['atLocal', `at_local (${tz})`], ['actor', 'actor'], ['actorId', 'actor_id'], ['entity', 'entity'],
      ['entityId', 'entity_id'], ['action', 'action'], ['before', 'before'], ['after', 'after'], ['prevHash', 'prev_hash'], ['hash', 'hash'],
    ]),
    rows: rows.map((r) => {
      // The hash covers the stored text; a redacted before/after no longer re-hashes, which is why
      // the personal fields are only removed for those who may not see them.
      const show = mayShow(r.entityId, incidentOf(r.after) ?? incidentOf(r.before));
      return {
        seq: r.seq, at: iso(r.at), atLocal: exportLocal(r.at, tz, r.actorId === null && isStoredDayOnly(r.at, tz)), actor: r.actorLabel, actorId: r.actorId,
        entity: r.entity, entityId: r.entityId, action: r.action,
        before: show ? r.before : redactStored(r.before), after: show ? r.after : redactStored(r.after),
        prevHash: r.prevHash, hash: r.hash,
      };
    }),
  };
}
