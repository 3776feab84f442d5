// Rule 7's clock: escalation and reminders from database state only, at a given `now`. Every step
// is recorded by a conditional update (or a unique key) in the same immediate transaction as its
// messages and audit entry, so a run repeated, overlapping or restarted after a crash takes each
// step exactly once and loses none.
import { and, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { write, type Tx } from '@/db/client';
import {
  checkWitnesses, correctiveActions, OPEN_CLOCKS, firearmChecks, firearms, incidents, injuredPeople, memberships, productions,
  remindersSent, safetyContacts, signals, type Signal,
} from '@/db/schema';
import { appendAudit } from '../audit';
import { enqueueEmail } from '../delivery/outbox';
import { memberIdsWithRole, notifyUsers } from '../notify';
import { dueEscalations, dueReminders, HOTLINE, SAFETY_CONTACT_LABELS, type DueStep, type ReminderFacts } from '../rules';
import { dayOnly, formatInZone } from '../time';
import { escalationSettingsOf } from './core';
import { clockStart } from './raise';
import { clockFacts } from '../incidents/injured';

const RULE7 = { actorId: null, actorLabel: 'SetSafe (rule 7)' };

export type EscalationRun = { resent: number; contacts: number; reminders: number };

/** Runs every due step of every production at `now`. Idempotent; safe to call on any clock. */
export function runEscalations(now: Date): EscalationRun {
  return write((tx) => {
    const out: EscalationRun = { resent: 0, contacts: 0, reminders: 0 };
    const open = tx
      .select({ s: signals, timeZone: productions.timeZone, title: productions.title })
      .from(signals)
      .innerJoin(productions, eq(productions.id, signals.productionId))
      .where(and(isNull(signals.acknowledgedAt), isNull(signals.contactsAt), ne(productions.phase, 'wrapped')))
      .all();
    const settings = new Map<string, ReturnType<typeof escalationSettingsOf>>();
    for (const { s, timeZone, title } of open) {
      if (!settings.has(s.productionId)) settings.set(s.productionId, escalationSettingsOf(tx, s.productionId));
      for (const step of dueEscalations({ ...s, raisedAt: clockStart(s, timeZone) }, settings.get(s.productionId)!, now)) {
        if (takeStep(tx, s, step, timeZone, title, now)) out[step.step === 'resend' ? 'resent' : 'contacts']++;
      }
    }
    out.reminders = runReminders(tx, now);
    return out;
  });
}

function takeStep(tx: Tx, s: Signal, step: DueStep, timeZone: string, productionTitle: string, now: Date): boolean {
  // An anonymous report's signal keeps the day only, in its steps too (ARCHITECTURE.md: anonymous reports).
  const anonymousIn = s.anonymous ? { timeZone } : undefined;
  const at = s.anonymous ? dayOnly(now, timeZone) : now;
  const raised = formatInZone(s.raisedAt, timeZone, { time: !s.anonymous });
  if (step.step === 'resend') {
    const changed = tx.update(signals).set({ resentAt: at }).where(and(eq(signals.id, s.id), isNull(signals.resentAt), isNull(signals.acknowledgedAt))).run().changes;
    if (changed !== 1) return false;
    const to = memberIdsWithRole(tx, s.productionId, ['producer', 'armorer']);
    notifyUsers(tx, s.productionId, to, {
      kind: 'escalation', title: `Not acknowledged: ${s.title}`,
      body: `Raised ${raised}; no producer has acknowledged it yet (rule 7). A producer opens it and taps Acknowledge.`,
      link: s.link, signalId: s.id,
    }, at);
    appendAudit(tx, { chain: s.productionId, ...RULE7, entity: 'signal', entityId: s.id, action: 'signal.resend', before: { resentAt: null }, after: { resentAt: at, recipients: to.length, dueAt: step.dueAt }, at: now, anonymousIn });
    return true;
  }
  const changed = tx.update(signals).set({ contactsAt: at }).where(and(eq(signals.id, s.id), isNull(signals.contactsAt), isNotNull(signals.resentAt), isNull(signals.acknowledgedAt))).run().changes;
  if (changed !== 1) return false;
  const contacts = tx.select().from(safetyContacts).where(and(eq(safetyContacts.productionId, s.productionId), isNull(safetyContacts.removedAt))).all();
  const told = contacts.map((c) => ({
    name: c.name, kind: SAFETY_CONTACT_LABELS[c.kind], email: c.email, phone: c.phone,
    // Safety contacts are not members: they are emailed through the outbox, in this transaction.
    emailed: !!enqueueEmail(tx, {
      productionId: s.productionId, toAddress: c.email, link: s.link, now: at, kind: 'escalation', critical: true,
      subject: `[${productionTitle}] Unacknowledged critical safety signal`,
      text: `${s.title}\n\nRaised ${raised} on ${productionTitle}. No producer has acknowledged it within the production's windows, so SetSafe is telling you as a safety contact (rule 7).\n\n${HOTLINE.name}: ${HOTLINE.display} (${HOTLINE.digits}).`,
    }),
  }));
  // Everyone on the show sees the hotline from now on (rule 7).
  const everyone = tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.productionId, s.productionId)).all().map((m) => m.userId);
  notifyUsers(tx, s.productionId, everyone, {
    kind: 'escalation', title: `Escalated to the safety contacts: ${s.title}`,
    body: `No producer acknowledged it. Anyone on the show may call the ${HOTLINE.name}: ${HOTLINE.display} (${HOTLINE.digits}).`,
    link: s.link, signalId: s.id,
  }, at);
  appendAudit(tx, {
    chain: s.productionId, ...RULE7, entity: 'signal', entityId: s.id, action: 'signal.contacts',
    before: { contactsAt: null }, after: { contactsAt: at, dueAt: step.dueAt, contacts: told, hotline: HOTLINE.display },
    at: now, anonymousIn,
  });
  return true;
}

