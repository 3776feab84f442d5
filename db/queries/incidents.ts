import 'server-only';
import { aliasedTable, and, asc, count, desc, eq, gte, inArray, isNull, lt, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  auditLog, comments, correctiveActions, signals, firearms, holdIncidents, holds, incidentFirearms, incidents, injuredPeople, memberships, users,
  type Incident, type InjuredPerson,
} from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { can, canSeeIncident, canSeeInjuryPersonal, canTriage, isFirearmRelated } from '@/app/lib/policy';
import { decideRecordability, injuryDeadlines, type Deadline, type RecordabilityDecision } from '@/app/lib/rules';
import { clockFacts, recordabilityFacts } from '@/app/lib/incidents/injured';
import { INJURY_PERSONAL_FIELDS, type IncidentFilters } from '@/app/lib/schemas/incidents';
import { buildTimeline, type AuditRow, type TimelineEntry } from '@/app/lib/incidents/timeline';
import { ANONYMOUS_LABEL } from '@/app/lib/incidents/file';
import { fromLocalDateTime, localDate } from '@/app/lib/time';
import type { Role } from '@/app/lib/enums';

export const PAGE_SIZE = 20;

/** ARCHITECTURE.md: reads: the actor's production, and only their own reports unless they may see all. */
function scope(actor: Actor): SQL | undefined {
  const mine = can(actor.role, 'incident.viewAll') ? undefined : can(actor.role, 'incident.viewOwn') ? eq(incidents.reporterId, actor.userId) : sql`0`;
  return and(eq(incidents.productionId, actor.productionId), mine);
}

function likePattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

function filterSql(actor: Actor, f: IncidentFilters): SQL | undefined {
  const tz = actor.production.timeZone;
  const when = sql`coalesce(${incidents.occurredAt}, ${incidents.reportedAt})`;
  const parts: (SQL | undefined)[] = [scope(actor)];
  if (f.status === 'open') parts.push(ne(incidents.status, 'closed'));
  else if (f.status) parts.push(eq(incidents.status, f.status));
  if (f.type) parts.push(eq(incidents.type, f.type));
  if (f.severity) parts.push(eq(incidents.severity, f.severity));
  // Dates are calendar days in the production's time zone.
  if (f.from) parts.push(gte(when, fromLocalDateTime(`${f.from}T00:00`, tz)!.getTime()));
  if (f.to) parts.push(lt(when, fromLocalDateTime(`${nextDay(f.to)}T00:00`, tz)!.getTime()));
  if (f.q) {
    const p = likePattern(f.q);
    const like = (c: AnyColumn) => sql`${c} like ${p} escape '\\'`;
    const num = /^#?(\d{1,7})$/.exec(f.q);
    parts.push(
      or(
        like(incidents.description), like(incidents.location), like(incidents.scene), like(incidents.immediateActions), like(incidents.peopleInvolved),
        num ? eq(incidents.number, Number(num[1])) : undefined,
      ),
    );
  }
  return and(...parts);
}

export type IncidentListRow = Pick<Incident, 'id' | 'number' | 'type' | 'severity' | 'status' | 'occurredAt' | 'reportedAt' | 'location' | 'anonymous' | 'duplicateOfId'> & {
  summary: string;
  reporterName: string | null;
  ownerName: string | null;
};

