// The injured people of a report after it was filed: add one, change a Form 301 section, record
// the Form 301 completed, the report made to OSHA or the state plan, and the recordability
// decision (ARCHITECTURE.md: OSHA recordkeeping). Each change is audited on the incident.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { incidents, injuredPeople, productions, type Incident, type InjuredPerson } from '@/db/schema';
import type { Actor } from '../actor';
import { defineCore } from '../core';
import { Refusal } from '../errors';
import { notifyRoles } from '../notify';
import { canSeeInjuryPersonal } from '../policy';
import { DAYS_CAP, decideRecordability, hasLegalClock, rule1Applies, rule1OnFiled, type IncidentFact } from '../rules';
import { raiseSignal } from '../signals/raise';
import { appendAudit } from '../audit';
import {
  INJURY_PERSONAL_FIELDS, injuredPersonSchema, recordabilitySchema, recordInjuryClockSchema, recordOshaReportSchema, setJurisdictionSchema,
} from '../schemas/incidents';
import { toLocalDateTime } from '../time';
import { applyEffects, incidentLink, openHoldOf, toHoldFact } from './file';
import { INJURY_KEYS, injuryValue, recordInjuredPersonTx } from './injured';
import { auditIncident, loadIncident, pastLocalTime, requireTriage, type LoadedIncident } from './access';

export function hasInjured(tx: Tx, incidentId: string): boolean {
  return !!tx.select({ id: injuredPeople.id }).from(injuredPeople).where(eq(injuredPeople.incidentId, incidentId)).limit(1).get();
}

/**
 * Rule 1 when a report becomes a firearm injury after it was filed (a person added to a
 * firearm-related report, or a weapon linked to a report with someone hurt): critical, and the
 * production stops work, as if it had been filed so.
 */
export function applyRule1Later(tx: Tx, actor: Actor, i: Incident, before: Pick<IncidentFact, 'firearmLinked' | 'injured'>, after: Pick<IncidentFact, 'firearmLinked' | 'injured'>, now: Date): void {
  if (rule1Applies({ type: i.type, ...before }) || !rule1Applies({ type: i.type, ...after })) return;
  const open = openHoldOf(tx, actor.productionId);
  const fact: IncidentFact = { id: i.id, type: i.type, occurredAt: i.occurredAt, reportedAt: i.reportedAt, duplicateOfId: i.duplicateOfId, ...after };
  const ctx = { productionId: actor.productionId, timeZone: actor.production.timeZone, reporter: { userId: actor.userId, label: actor.name, role: actor.role }, now };
  applyEffects(tx, ctx, i, rule1OnFiled(fact, open ? toHoldFact(open) : null));
}

/** The reporter adds to their own report; otherwise whoever may triage it. */
function requireReporterOrTriage(actor: Actor, loaded: LoadedIncident): void {
  if (loaded.incident.reporterId === actor.userId) return;
  requireTriage(actor, loaded);
}

function personOf(tx: Tx, incidentId: string, personId: string): InjuredPerson {
  const p = tx.select().from(injuredPeople).where(and(eq(injuredPeople.id, personId), eq(injuredPeople.incidentId, incidentId))).get();
  if (!p) throw new Refusal('That injured person is not on this report.', 'not_found');
  return p;
}

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : JSON.stringify(a) === JSON.stringify(b));

/** Rule 7: details that start a reporting clock make the report a critical signal. */
function signalIfClocked(tx: Tx, actor: Actor, i: Incident, p: Pick<InjuredPerson, 'died' | 'hospitalizedInpatient' | 'amputation' | 'lossOfEye'>, now: Date) {
  if (!hasLegalClock(p)) return;
  const { signal, created } = raiseSignal(tx, {
    productionId: actor.productionId, timeZone: actor.production.timeZone, kind: 'injury_clock', subjectId: i.id, incidentId: i.id,
    subject: `report #${i.number} — ${i.location}`, link: incidentLink(i.productionId, i.id),
    by: { userId: actor.userId, label: actor.name, role: actor.role }, anonymous: false, now,
  });
  if (created) notifyRoles(tx, actor.productionId, ['producer'], { kind: 'critical_incident', title: signal.title, body: 'An OSHA reporting clock is running. A producer acknowledges it from the report.', link: signal.link, signalId: signal.id }, now, actor.userId);
}

/**
 * Adds an injured person to a report, or changes one's Form 301 section (the same form). Someone
 * who may not see the personal fields may neither read nor overwrite them (ARCHITECTURE.md: injury privacy).
 */
