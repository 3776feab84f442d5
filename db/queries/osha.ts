import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { establishments, establishmentYears, incidents, injuredPeople, type Establishment, type EstablishmentYear, type Incident, type InjuredPerson } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { assertCan, canSeeInjuryPersonal } from '@/app/lib/policy';
import { localDate, toLocalDateTime } from '@/app/lib/time';
import { caseRow, summarize, summaryRow, validateIta, type CaseFacts, type EstablishmentFacts, type ItaProblem, type Totals, type YearFacts } from '@/app/lib/rules/ita';

// OSHA Forms 300, 300A and 301 and the ITA files (ARCHITECTURE.md: OSHA recordkeeping). Every read
// needs `osha.view` (producers and auditors), who may also see the personal Form 301 fields.

export type LogCase = {
  person: InjuredPerson;
  incident: Pick<Incident, 'id' | 'number' | 'location' | 'occurredAt' | 'reportedAt' | 'description'>;
  /** 'YYYY-MM-DD' and 'HH:MM' in the production's zone, from when it happened (or was reported). */
  date: string;
  time: string | null;
  /** Form 300 column B: the name, or "Privacy case" (29 CFR 1904.29(b)(7)). */
  logName: string;
  caseNumber: string;
  facts: CaseFacts;
};

export function listEstablishments(actor: Actor): Establishment[] {
  assertCan(actor, 'osha.view');
  return getDb().select().from(establishments).where(eq(establishments.productionId, actor.productionId)).orderBy(asc(establishments.createdAt), asc(establishments.name)).all();
}

export function getEstablishment(actor: Actor, establishmentId: string): Establishment | null {
  assertCan(actor, 'osha.view');
  return getDb().select().from(establishments).where(and(eq(establishments.id, establishmentId), eq(establishments.productionId, actor.productionId))).get() ?? null;
}

export function getEstablishmentYear(actor: Actor, establishmentId: string, year: number): EstablishmentYear | null {
  assertCan(actor, 'osha.view');
  if (!getEstablishment(actor, establishmentId)) return null;
  return getDb().select().from(establishmentYears).where(and(eq(establishmentYears.establishmentId, establishmentId), eq(establishmentYears.year, year))).get() ?? null;
}

const caseCols = { person: injuredPeople, incident: { id: incidents.id, number: incidents.number, location: incidents.location, occurredAt: incidents.occurredAt, reportedAt: incidents.reportedAt, description: incidents.description } };

function toLogCase(actor: Actor, row: { person: InjuredPerson; incident: LogCase['incident'] }): LogCase {
  const tz = actor.production.timeZone;
  const at = row.incident.occurredAt ?? row.incident.reportedAt;
  const local = toLocalDateTime(at, tz);
  const date = local.slice(0, 10);
  const time = row.incident.occurredAt ? local.slice(11, 16) : null;
  const p = row.person;
  const caseNumber = p.caseNumber?.trim() || `${row.incident.number}-${p.ordinal}`;
  const name = p.employeeName?.trim() || `Injured person ${p.ordinal} of report #${row.incident.number}`;
  const facts: CaseFacts = {
    personId: p.id,
    caseNumber,
    jobTitle: p.jobTitle ?? '',
    dateOfIncident: date,
    timeOfIncident: time,
    location: row.incident.location,
    classification: p.classification ?? 'other_recordable',
    caseType: p.caseType,
    daysAway: p.daysAway ?? 0,
    daysRestricted: p.daysRestricted ?? 0,
    birthDate: p.employeeBirthDate ?? '',
    hiredDate: p.employeeHiredDate ?? '',
    sex: p.employeeSex === 'male' || p.employeeSex === 'female' ? p.employeeSex : '',
    emergencyRoom: p.emergencyRoom,
    hospitalizedInpatient: p.hospitalizedInpatient,
    timeBeganWork: p.timeBeganWork ?? '',
    activityBefore: p.activityBefore ?? '',
    howOccurred: p.howOccurred ?? '',
    injuryDescription: p.injuryDescription ?? '',
    harmingObject: p.harmingObject ?? '',
    deathDate: p.deathDate ?? (p.diedAt ? localDate(p.diedAt, tz) : ''),
  };
  return { person: p, incident: row.incident, date, time, logName: p.privacyReason ? 'Privacy case' : name, caseNumber, facts };
}