export function listIncidents(actor: Actor, f: IncidentFilters, pageSize = PAGE_SIZE) {
  if (!can(actor.role, 'incident.viewOwn') && !can(actor.role, 'incident.viewAll')) return { rows: [], total: 0, page: 1, pageCount: 1 };
  const db = getDb();
  const where = filterSql(actor, f);
  const total = db.select({ n: sql<number>`count(*)` }).from(incidents).where(where).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(f.page ?? 1, pageCount);
  const reporter = aliasedTable(users, 'reporter');
  const owner = aliasedTable(users, 'owner');
  const rows = db
    .select({
      id: incidents.id, number: incidents.number, type: incidents.type, severity: incidents.severity, status: incidents.status,
      occurredAt: incidents.occurredAt, reportedAt: incidents.reportedAt, location: incidents.location, anonymous: incidents.anonymous,
      duplicateOfId: incidents.duplicateOfId, summary: sql<string>`substr(${incidents.description}, 1, 160)`,
      reporterName: reporter.name, ownerName: owner.name,
    })
    .from(incidents)
    .leftJoin(reporter, eq(reporter.id, incidents.reporterId))
    .leftJoin(owner, eq(owner.id, incidents.ownerId))
    .where(where)
    .orderBy(desc(incidents.number))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { rows: rows as IncidentListRow[], total, page, pageCount };
}

/** Firearms of the production, for linking weapons to a report (any member who files). */
export function listFirearmOptions(actor: Actor) {
  if (!can(actor.role, 'incident.file') && !can(actor.role, 'firearm.view')) return [];
  return getDb()
    .select({ id: firearms.id, tag: firearms.tag, make: firearms.make, model: firearms.model })
    .from(firearms)
    .where(eq(firearms.productionId, actor.productionId))
    .orderBy(asc(firearms.tag))
    .all();
}

/** The actor's open corrective actions, including those on incidents they cannot open. */
/**
 * The actor's open corrective actions, soonest due first: at most `limit` (the pages show a few
 * and say how many more; a producer on a long show can own thousands, and listing them all made
 * every incidents list take seconds: ARCHITECTURE.md: performance budget, growth), and how many
 * there are in all.
 */
export function listMyCorrectiveActions(actor: Actor, now: Date, limit = Number.MAX_SAFE_INTEGER) {
  const today = localDate(now, actor.production.timeZone);
  const mine = and(eq(correctiveActions.productionId, actor.productionId), eq(correctiveActions.ownerId, actor.userId), isNull(correctiveActions.doneAt));
  const items = getDb()
    .select({ id: correctiveActions.id, what: correctiveActions.what, dueDate: correctiveActions.dueDate, incidentId: incidents.id, number: incidents.number, reporterId: incidents.reporterId })
    .from(correctiveActions)
    .innerJoin(incidents, eq(incidents.id, correctiveActions.incidentId))
    .where(mine)
    .orderBy(asc(correctiveActions.dueDate), asc(correctiveActions.id))
    .limit(limit)
    .all()
    .map(({ reporterId, ...a }) => ({ ...a, overdue: a.dueDate < today, canOpen: canSeeIncident(actor, { reporterId }) }));
  const total = items.length < limit ? items.length : (getDb().select({ n: count() }).from(correctiveActions).where(mine).get()?.n ?? 0);
  return { items, total };
}

/** Everything of an injured person but the bookkeeping; the personal fields only for those who may see them. */
export type InjuryView = Partial<Omit<InjuredPerson, 'incidentId' | 'updatedAt' | 'recordabilityDecidedById'>> & Pick<InjuredPerson, 'id' | 'ordinal'>;

/** ARCHITECTURE.md: injury privacy: the personal fields are absent (not blanked) for anyone else. */
export function injuryFor(row: InjuredPerson, personal: boolean): InjuryView {
  const { incidentId: _i, updatedAt: _u, recordabilityDecidedById: _d, ...rest } = row;
  if (personal) return rest;
  const out: Record<string, unknown> = { ...rest };
  for (const k of INJURY_PERSONAL_FIELDS) delete out[k];
  return out as InjuryView;
}

/** One injured person as the incident page shows it: their Form 301 section, clocks and recordability. */
export type PersonView = { injury: InjuryView; deadlines: Deadline[]; decision: RecordabilityDecision; decidedBy: string | null };

export type MemberOption = { userId: string; name: string; role: Role };

