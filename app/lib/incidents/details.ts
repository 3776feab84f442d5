// Details added after the first report (the reporter, or whoever triages it), including the
// Form 301 section, and the legal clocks of injury incidents.
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { firearms, incidentFirearms, incidentInjuries, incidents, type IncidentInjury } from '@/db/schema';
import { defineCore } from '../core';
import { Refusal } from '../errors';
import { notifyRoles, notifyUsers } from '../notify';
import { canSeeInjuryPersonal } from '../policy';
import { hasLegalClock } from '../rules/acknowledgement';
import { raiseSignal } from '../signals/raise';
import { INJURY_PERSONAL_FIELDS, recordInjuryClockSchema, updateIncidentSchema, type InjuryInput } from '../schemas/incidents';
import { toLocalDateTime } from '../time';
import { incidentLink } from './file';
import { auditIncident, incidentTitle, loadIncident, pastLocalTime, requireTriage } from './access';

type InjuryColumns = Omit<IncidentInjury, 'incidentId' | 'updatedAt' | 'oshaReportedAt' | 'form301CompletedAt'>;
const INJURY_KEYS = [
  'employeeName', 'employeeAddress', 'employeeBirthDate', 'employeeHiredDate', 'employeeSex', 'physicianName',
  'facilityNameAddress', 'emergencyRoom', 'hospitalizedInpatient', 'caseNumber', 'timeBeganWork', 'activityBefore',
  'howOccurred', 'injuryDescription', 'harmingObject', 'died', 'deathDate', 'amputation', 'lossOfEye',
  'completedBy', 'completedTitle', 'completedPhone',
] as const satisfies readonly (keyof InjuryColumns & keyof InjuryInput)[];
const NOT_NULL_BOOLS = new Set<string>(['died', 'amputation', 'lossOfEye']);

function injuryValue(key: (typeof INJURY_KEYS)[number], v: InjuryInput[keyof InjuryInput]): string | boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === undefined || v === '') return NOT_NULL_BOOLS.has(key) ? false : null;
  return v;
}

function emptyInjury(): InjuryColumns {
  return Object.fromEntries(INJURY_KEYS.map((k) => [k, NOT_NULL_BOOLS.has(k) ? false : null])) as InjuryColumns;
}

export function getInjury(tx: Tx, incidentId: string): IncidentInjury | undefined {
  return tx.select().from(incidentInjuries).where(eq(incidentInjuries.incidentId, incidentId)).get();
}

/** Creates the Form 301 row of an injury incident when it has none yet. */
function ensureInjury(tx: Tx, incidentId: string, now: Date): IncidentInjury {
  const found = getInjury(tx, incidentId);
  if (found) return found;
  const row: IncidentInjury = { incidentId, ...emptyInjury(), oshaReportedAt: null, form301CompletedAt: null, updatedAt: now };
  tx.insert(incidentInjuries).values(row).run();
  return row;
}

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

