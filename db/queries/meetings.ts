import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { meetingAttendees, safetyMeetings, users, type SafetyMeeting } from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { can } from '@/app/lib/policy';

export type MeetingView = SafetyMeeting & { heldBy: string; attendees: { userId: string; name: string; confirmedAt: Date | null }[] };

/** Every meeting for those who view firearms; for anyone else, the meetings they are named on. */
export function listMeetings(actor: Actor, limit = 100): MeetingView[] {
  const db = getDb();
  let ids: string[] | null = null;
  if (!can(actor.role, 'firearm.view')) {
    if (!can(actor.role, 'meeting.attend')) return [];
    ids = db
      .select({ id: meetingAttendees.meetingId })
      .from(meetingAttendees)
      .innerJoin(safetyMeetings, eq(safetyMeetings.id, meetingAttendees.meetingId))
      .where(and(eq(meetingAttendees.userId, actor.userId), eq(safetyMeetings.productionId, actor.productionId)))
      .all()
      .map((r) => r.id);
    if (ids.length === 0) return [];
  }
  const rows = db
    .select({ m: safetyMeetings, heldBy: users.name })
    .from(safetyMeetings)
    .innerJoin(users, eq(users.id, safetyMeetings.heldById))
    .where(and(eq(safetyMeetings.productionId, actor.productionId), ids ? inArray(safetyMeetings.id, ids) : undefined))
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
