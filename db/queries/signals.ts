import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import { escalationSettings, incidents, safetyContacts, signals, users, type Signal } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { can, canSeeIncident } from '@/app/lib/policy';
import { DEFAULT_ESCALATION, escalationSchedule, signalState, type EscalationSettings, type SignalState } from '@/app/lib/rules/acknowledgement';
import { clockStart } from '@/app/lib/signals/clock';

export type SignalView = Signal & {
  state: SignalState;
  acknowledgedByName: string | null;
  /** When the next step falls due, while one is still to come. */
  resendDueAt: Date;
  contactsDueAt: Date;
  canAcknowledge: boolean;
};

export function escalationSettingsFor(productionId: string): EscalationSettings {
  const row = getDb().select().from(escalationSettings).where(eq(escalationSettings.productionId, productionId)).get();
  return row ? { resendAfterMinutes: row.resendAfterMinutes, contactsAfterMinutes: row.contactsAfterMinutes } : DEFAULT_ESCALATION;
}

function view(actor: Actor, rows: { s: Signal; by: string | null }[]): SignalView[] {
  if (rows.length === 0) return [];
  const settings = escalationSettingsFor(actor.productionId);
  const writable = actor.production.phase !== 'wrapped';
  return rows.map(({ s, by }) => {
    const due = escalationSchedule(clockStart(s, actor.production.timeZone), settings);
    return {
      ...s, state: signalState(s), acknowledgedByName: by, resendDueAt: due.resend, contactsDueAt: due.contacts,
      canAcknowledge: writable && !s.acknowledgedAt && can(actor.role, 'signal.acknowledge'),
    };
  });
}

const ackBy = alias(users, 'ack_by');

function select() {
  return getDb().select({ s: signals, by: ackBy.name }).from(signals).leftJoin(ackBy, eq(ackBy.id, signals.acknowledgedById));
}

/** The signals of one incident the actor may open (the page has already checked that). */
export function signalsOfIncident(actor: Actor, incidentId: string): SignalView[] {
  return view(actor, select().where(and(eq(signals.productionId, actor.productionId), eq(signals.incidentId, incidentId))).orderBy(asc(signals.raisedAt)).all());
}

export function signalsOfHolds(actor: Actor, holdIds: string[]): SignalView[] {
  if (holdIds.length === 0) return [];
  return view(actor, select().where(and(eq(signals.productionId, actor.productionId), inArray(signals.holdId, holdIds))).orderBy(asc(signals.raisedAt)).all());
}

/**
 * The overview's list: signals waiting for a producer, and those that went to the safety contacts
 * in the last week (the hotline stays in view). Crew see only those about what they may open.
 */
export function signalsForOverview(actor: Actor, now: Date): SignalView[] {
  const week = new Date(now.getTime() - 7 * 24 * 3_600_000);
  const rows = select()
    .where(and(eq(signals.productionId, actor.productionId), or(isNull(signals.acknowledgedAt), and(isNotNull(signals.contactsAt), gte(signals.contactsAt, week)))))
    .orderBy(desc(signals.raisedAt))
    .limit(50)
    .all();
  const incidentIds = rows.map((r) => r.s.incidentId).filter((x): x is string => !!x);
  const reporters = new Map(
    incidentIds.length
      ? getDb().select({ id: incidents.id, reporterId: incidents.reporterId }).from(incidents).where(inArray(incidents.id, incidentIds)).all().map((r) => [r.id, r.reporterId] as const)
      : [],
  );
  const visible = rows.filter((r) => !r.s.incidentId || canSeeIncident(actor, { reporterId: reporters.get(r.s.incidentId) ?? null }));
  return view(actor, visible);
}

/** Whether the hotline is to be shown to everyone on the show: a signal went to the safety contacts this week. */
export function hotlineActive(actor: Actor, now: Date): boolean {
  const week = new Date(now.getTime() - 7 * 24 * 3_600_000);
  return !!getDb()
    .select({ id: signals.id })
    .from(signals)
    .where(and(eq(signals.productionId, actor.productionId), isNotNull(signals.contactsAt), or(isNull(signals.acknowledgedAt), gte(signals.contactsAt, week))))
    .limit(1)
    .get();
}

export function listSafetyContacts(actor: Actor) {
  if (!can(actor.role, 'escalation.manage')) return [];
  return getDb()
    .select()
    .from(safetyContacts)
    .where(and(eq(safetyContacts.productionId, actor.productionId), isNull(safetyContacts.removedAt)))
    .orderBy(asc(safetyContacts.createdAt))
    .all();
}
