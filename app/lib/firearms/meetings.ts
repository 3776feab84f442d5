// Safety meetings (Safety Bulletin #1: a meeting every day firearms are handled). Rule 6 reads
// the meetings of the production's calendar day before any weapon goes out.
import { and, eq, isNull } from 'drizzle-orm';
import { meetingAttendees, notifications, safetyMeetings, type SafetyMeeting } from '@/db/schema';
import { defineCore } from '../core';
import { Refusal } from '../errors';
import { notifyUsers } from '../notify';
import { meetingDateRefusal } from '../rules';
import { confirmAttendanceSchema, recordMeetingSchema } from '../schemas/firearms';
import { formatInZone, localDate } from '../time';
import { audit, positionsOf } from './common';

export function meetingLink(productionId: string, meetingId: string) {
  return `/productions/${productionId}/meetings#meeting-${meetingId}`;
}

export const recordMeeting = defineCore({
  schema: recordMeetingSchema,
  permission: 'check.record',
  run: (input, ctx) => {
    const { tx, actor, now } = ctx;
    const refusal = meetingDateRefusal(input.date, localDate(now, actor.production.timeZone));
    if (refusal) throw new Refusal('Some fields need attention.', 'invalid', { date: [refusal] });
    const existing = tx.select().from(safetyMeetings).where(eq(safetyMeetings.id, input.id)).get();
    if (existing) {
      if (existing.productionId === actor.productionId && existing.heldById === actor.userId) return { id: existing.id };
      throw new Refusal('This request id is already in use. Reload the form.', 'conflict');
    }
    if (input.attendeeIds.some((u) => positionsOf(tx, actor.productionId, u) === null)) {
      throw new Refusal('Some fields need attention.', 'invalid', { attendeeIds: ['Name attendees from this production’s members.'] });
    }
    const row: SafetyMeeting = {
      id: input.id,
      productionId: actor.productionId,
      date: input.date,
      scene: input.scene,
      firearmsOnSet: input.firearmsOnSet,
      blanksInUse: input.blanksInUse,
      topics: input.topics,
      heldById: actor.userId,
      createdAt: now,
    };
    tx.insert(safetyMeetings).values(row).run();
    for (const userId of input.attendeeIds) {
      // The person recording it confirms their own attendance by recording it.
      tx.insert(meetingAttendees).values({ meetingId: row.id, userId, confirmedAt: userId === actor.userId ? now : null }).run();
    }
    audit(ctx, { entity: 'safety_meeting', entityId: row.id, action: 'meeting.record', after: { ...row, attendeeIds: input.attendeeIds } });
    notifyUsers(
      tx,
      actor.productionId,
      input.attendeeIds,
      {
        kind: 'meeting_attendance',
        title: `Confirm you attended the safety meeting of ${input.date}`,
        body: `${actor.name} recorded the safety meeting for ${input.scene} and named you as an attendee.`,
        link: meetingLink(actor.productionId, row.id),
      },
      now,
      actor.userId,
    );
    return { id: row.id };
  },
});

/** Each attendee confirms in their own session, once. */
export const confirmAttendance = defineCore({
  schema: confirmAttendanceSchema,
  permission: 'meeting.attend',
  run: ({ meetingId }, ctx) => {
    const { tx, actor, now } = ctx;
    const meeting = tx.select().from(safetyMeetings).where(and(eq(safetyMeetings.id, meetingId), eq(safetyMeetings.productionId, actor.productionId))).get();
    if (!meeting) throw new Refusal('Not found.', 'not_found');
    const row = tx.select().from(meetingAttendees).where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.userId, actor.userId))).get();
    if (!row) throw new Refusal('Only someone named as an attendee can confirm this meeting.', 'forbidden');
    if (row.confirmedAt) throw new Refusal(`You already confirmed your attendance (${formatInZone(row.confirmedAt, actor.production.timeZone)}).`, 'conflict');
    tx.update(meetingAttendees).set({ confirmedAt: now }).where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.userId, actor.userId))).run();
    audit(ctx, { entity: 'safety_meeting', entityId: meetingId, action: 'meeting.attend', before: { userId: actor.userId, confirmedAt: null }, after: { userId: actor.userId, confirmedAt: now } });
    tx.update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.userId, actor.userId), eq(notifications.link, meetingLink(actor.productionId, meetingId)), isNull(notifications.readAt)))
      .run();
    return { meetingId, confirmedAt: now };
  },
});