export const saveInjuredPersonCore = defineCore({
  schema: injuredPersonSchema,
  permission: 'incident.file',
  run: (input, { actor, tx, now }) => {
    const loaded = loadIncident(tx, actor, input.incidentId);
    requireReporterOrTriage(actor, loaded);
    const i = loaded.incident;
    const tz = actor.production.timeZone;
    const diedAt = input.diedAt ? pastLocalTime(input.diedAt, tz, now, 'diedAt') : null;
    const learnedAt = input.learnedAt ? pastLocalTime(input.learnedAt, tz, now, 'learnedAt') : null;
    const mayPersonal = canSeeInjuryPersonal(actor, i);
    const existing = tx.select().from(injuredPeople).where(eq(injuredPeople.id, input.personId)).get();

    if (!existing) {
      const injured = hasInjured(tx, i.id);
      const injury = mayPersonal ? input.injury : Object.fromEntries(Object.entries(input.injury).filter(([k]) => !(INJURY_PERSONAL_FIELDS as readonly string[]).includes(k)));
      const { person } = recordInjuredPersonTx(tx, { incidentId: i.id, personId: input.personId, injury, diedAt, learnedAt }, now);
      touch(tx, i.id, now);
      auditIncident(tx, actor, i.id, 'injury.person_add', null, { person }, now);
      signalIfClocked(tx, actor, i, person, now);
      applyRule1Later(tx, actor, i, { firearmLinked: loaded.firearmCount > 0, injured }, { firearmLinked: loaded.firearmCount > 0, injured: true }, now);
      return { personId: person.id, ordinal: person.ordinal, created: true };
    }
    if (existing.incidentId !== i.id) throw new Refusal('That injured person is not on this report.', 'not_found');

    const patch: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    for (const k of INJURY_KEYS) {
      if (!mayPersonal && (INJURY_PERSONAL_FIELDS as readonly string[]).includes(k)) continue;
      if (!(k in input.injury)) continue;
      const v = injuryValue(k, input.injury[k]);
      if (!same(existing[k], v)) {
        patch[k] = v;
        before[k] = existing[k];
      }
    }
    const afterAudit: Record<string, unknown> = {};
    const beforeAudit: Record<string, unknown> = {};
    // Form 301 keys as the incident's own updates write them ('injury.employeeName'), so the
    // timeline and audit diffs hide the personal ones the same way (ARCHITECTURE.md: injury privacy).
    for (const k of Object.keys(patch)) {
      afterAudit[`injury.${k}`] = patch[k];
      beforeAudit[`injury.${k}`] = before[k];
    }
    for (const [k, v] of [['diedAt', diedAt], ['learnedAt', learnedAt]] as const) {
      if (!same(existing[k], v)) {
        patch[k] = v;
        before[k] = existing[k];
        afterAudit[k] = v;
        beforeAudit[k] = existing[k];
      }
    }
    if (Object.keys(patch).length === 0) return { personId: existing.id, ordinal: existing.ordinal, created: false };
    tx.update(injuredPeople).set({ ...patch, updatedAt: now }).where(eq(injuredPeople.id, existing.id)).run();
    touch(tx, i.id, now);
    auditIncident(tx, actor, i.id, 'injury.person_update', { personId: existing.id, ordinal: existing.ordinal, ...beforeAudit }, { personId: existing.id, ordinal: existing.ordinal, ...afterAudit }, now);
    signalIfClocked(tx, actor, i, { ...existing, ...patch } as InjuredPerson, now);
    return { personId: existing.id, ordinal: existing.ordinal, created: false };
  },
});

function touch(tx: Tx, incidentId: string, now: Date) {
  tx.update(incidents).set({ updatedAt: now }).where(eq(incidents.id, incidentId)).run();
}

/** The Form 301 completed for one person (29 CFR 1904.29(b)(3): within 7 days). */
export const recordInjuryClockCore = defineCore({
  schema: recordInjuryClockSchema,
  permission: 'incident.triageFirearm',
  run: (input, { actor, tx, now }) => {
    const loaded = loadIncident(tx, actor, input.incidentId);
    requireTriage(actor, loaded);
    const i = loaded.incident;
    const p = personOf(tx, i.id, input.personId);
    const at = pastLocalTime(input.at, actor.production.timeZone, now, 'at');
    tx.update(injuredPeople).set({ form301CompletedAt: at, updatedAt: now }).where(eq(injuredPeople.id, p.id)).run();
    touch(tx, i.id, now);
    auditIncident(tx, actor, i.id, 'incident.injury_clock', { personId: p.id, ordinal: p.ordinal, form301CompletedAt: p.form301CompletedAt }, { personId: p.id, ordinal: p.ordinal, form301CompletedAt: at }, now);
    return { clock: input.clock, at: toLocalDateTime(at, actor.production.timeZone) };
  },
});

