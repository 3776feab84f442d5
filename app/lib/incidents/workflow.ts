// The status workflow and triage of an incident: status (reported → investigating → action
// required → closed, reopen recorded), owner, severity, duplicate. Producers work every incident,
// armorers firearm-related ones (ARCHITECTURE.md: permission matrix); every change is audited in its transaction.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { correctiveActions, incidents, users, type Incident } from '@/db/schema';
import { defineCore } from '../core';
import { Refusal } from '../errors';
import { LABELS, type IncidentStatus } from '../enums';
import { notifyRoles, notifyUsers, type NotificationInput } from '../notify';
import { isRule1, rule1Applies } from '../rules';
import { hasInjured } from './people';
import { assignOwnerSchema, markDuplicateSchema, setSeveritySchema, setStatusSchema } from '../schemas/incidents';
import { incidentLink } from './file';
import { auditIncident, incidentTitle, loadIncident, requireTriage, roleOf } from './access';

/** Reopening sends a closed incident back to work; "reported" is only where a report starts. */
const REOPEN_TO: readonly IncidentStatus[] = ['investigating', 'action_required'];

export function openActionCount(tx: Tx, incidentId: string): number {
  return tx.select({ n: sql<number>`count(*)` }).from(correctiveActions).where(and(eq(correctiveActions.incidentId, incidentId), isNull(correctiveActions.doneAt))).get()?.n ?? 0;
}

/** The reporter always learns what became of the report; the owner hears of changes too. */
export function tellReporterAndOwner(tx: Tx, i: Incident, n: Omit<NotificationInput, 'link'>, now: Date, actorId: string) {
  const link = incidentLink(i.productionId, i.id);
  if (i.reporterId) notifyUsers(tx, i.productionId, [i.reporterId], { ...n, kind: 'reporter_update', link }, now, actorId);
  if (i.ownerId && i.ownerId !== i.reporterId) notifyUsers(tx, i.productionId, [i.ownerId], { ...n, link }, now, actorId);
}

function refuseField(field: string, message: string): never {
  throw new Refusal(message, 'invalid', { [field]: [message] });
}

export const setIncidentStatusCore = defineCore({
  schema: setStatusSchema,
  permission: 'incident.triageFirearm',
  run: (input, { actor, tx, now }) => {
    const loaded = loadIncident(tx, actor, input.incidentId);
    requireTriage(actor, loaded);
    const i = loaded.incident;
    const note = input.note?.trim() ?? '';
    if (input.status === i.status) refuseField('status', `It is already “${LABELS.status[i.status]}”.`);

    if (i.status === 'closed') {
      if (!REOPEN_TO.includes(input.status)) refuseField('status', 'Reopen it as “Investigating” or “Action required”.');
      if (note.length < 10) refuseField('note', 'Say why it is being reopened (at least 10 characters).');
      tx.update(incidents).set({ status: input.status, closedAt: null, resolution: null, duplicateOfId: null, updatedAt: now }).where(eq(incidents.id, i.id)).run();
      auditIncident(tx, actor, i.id, 'incident.reopen',
        { status: i.status, resolution: i.resolution, closedAt: i.closedAt, duplicateOfId: i.duplicateOfId },
        { status: input.status, reason: note }, now);
      tellReporterAndOwner(tx, i, { kind: 'status_changed', title: `${incidentTitle(i)} was reopened`, body: note }, now, actor.userId);
      return { status: input.status };
    }

    if (input.status === 'reported') refuseField('status', '“Reported” is where a report starts; choose another status.');
    if (input.status === 'closed') {
      const open = openActionCount(tx, i.id);
      if (open > 0) refuseField('status', `${open} corrective action${open === 1 ? ' is' : 's are'} still open: mark ${open === 1 ? 'it' : 'them'} done first.`);
      tx.update(incidents).set({ status: 'closed', resolution: note, closedAt: now, updatedAt: now }).where(eq(incidents.id, i.id)).run();
      auditIncident(tx, actor, i.id, 'incident.close', { status: i.status }, { status: 'closed', resolution: note }, now);
      tellReporterAndOwner(tx, i, { kind: 'status_changed', title: `${incidentTitle(i)} was closed`, body: note }, now, actor.userId);
      return { status: 'closed' as const };
    }

    tx.update(incidents).set({ status: input.status, updatedAt: now }).where(eq(incidents.id, i.id)).run();
    auditIncident(tx, actor, i.id, 'incident.status', { status: i.status }, { status: input.status, ...(note ? { note } : {}) }, now);
    tellReporterAndOwner(tx, i, { kind: 'status_changed', title: `${incidentTitle(i)} is now “${LABELS.status[input.status]}”`, body: note }, now, actor.userId);
    return { status: input.status };
  },
});