export const updateIncidentDetailsCore = defineCore({
  schema: updateIncidentSchema,
  // Any member who files may add to their own report; triagers to any they work (checked below).
  permission: 'incident.file',
  run: (input, { actor, tx, now }) => {
    const loaded = loadIncident(tx, actor, input.incidentId);
    const i = loaded.incident;
    const isReporter = i.reporterId === actor.userId;
    if (!isReporter) requireTriage(actor, loaded);
    const tz = actor.production.timeZone;

    const next = {
      description: input.description,
      location: input.location,
      scene: input.scene ?? '',
      immediateActions: input.immediateActions ?? '',
      peopleInvolved: input.peopleInvolved ?? '',
      occurredAt: input.occurredAt ? pastLocalTime(input.occurredAt, tz, now, 'occurredAt') : null,
    };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const k of Object.keys(next) as (keyof typeof next)[]) {
      if (!same(i[k], next[k])) {
        before[k] = i[k];
        after[k] = next[k];
      }
    }

    if (input.firearmIds) {
      const wanted = [...new Set(input.firearmIds)].sort();
      const current = tx.select({ id: incidentFirearms.firearmId }).from(incidentFirearms).where(eq(incidentFirearms.incidentId, i.id)).all().map((r) => r.id).sort();
      if (wanted.join() !== current.join()) {
        if (wanted.length) {
          const found = tx.select({ id: firearms.id }).from(firearms).where(and(eq(firearms.productionId, actor.productionId), inArray(firearms.id, wanted))).all();
          if (found.length !== wanted.length) throw new Refusal('A linked weapon is not in this production’s inventory.', 'invalid', { firearmIds: ['Choose weapons from this production.'] });
        }
        tx.delete(incidentFirearms).where(eq(incidentFirearms.incidentId, i.id)).run();
        for (const firearmId of wanted) tx.insert(incidentFirearms).values({ incidentId: i.id, firearmId }).run();
        before.firearmIds = current;
        after.firearmIds = wanted;
      }
    }

    if (input.injury) {
      if (i.type !== 'injury') throw new Refusal('The Form 301 section belongs to injury reports.', 'invalid');
      const current = ensureInjury(tx, i.id, now);
      // Someone who may not see the personal fields may not overwrite them either.
      const mayPersonal = canSeeInjuryPersonal(actor, i);
      const patch: Partial<InjuryColumns> = {};
      for (const k of INJURY_KEYS) {
        if (!mayPersonal && (INJURY_PERSONAL_FIELDS as readonly string[]).includes(k)) continue;
        if (!(k in input.injury)) continue;
        const v = injuryValue(k, input.injury[k]);
        if (!same(current[k], v)) {
          (patch as Record<string, unknown>)[k] = v;
          before[`injury.${k}`] = current[k];
          after[`injury.${k}`] = v;
        }
      }
      if (Object.keys(patch).length) {
        tx.update(incidentInjuries).set({ ...patch, updatedAt: now }).where(eq(incidentInjuries.incidentId, i.id)).run();
        // Rule 7: details that start an OSHA reporting clock make the report a critical signal.
        const updated = { ...current, ...patch };
        if (hasLegalClock(updated)) {
          const { signal, created } = raiseSignal(tx, {
            productionId: actor.productionId, timeZone: actor.production.timeZone, kind: 'injury_clock', subjectId: i.id, incidentId: i.id,
            subject: `report #${i.number} — ${i.location}`, link: incidentLink(i.productionId, i.id),
            by: { userId: actor.userId, label: actor.name, role: actor.role }, anonymous: false, now,
          });
          if (created) notifyRoles(tx, actor.productionId, ['producer'], { kind: 'critical_incident', title: signal.title, body: 'An OSHA reporting clock is running. A producer acknowledges it from the report.', link: signal.link, signalId: signal.id }, now, actor.userId);
        }
      }
    }

    const changed = Object.keys(after);
    if (changed.length === 0) return { changed: [] as string[] };
    tx.update(incidents).set({ ...next, updatedAt: now }).where(eq(incidents.id, i.id)).run();
    auditIncident(tx, actor, i.id, 'incident.update', before, after, now);
    const link = incidentLink(i.productionId, i.id);
    if (!isReporter && i.reporterId) {
      notifyUsers(tx, actor.productionId, [i.reporterId], { kind: 'reporter_update', title: `Details were added to your ${incidentTitle(i).toLowerCase()}`, body: `By ${actor.name}.`, link }, now, actor.userId);
    } else if (i.ownerId) {
      notifyUsers(tx, actor.productionId, [i.ownerId], { kind: 'status_changed', title: `The reporter added details to ${incidentTitle(i)}`, link }, now, actor.userId);
    }
    return { changed };
  },
});

/** Records when OSHA was told and when the Form 301 was completed (OSHA Form 301, 29 CFR 1904). */
export const recordInjuryClockCore = defineCore({
  schema: recordInjuryClockSchema,
  permission: 'incident.triageFirearm',
  run: (input, { actor, tx, now }) => {
    const loaded = loadIncident(tx, actor, input.incidentId);
    requireTriage(actor, loaded);
    const i = loaded.incident;
    if (i.type !== 'injury') throw new Refusal('Legal clocks apply to injury reports.', 'invalid');
    const at = pastLocalTime(input.at, actor.production.timeZone, now, 'at');
    const row = ensureInjury(tx, i.id, now);
    const column = input.clock === 'osha_reported' ? 'oshaReportedAt' : 'form301CompletedAt';
    tx.update(incidentInjuries).set({ [column]: at, updatedAt: now }).where(eq(incidentInjuries.incidentId, i.id)).run();
    tx.update(incidents).set({ updatedAt: now }).where(eq(incidents.id, i.id)).run();
    auditIncident(tx, actor, i.id, 'incident.injury_clock', { [column]: row[column] }, { [column]: at }, now);
    return { clock: input.clock, at: toLocalDateTime(at, actor.production.timeZone) };
  },
});