/** The report made to OSHA or the state plan for one person: when, to whom, its reference (29 CFR 1904.39; 8 CCR 342). */
export const recordOshaReportCore = defineCore({
  schema: recordOshaReportSchema,
  permission: 'osha.record',
  run: (input, { actor, tx, now }) => {
    const loaded = loadIncident(tx, actor, input.incidentId);
    const i = loaded.incident;
    const p = personOf(tx, i.id, input.personId);
    const at = pastLocalTime(input.at, actor.production.timeZone, now, 'at');
    const change = { oshaReportedAt: at, oshaReportedTo: input.to, oshaReference: input.reference ? input.reference : null };
    tx.update(injuredPeople).set({ ...change, updatedAt: now }).where(eq(injuredPeople.id, p.id)).run();
    touch(tx, i.id, now);
    auditIncident(
      tx, actor, i.id, 'osha.report',
      { personId: p.id, ordinal: p.ordinal, oshaReportedAt: p.oshaReportedAt, oshaReportedTo: p.oshaReportedTo, oshaReference: p.oshaReference },
      { personId: p.id, ordinal: p.ordinal, ...change, jurisdiction: actor.production.jurisdiction },
      now,
    );
    return { personId: p.id, at: toLocalDateTime(at, actor.production.timeZone) };
  },
});

const yesNo = (v: '' | 'yes' | 'no'): boolean | null => (v === '' ? null : v === 'yes');

/** The guided recordability decision of one case, saved with the answers it rests on (29 CFR 1904.4-1904.7, 1904.29). */
export const decideRecordabilityCore = defineCore({
  schema: recordabilitySchema,
  permission: 'osha.record',
  run: (input, { actor, tx, now }) => {
    const loaded = loadIncident(tx, actor, input.incidentId);
    const i = loaded.incident;
    const p = personOf(tx, i.id, input.personId);
    const facts = {
      workRelated: yesNo(input.workRelated),
      newCase: yesNo(input.newCase),
      daysAwayFromWork: yesNo(input.daysAwayFromWork),
      daysAway: input.daysAway ? Number(input.daysAway) : null,
      restrictedOrTransferred: yesNo(input.restrictedOrTransferred),
      daysRestricted: input.daysRestricted ? Number(input.daysRestricted) : null,
      medicalTreatment: yesNo(input.medicalTreatment),
      firstAid: [...new Set(input.firstAid ?? [])].sort(),
      lossOfConsciousness: yesNo(input.lossOfConsciousness),
      significantDiagnosis: yesNo(input.significantDiagnosis),
      caseType: input.caseType ? input.caseType : null,
      privacyReason: input.privacyReason ? input.privacyReason : null,
    };
    const decision = decideRecordability({ ...facts, died: p.died });
    const change = {
      ...facts,
      // Stored as the log counts them: at most 180 (29 CFR 1904.7(b)(3)(vii), (b)(4)(x)).
      daysAway: facts.daysAway === null ? null : Math.min(facts.daysAway, DAYS_CAP),
      daysRestricted: facts.daysRestricted === null ? null : Math.min(facts.daysRestricted, DAYS_CAP),
      recordability: decision.status,
      classification: decision.classification,
      recordabilityDecidedAt: now,
      recordabilityDecidedById: actor.userId,
    };
    tx.update(injuredPeople).set({ ...change, updatedAt: now }).where(eq(injuredPeople.id, p.id)).run();
    touch(tx, i.id, now);
    const keys = Object.keys(change) as (keyof typeof change)[];
    auditIncident(
      tx, actor, i.id, 'osha.recordability',
      { personId: p.id, ordinal: p.ordinal, ...Object.fromEntries(keys.map((k) => [k, p[k]])) },
      { personId: p.id, ordinal: p.ordinal, ...change, reason: decision.reason },
      now,
    );
    return { personId: p.id, status: decision.status, classification: decision.classification, reason: decision.reason, missing: decision.missing };
  },
});

/** The production's jurisdiction for injury reporting: federal OSHA or a state plan (a producer, audited). */
export const setJurisdictionCore = defineCore({
  schema: setJurisdictionSchema,
  permission: 'production.manage',
  run: (input, { actor, tx, now }) => {
    const before = tx.select({ jurisdiction: productions.jurisdiction }).from(productions).where(eq(productions.id, actor.productionId)).get();
    if (!before) throw new Refusal('Not found.', 'not_found');
    if (before.jurisdiction === input.jurisdiction) return { jurisdiction: input.jurisdiction, changed: false };
    tx.update(productions).set({ jurisdiction: input.jurisdiction }).where(eq(productions.id, actor.productionId)).run();
    appendAudit(tx, {
      chain: actor.productionId, actorId: actor.userId, actorLabel: actor.name, entity: 'production', entityId: actor.productionId,
      action: 'production.jurisdiction', before, after: { jurisdiction: input.jurisdiction }, at: now,
    });
    return { jurisdiction: input.jurisdiction, changed: true };
  },
});