/** Reminders of every live production that are due and were not sent; returns how many were sent. */
function runReminders(tx: Tx, now: Date): number {
  const live = tx.select({ id: productions.id, timeZone: productions.timeZone }).from(productions).where(ne(productions.phase, 'wrapped')).all();
  let sent = 0;
  for (const p of live) {
    const facts = reminderFacts(tx, p.id, p.timeZone, now);
    const due = dueReminders(facts, now);
    if (due.length === 0) continue;
    const producers = memberIdsWithRole(tx, p.id, ['producer']);
    for (const r of due) {
      const fresh = tx.insert(remindersSent).values({ productionId: p.id, key: r.key, sentAt: now }).onConflictDoNothing().run().changes;
      if (fresh !== 1) continue;
      const link = 'incidentId' in r.target ? `/productions/${p.id}/incidents/${r.target.incidentId}` : `/productions/${p.id}/checks/${r.target.checkId}`;
      const to = 'userId' in r.to ? [r.to.userId] : producers;
      notifyUsers(tx, p.id, to, { kind: r.key.startsWith('witness:') ? 'witness_request' : 'reminder', title: r.title, body: r.body, link }, now);
      appendAudit(tx, { chain: p.id, ...RULE7, entity: 'reminder', entityId: r.key, action: 'reminder.send', after: { key: r.key, title: r.title, recipients: to.length }, at: now });
      sent++;
    }
  }
  return sent;
}

/** Only what can still be due: open actions, awaited witnesses of the past week, injuries with clocks running. */
function reminderFacts(tx: Tx, productionId: string, timeZone: string, now: Date): ReminderFacts {
  const actions = tx
    .select({ id: correctiveActions.id, incidentId: correctiveActions.incidentId, what: correctiveActions.what, ownerId: correctiveActions.ownerId, dueDate: correctiveActions.dueDate, doneAt: correctiveActions.doneAt })
    .from(correctiveActions)
    .where(and(eq(correctiveActions.productionId, productionId), isNull(correctiveActions.doneAt)))
    .all();
  const since = new Date(now.getTime() - 7 * 24 * 3_600_000);
  const pendingWitnesses = tx
    .select({ checkId: checkWitnesses.checkId, userId: checkWitnesses.userId, performedAt: firearmChecks.performedAt, scene: firearmChecks.scene, firearmTag: firearms.tag })
    .from(checkWitnesses)
    .innerJoin(firearmChecks, eq(firearmChecks.id, checkWitnesses.checkId))
    .innerJoin(firearms, eq(firearms.id, firearmChecks.firearmId))
    .where(and(eq(firearmChecks.productionId, productionId), isNull(checkWitnesses.confirmedAt), isNull(checkWitnesses.declinedAt), sql`${firearmChecks.performedAt} >= ${since.getTime()}`))
    .all();
  const injuries = tx
    .select({ incidentId: incidents.id, number: incidents.number, occurredAt: incidents.occurredAt, reportedAt: incidents.reportedAt, inj: injuredPeople })
    .from(injuredPeople)
    .innerJoin(incidents, eq(incidents.id, injuredPeople.incidentId))
    .where(and(eq(incidents.productionId, productionId), ne(incidents.status, 'closed'), sql.raw(`(${OPEN_CLOCKS})`)))
    .all()
    .map((r) => ({
      incidentId: r.incidentId, number: r.number, occurredAt: r.occurredAt ?? r.reportedAt, ordinal: r.inj.ordinal,
      injury: clockFacts(r.inj),
    }));
  const jurisdiction = tx.select({ j: productions.jurisdiction }).from(productions).where(eq(productions.id, productionId)).get()?.j ?? 'federal';
  return { timeZone, actions, pendingWitnesses, injuries, jurisdiction };
}

/**
 * Rule 7 on the outbox worker's clock (delivery/jobs.ts), before that tick sends: a re-send written
 * now leaves in the same turn. Each step is recorded once, so an overlap or a restart never repeats
 * one; a failed run (a busy database) was one transaction, so nothing is half-done, and it is
 * retried at the next tick while the sending step of this tick still runs.
 */
export function escalationJob(now: Date): number {
  try {
    const r = runEscalations(now);
    return r.resent + r.contacts + r.reminders;
  } catch (err) {
    console.error('[setsafe] escalation run failed; retrying at the next tick', err);
    return 0;
  }
}