function memberOptions(productionId: string): MemberOption[] {
  return getDb()
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.productionId, productionId))
    .orderBy(asc(users.name))
    .all();
}

export type IncidentDetail = NonNullable<ReturnType<typeof getIncidentDetail>>;

/** One incident as the actor may see it, or null (another production, or not theirs to open: 404). */
export function getIncidentDetail(actor: Actor, incidentId: string, now: Date) {
  if (typeof incidentId !== 'string' || incidentId.length > 100) return null;
  const db = getDb();
  const i = db.select().from(incidents).where(and(eq(incidents.id, incidentId), eq(incidents.productionId, actor.productionId))).get();
  if (!i || !canSeeIncident(actor, i)) return null;
  const tz = actor.production.timeZone;
  const members = memberOptions(actor.productionId);
  const nameOf = (id: string | null) => (id ? (members.find((m) => m.userId === id)?.name ?? db.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? 'Former member') : null);

  const linkedFirearms = db
    .select({ id: firearms.id, tag: firearms.tag, make: firearms.make, model: firearms.model, kind: firearms.kind })
    .from(incidentFirearms)
    .innerJoin(firearms, eq(firearms.id, incidentFirearms.firearmId))
    .where(eq(incidentFirearms.incidentId, i.id))
    .orderBy(asc(firearms.tag))
    .all();
  const firearmRelated = isFirearmRelated({ type: i.type, firearmCount: linkedFirearms.length });
  const personal = canSeeInjuryPersonal(actor, i);
  const triage = canTriage(actor.role, firearmRelated);
  const writable = actor.production.phase !== 'wrapped';

  // Each injured person is an OSHA case with clocks under the production's jurisdiction (ARCHITECTURE.md: OSHA recordkeeping).
  const occurred = i.occurredAt ?? i.reportedAt;
  const people: PersonView[] = db
    .select()
    .from(injuredPeople)
    .where(eq(injuredPeople.incidentId, i.id))
    .orderBy(asc(injuredPeople.ordinal))
    .all()
    .map((p) => ({
      injury: injuryFor(p, personal),
      deadlines: injuryDeadlines(clockFacts(p), occurred, now, actor.production.jurisdiction),
      decision: decideRecordability(recordabilityFacts(p)),
      decidedBy: p.recordabilityDecidedAt ? nameOf(p.recordabilityDecidedById) : null,
    }));

  const duplicateOf = i.duplicateOfId ? (db.select({ id: incidents.id, number: incidents.number, reporterId: incidents.reporterId }).from(incidents).where(eq(incidents.id, i.duplicateOfId)).get() ?? null) : null;
  const duplicates = db.select({ id: incidents.id, number: incidents.number, reporterId: incidents.reporterId }).from(incidents).where(eq(incidents.duplicateOfId, i.id)).orderBy(asc(incidents.number)).all();
  const visibleRef = (r: { id: string; number: number; reporterId: string | null }) => ({ id: r.id, number: r.number, canOpen: canSeeIncident(actor, r) });

  const commentRows = db.select().from(comments).where(eq(comments.incidentId, i.id)).orderBy(asc(comments.createdAt)).all();
  const today = localDate(now, tz);
  const actions = db
    .select()
    .from(correctiveActions)
    .where(eq(correctiveActions.incidentId, i.id))
    .orderBy(asc(correctiveActions.createdAt))
    .all()
    .map((a) => ({
      id: a.id, what: a.what, ownerId: a.ownerId, ownerName: nameOf(a.ownerId), dueDate: a.dueDate, doneAt: a.doneAt, doneByName: nameOf(a.doneById),
      overdue: !a.doneAt && a.dueDate < today,
      canMarkDone: writable && !a.doneAt && actor.role !== 'auditor' && (a.ownerId === actor.userId || triage),
    }));

  const linkedHolds = db
    .select({ id: holds.id, source: holds.source, calledAt: holds.calledAt, reason: holds.reason, liftedAt: holds.liftedAt })
    .from(holdIncidents)
    .innerJoin(holds, eq(holds.id, holdIncidents.holdId))
    .where(eq(holdIncidents.incidentId, i.id))
    .orderBy(asc(holds.calledAt))
    .all();

  // Timeline: the audit trail of the incident itself, its comments and corrective actions, and
  // the holds it caused or joined.
  const holdIds = linkedHolds.map((h) => h.id);
  // Rule 7: the report's critical signals (raised, re-sent, escalated, acknowledged) on its timeline.
  const signalIds = db.select({ id: signals.id }).from(signals).where(and(eq(signals.productionId, actor.productionId), eq(signals.incidentId, i.id))).all().map((r) => r.id);
  const auditRows = db
    .select({ id: auditLog.id, at: auditLog.at, actorLabel: auditLog.actorLabel, entity: auditLog.entity, action: auditLog.action, before: auditLog.before, after: auditLog.after, entityId: auditLog.entityId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.chain, actor.productionId),
        or(
          and(eq(auditLog.entity, 'incident'), eq(auditLog.entityId, i.id)),
          and(inArray(auditLog.entity, ['comment', 'corrective_action']), sql`json_extract(${auditLog.after}, '$.incidentId') = ${i.id}`),
          holdIds.length ? and(eq(auditLog.entity, 'hold'), inArray(auditLog.entityId, holdIds)) : undefined,
          signalIds.length ? and(eq(auditLog.entity, 'signal'), inArray(auditLog.entityId, signalIds)) : undefined,
        ),
      ),
    )
    .all()
    // A hold's "joined" entries belong to the incident that joined it.
    .filter((r) => r.action !== 'hold.join' || (r.after ?? '').includes(i.id)) as (AuditRow & { entityId: string })[];
  const tags = new Map<string, string>(
    db.select({ id: firearms.id, tag: firearms.tag }).from(firearms).where(eq(firearms.productionId, actor.productionId)).all().map((f) => [f.id, f.tag]),
  );
  const timeline: TimelineEntry[] = buildTimeline(auditRows, { timeZone: tz, personal, firearmTags: tags });

  const { receiptHash: _r, ...incident } = i;
  return {
    incident,
    reporterName: i.anonymous ? ANONYMOUS_LABEL : nameOf(i.reporterId),
    isReporter: i.reporterId === actor.userId,
    ownerName: nameOf(i.ownerId),
    firearms: linkedFirearms,
    firearmRelated,
    people,
    personalVisible: personal,
    duplicateOf: duplicateOf ? visibleRef(duplicateOf) : null,
    duplicates: duplicates.map(visibleRef),
    comments: commentRows.map((c) => ({ id: c.id, kind: c.kind, body: c.body, createdAt: c.createdAt, authorName: c.authorId ? nameOf(c.authorId) : ANONYMOUS_LABEL, byReporter: c.authorId === null })),
    actions,
    holds: linkedHolds,
    timeline,
    can: {
      triage: writable && triage,
      edit: writable && can(actor.role, 'incident.file') && (i.reporterId === actor.userId || triage),
      comment: writable && can(actor.role, 'incident.comment'),
      /** Add injured people and change their Form 301 sections: the reporter, or whoever triages it. */
      people: writable && can(actor.role, 'incident.file') && (i.reporterId === actor.userId || triage),
      /** Reports to OSHA or the state plan, and recordability (a producer). */
      osha: writable && can(actor.role, 'osha.record'),
      /** Open the printable OSHA forms (producers and auditors). */
      oshaForms: can(actor.role, 'osha.view'),
    },
    /** Who may own the incident (triagers of it) and who may own a corrective action (any member but an auditor). */
    ownerOptions: members.filter((m) => m.role === 'producer' || (m.role === 'armorer' && firearmRelated)),
    actionOwnerOptions: members.filter((m) => m.role !== 'auditor'),
  };
}
