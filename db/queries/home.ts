import 'server-only';
import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { comments, incidents, meetingAttendees, safetyMeetings } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { can } from '@/app/lib/policy';
import { listMyCorrectiveActions } from './incidents';
import { checksAwaiting } from './checks';

/** The soonest-due corrective actions listed by name; the rest are counted (the incidents page lists them). */
const MY_ACTIONS_SHOWN = 10;
/** The newest checks awaiting the member's confirmation listed by name; the rest are counted. */
const MY_CHECKS_SHOWN = 10;
/** The latest safety meetings the member has not confirmed, listed by date; the rest are counted. */
const MY_MEETINGS_SHOWN = 10;

/** `more`: a line standing for that many items not listed by name. */
export type WaitingItem = { key: string; kind: 'witness' | 'meeting' | 'question' | 'action'; text: string; href: string; urgent: boolean; more?: number };

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
    // Rule 2: no hand-off until every named witness has confirmed, so these come first, the
    // newest (today's setups) by name and the rest counted: the home page's size does not grow
    // with confirmations never given (ARCHITECTURE.md: performance budget).
    const { lines, total } = checksAwaiting(actor, MY_CHECKS_SHOWN);
    for (const r of lines)
      out.push({ key: `w-${r.id}`, kind: 'witness', text: `Witness the check of ${r.tag} (${r.scene})`, href: `${base}/checks#check-${r.id}`, urgent: true });
    if (total > lines.length)
      out.push({ key: 'w-more', kind: 'witness', text: `${total - lines.length} older checks also wait for your confirmation`, href: `${base}/checks`, urgent: true, more: total - lines.length });
  }

  if (can(actor.role, 'meeting.attend')) {
    const unconfirmed = and(eq(meetingAttendees.userId, actor.userId), isNull(meetingAttendees.confirmedAt), eq(safetyMeetings.productionId, actor.productionId));
    const rows = db
      .select({ id: safetyMeetings.id, date: safetyMeetings.date, scene: safetyMeetings.scene })
      .from(meetingAttendees)
      .innerJoin(safetyMeetings, eq(safetyMeetings.id, meetingAttendees.meetingId))
      .where(unconfirmed)
      .orderBy(desc(safetyMeetings.date))
      .limit(MY_MEETINGS_SHOWN)
      .all();
    for (const r of rows)
      out.push({ key: `m-${r.id}`, kind: 'meeting', text: `Confirm you attended the safety meeting of ${r.date} (${r.scene})`, href: `${base}/meetings#meeting-${r.id}`, urgent: false });
    if (rows.length === MY_MEETINGS_SHOWN) {
      const total = db.select({ n: sql<number>`count(*)` }).from(meetingAttendees).innerJoin(safetyMeetings, eq(safetyMeetings.id, meetingAttendees.meetingId)).where(unconfirmed).get()?.n ?? 0;
      if (total > rows.length)
        out.push({ key: 'm-more', kind: 'meeting', text: `${total - rows.length} older safety meetings wait for your confirmation`, href: `${base}/meetings`, urgent: false, more: total - rows.length });
    }
  }

  if (can(actor.role, 'incident.viewOwn')) {
    // The comments on the member's open reports, read by a join: their open reports may number
    // thousands, their comments few (the ids listed in an IN (…) grew with every report filed).
    const said = db
      .select({ incidentId: comments.incidentId, number: incidents.number, authorId: comments.authorId, kind: comments.kind, at: comments.createdAt })
      .from(comments)
      .innerJoin(incidents, eq(incidents.id, comments.incidentId))
      .where(and(eq(incidents.productionId, actor.productionId), eq(incidents.reporterId, actor.userId), ne(incidents.status, 'closed')))
      .orderBy(asc(comments.createdAt))
      .all();
    const mine = [...new Map(said.map((c) => [c.incidentId, { id: c.incidentId, number: c.number }])).values()];
    if (mine.length) {
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
      out.push({ key: 'a-more', kind: 'action', text: `${total - items.length} more corrective actions of yours`, href: `${base}/incidents`, urgent: false, more: total - items.length });
  }
  return out;
}
