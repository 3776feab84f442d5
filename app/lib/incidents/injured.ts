// Injured people of an incident: each one an OSHA case with its own Form 301 section, outcome,
// legal clocks and recordability (ARCHITECTURE.md: OSHA recordkeeping). Runs inside the caller's
// transaction; the caller audits.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { injuredPeople, type InjuredPerson } from '@/db/schema';
import type { InjuryInput } from '../schemas/incidents';
import { Refusal } from '../errors';

/** The Form 301 columns a person's injury input maps to, one to one. */
export const INJURY_KEYS = [
  'employeeName', 'employeeAddress', 'employeeBirthDate', 'employeeHiredDate', 'employeeSex', 'physicianName',
  'facilityNameAddress', 'emergencyRoom', 'hospitalizedInpatient', 'caseNumber', 'timeBeganWork', 'activityBefore',
  'howOccurred', 'injuryDescription', 'harmingObject', 'died', 'deathDate', 'amputation', 'lossOfEye',
  'completedBy', 'completedTitle', 'completedPhone',
] as const satisfies readonly (keyof InjuredPerson & keyof InjuryInput)[];
const NOT_NULL_BOOLS = new Set<string>(['died', 'amputation', 'lossOfEye']);

export function injuryValue(key: (typeof INJURY_KEYS)[number], v: InjuryInput[keyof InjuryInput]): string | boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === undefined || v === '') return NOT_NULL_BOOLS.has(key) ? false : null;
  return v;
}

export type RecordInjuredPerson = {
  incidentId: string;
  /** Made by the client so a repeated submission is the same person; made here otherwise. */
  personId?: string;
  injury: InjuryInput;
  diedAt?: Date | null;
  learnedAt?: Date | null;
};

export function listInjuredPeople(tx: Tx, incidentId: string): InjuredPerson[] {
  return tx.select().from(injuredPeople).where(eq(injuredPeople.incidentId, incidentId)).orderBy(injuredPeople.ordinal).all();
}

/**
 * Records one injured person as the next case of the incident and returns the stored row. A
 * repeat of the same person id on the same incident returns the stored row (created: false).
 */
export function recordInjuredPersonTx(tx: Tx, p: RecordInjuredPerson, now: Date): { person: InjuredPerson; created: boolean } {
  if (p.personId) {
    const found = tx.select().from(injuredPeople).where(eq(injuredPeople.id, p.personId)).get();
    if (found) {
      if (found.incidentId !== p.incidentId) throw new Refusal('This person id is already in use. Reload the form.', 'conflict');
      return { person: found, created: false };
    }
  }
  const ordinal = (tx.select({ n: sql<number>`coalesce(max(${injuredPeople.ordinal}), 0)` }).from(injuredPeople).where(eq(injuredPeople.incidentId, p.incidentId)).get()?.n ?? 0) + 1;
  const fields = Object.fromEntries(INJURY_KEYS.map((k) => [k, injuryValue(k, p.injury[k])])) as Pick<InjuredPerson, (typeof INJURY_KEYS)[number]>;
  const person: InjuredPerson = {
    id: p.personId ?? randomUUID(),
    incidentId: p.incidentId,
    ordinal,
    ...fields,
    diedAt: p.diedAt ?? null,
    learnedAt: p.learnedAt ?? null,
    oshaReportedAt: null,
    oshaReportedTo: null,
    oshaReference: null,
    form301CompletedAt: null,
    workRelated: null,
    newCase: null,
    daysAwayFromWork: null,
    daysAway: null,
    restrictedOrTransferred: null,
    daysRestricted: null,
    medicalTreatment: null,
    firstAid: [],
    lossOfConsciousness: null,
    significantDiagnosis: null,
    caseType: null,
    privacyReason: null,
    recordability: null,
    classification: null,
    recordabilityDecidedAt: null,
    recordabilityDecidedById: null,
    establishmentId: null,
    jobTitle: null,
    updatedAt: now,
  };
  tx.insert(injuredPeople).values(person).run();
  return { person, created: true };
}

/** The facts of a person's legal clocks (app/lib/rules/deadlines.ts). */
export function clockFacts(p: InjuredPerson) {
  return {
    died: p.died, hospitalizedInpatient: p.hospitalizedInpatient, amputation: p.amputation, lossOfEye: p.lossOfEye,
    oshaReportedAt: p.oshaReportedAt, form301CompletedAt: p.form301CompletedAt, diedAt: p.diedAt, learnedAt: p.learnedAt,
  };
}

/** The facts of a person's recordability decision (app/lib/rules/recordability.ts). */
export function recordabilityFacts(p: InjuredPerson) {
  return {
    workRelated: p.workRelated, newCase: p.newCase, died: p.died, daysAwayFromWork: p.daysAwayFromWork, daysAway: p.daysAway,
    restrictedOrTransferred: p.restrictedOrTransferred, daysRestricted: p.daysRestricted, medicalTreatment: p.medicalTreatment,
    firstAid: p.firstAid, lossOfConsciousness: p.lossOfConsciousness, significantDiagnosis: p.significantDiagnosis,
    caseType: p.caseType, privacyReason: p.privacyReason,
  };
}
