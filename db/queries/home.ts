import 'server-only';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { checkWitnesses, comments, firearmChecks, firearms, incidents, meetingAttendees, safetyMeetings } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { can } from '@/app/lib/policy';
import { listMyCorrectiveActions } from './incidents';

/** The soonest-due corrective actions listed by name; the rest are counted (the incidents page lists them). */
const MY_ACTIONS_SHOWN = 10;

export type WaitingItem = { key: string; kind: 'witness' | 'meeting' | 'question' | 'action'; text: string; href: string; urgent: boolean };

/**
 * What waits for this member, and only for them: checks they are named to witness, meetings
 * they have not confirmed, questions or replies on the reports they filed, corrective actions
 * they own. Scoped to the actor's production and user; each kind only for roles that may act.
 */
export function listWaitingFor(actor: Actor, now: Date): WaitingItem[] {
  const db = getDb();
  const base = `/productions/${actor.productionId}`;
  const out: WaitingItem[] = [];

  if (can(actor.role, 'check.witness')) {
    const rows = db
      .select({ id: firearmChecks.id, tag: firearms.tag, scene: firearmChecks.scene, phase: firearmChecks.phase })
      .from(checkWitnesses)
      .innerJoin(firearmChecks, eq(firearmChecks.id, checkWitnesses.checkId))
      .innerJoin(firearms, eq(firearms.id, firearmChecks.firearmId))
      .where(and(eq(checkWitnesses.userId, actor.userId), isNull(checkWitnesses.confirmedAt), isNull(checkWitnesses.declinedAt), eq(firearmChecks.productionId, actor.productionId)))
      .orderBy(asc(firearmChecks.performedAt))
      .all();
    for (const r of rows)
      // Rule 2: no hand-off until every named witness has confirmed, so these come first.
      out.push({ key: `w-${r.id}`, kind: 'witness', text: `Witness the check of ${r.tag} (${r.scene})`, href: `${base}/checks#check-${r.id}`, urgent: true });
  }

  if (can(actor.role, 'meeting.attend')) {
    const rows = db
      .select({ id: safetyMeetings.id, date: safetyMeetings.date, scene: safetyMeetings.scene })
      .from(meetingAttendees)
      .innerJoin(safetyMeetings, eq(safetyMeetings.id, meetingAttendees.meetingId))
      .where(and(eq(meetingAttendees.userId, actor.userId), isNull(meetingAttendees.confirmedAt), eq(safetyMeetings.productionId, actor.productionId)))
      .orderBy(asc(safetyMeetings.date))
      .all();
    for (const r of rows)
      out.push({ key: `m-${r.id}`, kind: 'meeting', text: `Confirm you attended the safety meeting of ${r.date} (${r.scene})`, href: `${base}/meetings#meeting-${r.id}`, urgent: false });
  }

  if (can(actor.role, 'incident.viewOwn')) {
    const mine = db
      .select({ id: incidents.id, number: incidents.number })
      .from(incidents)
      .where(and(eq(incidents.productionId, actor.productionId), eq(incidents.reporterId, actor.userId), ne(incidents.status, 'closed')))
      .all();
    if (mine.length) {
      const said = db
        .select({ incidentId: comments.incidentId, authorId: comments.authorId, kind: comments.kind, at: comments.createdAt })
        .from(comments)
        .where(inArray(comments.incidentId, mine.map((i) => i.id)))
        .orderBy(asc(comments.createdAt))
        .all();
      for (const i of mine) {
        const thread = said.filter((c) => c.incidentId === i.id);
        const lastMine = thread.filter((c) => c.authorId === actor.userId).at(-1)?.at.getTime() ?? 0;
        const waiting = thread.filter((c) => c.authorId !== actor.userId && (c.kind === 'question' || c.kind === 'comment') && c.at.getTime() > lastMine);
        if (waiting.length)
          out.push({
            key: `q-${i.id}`,
            kind: 'question',
            text: waiting.some((c) => c.kind === 'question') ? `A question on your report #${i.number}` : `A reply on your report #${i.number}`,
            href: `${base}/incidents/${i.id}`,
            urgent: false,
          });
      }
    }
  }

  if (actor.role !== 'auditor') {
    const { items, total } = listMyCorrectiveActions(actor, now, MY_ACTIONS_SHOWN);
    for (const a of items)
      out.push({
        key: `a-${a.id}`,
        kind: 'action',
        text: `${a.what} — due ${a.dueDate}${a.overdue ? ', overdue' : ''} (report #${a.number})`,
        href: a.canOpen ? `${base}/incidents/${a.incidentId}` : `${base}/incidents`,
        urgent: a.overdue,
      });
    if (total > items.length)
      out.push({ key: 'a-more', kind: 'action', text: `${total - items.length} more corrective actions of yours`, href: `${base}/incidents`, urgent: false });
  }
  return out;
}
