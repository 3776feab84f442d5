import 'server-only';
import { and, desc, eq, exists, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { meetingAttendees, safetyMeetings, users, type SafetyMeeting } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { can } from '@/app/lib/policy';

export type MeetingView = SafetyMeeting & { heldBy: string; attendees: { userId: string; name: string; confirmedAt: Date | null }[] };

/** Every meeting for those who view firearms; for anyone else, the meetings they are named on. */
export function listMeetings(actor: Actor, limit = 100): MeetingView[] {
  const db = getDb();
  const viewAll = can(actor.role, 'firearm.view');
  if (!viewAll && !can(actor.role, 'meeting.attend')) return [];
  // Anyone else sees the meetings naming them: asked per meeting as the newest are walked, never
  // as a list of every meeting id they were ever named on (ARCHITECTURE.md: performance budget).
  const namesMe = exists(
    db
      .select({ one: sql`1` })
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.meetingId, safetyMeetings.id), eq(meetingAttendees.userId, actor.userId))),
  );
  const rows = db
    .select({ m: safetyMeetings, heldBy: users.name })
    .from(safetyMeetings)
    .innerJoin(users, eq(users.id, safetyMeetings.heldById))
    .where(and(eq(safetyMeetings.productionId, actor.productionId), viewAll ? undefined : namesMe))
    .orderBy(desc(safetyMeetings.date), desc(safetyMeetings.createdAt))
    .limit(limit)
    .all();
  if (rows.length === 0) return [];
  const att = db
    .select({ meetingId: meetingAttendees.meetingId, userId: meetingAttendees.userId, name: users.name, confirmedAt: meetingAttendees.confirmedAt })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .where(inArray(meetingAttendees.meetingId, rows.map((r) => r.m.id)))
    .all();
  return rows.map(({ m, heldBy }) => ({
    ...m,
    heldBy,
    attendees: att.filter((a) => a.meetingId === m.id).map(({ userId, name, confirmedAt }) => ({ userId, name, confirmedAt })).sort((a, b) => a.name.localeCompare(b.name)),
  }));
}