/** The recordable cases on one establishment's log for a calendar year, in date order (Form 300). */
export function logCases(actor: Actor, establishmentId: string, year: number): LogCase[] {
  assertCan(actor, 'osha.view');
  const rows = getDb()
    .select(caseCols)
    .from(injuredPeople)
    .innerJoin(incidents, eq(incidents.id, injuredPeople.incidentId))
    .where(and(eq(incidents.productionId, actor.productionId), eq(injuredPeople.establishmentId, establishmentId), eq(injuredPeople.recordability, 'recordable')))
    .all();
  return rows
    .map((r) => toLogCase(actor, r))
    .filter((c) => c.date.startsWith(`${year}-`))
    .sort((a, b) => a.date.localeCompare(b.date) || a.incident.number - b.incident.number || a.person.ordinal - b.person.ordinal);
}

/** Years a log has cases in, and the current one. */
export function logYears(actor: Actor, establishmentId: string, now: Date): number[] {
  assertCan(actor, 'osha.view');
  const rows = getDb()
    .select(caseCols)
    .from(injuredPeople)
    .innerJoin(incidents, eq(incidents.id, injuredPeople.incidentId))
    .where(and(eq(incidents.productionId, actor.productionId), eq(injuredPeople.establishmentId, establishmentId)))
    .all();
  const years = new Set(rows.map((r) => Number(toLogCase(actor, r).date.slice(0, 4))));
  years.add(Number(localDate(now, actor.production.timeZone).slice(0, 4)));
  return [...years].sort((a, b) => b - a);
}

/** Recordable cases not yet on any establishment's log: they need one before they count. */
export function unassignedCases(actor: Actor): LogCase[] {
  assertCan(actor, 'osha.view');
  return getDb()
    .select(caseCols)
    .from(injuredPeople)
    .innerJoin(incidents, eq(incidents.id, injuredPeople.incidentId))
    .where(and(eq(incidents.productionId, actor.productionId), isNull(injuredPeople.establishmentId), eq(injuredPeople.recordability, 'recordable')))
    .all()
    .map((r) => toLogCase(actor, r))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** One case for its Form 301, with the establishment whose log it is on. */
export function getCase(actor: Actor, personId: string): (LogCase & { establishment: Establishment | null }) | null {
  assertCan(actor, 'osha.view');
  const row = getDb()
    .select(caseCols)
    .from(injuredPeople)
    .innerJoin(incidents, eq(incidents.id, injuredPeople.incidentId))
    .where(and(eq(injuredPeople.id, personId), eq(incidents.productionId, actor.productionId)))
    .get();
  if (!row) return null;
  // Every role with osha.view may see the personal Form 301 fields; said again for the privacy rule's sake.
  if (!canSeeInjuryPersonal(actor, { reporterId: null })) return null;
  const c = toLogCase(actor, row);
  return { ...c, establishment: row.person.establishmentId ? getEstablishment(actor, row.person.establishmentId) : null };
}

export function establishmentFacts(e: Establishment): EstablishmentFacts {
  return {
    name: e.name, companyName: e.companyName, ein: e.ein, street: e.street, city: e.city, state: e.state, zip: e.zip,
    naicsCode: e.naicsCode, industryDescription: e.industryDescription, establishmentType: e.establishmentType, peakEmployees: e.peakEmployees,
  };
}

export type OshaYear = {
  establishment: Establishment;
  year: number;
  figures: EstablishmentYear | null;
  cases: LogCase[];
  totals: Totals;
  problems: ItaProblem[];
};

/** Everything the log, the summary and the ITA files of one establishment and year are made from. */
export function oshaYear(actor: Actor, establishmentId: string, year: number): OshaYear | null {
  const establishment = getEstablishment(actor, establishmentId);
  if (!establishment) return null;
  const figures = getEstablishmentYear(actor, establishmentId, year);
  const cases = logCases(actor, establishmentId, year);
  const y: YearFacts = { year, annualAverageEmployees: figures?.annualAverageEmployees ?? null, totalHoursWorked: figures?.totalHoursWorked ?? null };
  const facts = cases.map((c) => c.facts);
  return { establishment, year, figures, cases, totals: summarize(facts), problems: validateIta(establishmentFacts(establishment), y, facts) };
}

/** The two ITA files' rows (no employee name or address, no physician or facility: ITA does not collect them). */
export function itaRows(o: OshaYear) {
  const e = establishmentFacts(o.establishment);
  const y: YearFacts = { year: o.year, annualAverageEmployees: o.figures?.annualAverageEmployees ?? null, totalHoursWorked: o.figures?.totalHoursWorked ?? null };
  return { summary: [summaryRow(e, y, o.totals)], cases: o.cases.map((c) => caseRow(e, o.year, c.facts)) };
}