export const assignIncidentOwnerCore = defineCore({
  schema: assignOwnerSchema,
  permission: 'incident.triageFirearm',
  run: (input, { actor, tx, now }) => {
    const loaded = loadIncident(tx, actor, input.incidentId);
    requireTriage(actor, loaded);
    const i = loaded.incident;
    const ownerId = input.ownerId || null;
    if (ownerId === i.ownerId) refuseField('ownerId', ownerId ? 'They already own it.' : 'It has no owner.');
    let ownerName: string | null = null;
    if (ownerId) {
      // The owner investigates, so it is someone who may triage this incident.
      const role = roleOf(tx, actor.productionId, ownerId);
      const eligible = role === 'producer' || (role === 'armorer' && loaded.firearmRelated);
      if (!eligible) refuseField('ownerId', loaded.firearmRelated ? 'Choose a producer or the armorer.' : 'Choose a producer (armorers own firearm-related incidents only).');
      ownerName = tx.select({ name: users.name }).from(users).where(eq(users.id, ownerId)).get()?.name ?? null;
    }
    tx.update(incidents).set({ ownerId, updatedAt: now }).where(eq(incidents.id, i.id)).run();
    auditIncident(tx, actor, i.id, 'incident.assign', { ownerId: i.ownerId }, { ownerId, ownerName }, now);
    if (ownerId) {
      notifyUsers(tx, actor.productionId, [ownerId], { kind: 'assigned', title: `You own ${incidentTitle(i)}`, body: `Assigned by ${actor.name}.`, link: incidentLink(i.productionId, i.id) }, now, actor.userId);
    }
    return { ownerId };
  },
});

export const setIncidentSeverityCore = defineCore({
  schema: setSeveritySchema,
  permission: 'incident.triageFirearm',
  run: (input, { actor, tx, now }) => {
    const loaded = loadIncident(tx, actor, input.incidentId);
    requireTriage(actor, loaded);
    const i = loaded.incident;
    // Rule 1: a discharge or live round found is critical whatever anyone chooses.
    if (rule1Applies({ type: i.type, firearmLinked: loaded.firearmCount > 0, injured: hasInjured(tx, i.id) }) && input.severity !== 'critical') {
      refuseField('severity', isRule1(i.type) ? `${LABELS.incidentType[i.type]} is always critical (rule 1).` : 'An injury on a firearm-related report is always critical (rule 1).');
    }
    if (input.severity === i.severity) refuseField('severity', `It is already ${LABELS.severity[i.severity].toLowerCase()}.`);
    tx.update(incidents).set({ severity: input.severity, updatedAt: now }).where(eq(incidents.id, i.id)).run();
    auditIncident(tx, actor, i.id, 'incident.severity', { severity: i.severity }, { severity: input.severity }, now);
    const link = incidentLink(i.productionId, i.id);
    if (input.severity === 'critical') {
      notifyRoles(tx, actor.productionId, ['producer'], { kind: 'critical_incident', title: `${incidentTitle(i)} rated critical`, body: `By ${actor.name}.`, link }, now, actor.userId);
    }
    if (i.reporterId) {
      notifyUsers(tx, actor.productionId, [i.reporterId], { kind: 'reporter_update', title: `${incidentTitle(i)} was rated ${LABELS.severity[input.severity].toLowerCase()}`, link }, now, actor.userId);
    }
    return { severity: input.severity };
  },
});

/** A duplicate is closed and points at the original; duplicates do not count for rule 3. */
export const markIncidentDuplicateCore = defineCore({
  schema: markDuplicateSchema,
  permission: 'incident.triageFirearm',
  run: (input, { actor, tx, now }) => {
    const loaded = loadIncident(tx, actor, input.incidentId);
    requireTriage(actor, loaded);
    const i = loaded.incident;
    if (i.duplicateOfId) refuseField('duplicateOfNumber', 'It is already marked a duplicate. Reopen it first to change that.');
    const original = tx.select().from(incidents).where(and(eq(incidents.productionId, actor.productionId), eq(incidents.number, input.duplicateOfNumber))).get();
    if (!original) refuseField('duplicateOfNumber', `There is no report #${input.duplicateOfNumber} on this production.`);
    if (original.id === i.id) refuseField('duplicateOfNumber', 'A report cannot duplicate itself.');
    if (original.duplicateOfId) {
      const root = tx.select({ number: incidents.number }).from(incidents).where(eq(incidents.id, original.duplicateOfId)).get();
      refuseField('duplicateOfNumber', `Report #${original.number} is itself a duplicate${root ? ` of #${root.number}: choose #${root.number}` : ''}.`);
    }
    const pointing = tx.select({ n: sql<number>`count(*)` }).from(incidents).where(eq(incidents.duplicateOfId, i.id)).get()?.n ?? 0;
    if (pointing > 0) refuseField('duplicateOfNumber', 'Other reports are marked duplicates of this one; it stays the original.');
    const open = openActionCount(tx, i.id);
    if (open > 0) refuseField('duplicateOfNumber', 'It has open corrective actions: move them to the original or mark them done first.');

    const resolution = `Duplicate of report #${original.number}.`;
    tx.update(incidents).set({ duplicateOfId: original.id, status: 'closed', resolution, closedAt: i.closedAt ?? now, updatedAt: now }).where(eq(incidents.id, i.id)).run();
    auditIncident(tx, actor, i.id, 'incident.duplicate',
      { status: i.status, duplicateOfId: null, resolution: i.resolution },
      { status: 'closed', duplicateOfId: original.id, duplicateOfNumber: original.number, resolution }, now);
    tellReporterAndOwner(tx, i, { kind: 'status_changed', title: `${incidentTitle(i)} was closed as a duplicate`, body: `It is the same as report #${original.number}, which carries on.` }, now, actor.userId);
    return { duplicateOfId: original.id, duplicateOfNumber: original.number };
  },
});
