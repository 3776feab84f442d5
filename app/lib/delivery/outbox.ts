// The outbox (ARCHITECTURE.md: messages to people): every message to a person is a row written inside
// the transaction of the change that caused it, so a message exists exactly when its cause does.
// The worker (./worker.ts) sends the rows later; nothing here does I/O beyond the transaction.
import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { deliveries, notificationPreferences, productions, pushSubscriptions, users } from '@/db/schema';
import { isCriticalKind, type DeliveryChannel } from '../enums';
import { DAY, isStoredDayOnly } from '../time';
import { quietUntil } from './schedule';

export type EmailInput = {
  productionId: string | null;
  toUserId?: string | null;
  toAddress: string;
  subject: string;
  text: string;
  kind: string;
  critical: boolean;
  link?: string | null;
  now: Date;
  /** Once-only key (the daily digest); a second row with the same key is not written. */
  dedupeKey?: string | null;
  notificationId?: string | null;
  dueAt?: Date;
};

/**
 * An anonymous report's messages keep their times to the day (ARCHITECTURE.md: anonymous reports):
 * the caller passes the day-only stamp, the instant the day began in the production's zone.
 */
function isDayOnlyStamp(tx: Tx, productionId: string | null, now: Date): boolean {
  if (!productionId) return now.getTime() % DAY === 0;
  const p = tx.select({ tz: productions.timeZone }).from(productions).where(eq(productions.id, productionId)).get();
  return p ? isStoredDayOnly(now, p.tz) : now.getTime() % DAY === 0;
}

/**
 * Queues one email, for members and for people who are not members (a production's safety
 * contacts). Returns the row id, which is also the message's Message-ID.
 */
export function enqueueEmail(tx: Tx, m: EmailInput): string {
  const id = randomUUID();
  const res = tx
    .insert(deliveries)
    .values({
      id,
      productionId: m.productionId,
      notificationId: m.notificationId ?? null,
      userId: m.toUserId ?? null,
      channel: 'email',
      toAddress: m.toAddress,
      kind: m.kind,
      critical: m.critical,
      subject: m.subject,
      text: m.text,
      link: m.link ?? null,
      dedupeKey: m.dedupeKey ?? null,
      dayOnly: isDayOnlyStamp(tx, m.productionId, m.now),
      dueAt: m.dueAt ?? m.now,
      createdAt: m.now,
    })
    .onConflictDoNothing({ target: deliveries.dedupeKey })
    .run();
  return res.changes === 0 ? '' : id;
}

export type PushInput = {
  productionId: string | null;
  /** A member (all their devices) or an anonymous receipt (its devices); exactly one. */
  toUserId?: string | null;
  receiptIncidentId?: string | null;
  subject: string;
  text: string;
  kind: string;
  critical: boolean;
  link?: string | null;
  now: Date;
  notificationId?: string | null;
  dueAt?: Date;
};

/** Queues one push message to every device of a member or of an anonymous receipt. */
export function enqueuePush(tx: Tx, m: PushInput): string {
  const id = randomUUID();
  tx.insert(deliveries)
    .values({
      id,
      productionId: m.productionId,
      notificationId: m.notificationId ?? null,
      userId: m.toUserId ?? null,
      receiptIncidentId: m.receiptIncidentId ?? null,
      channel: 'push',
      kind: m.kind,
      critical: m.critical,
      subject: m.subject,
      text: m.text,
      link: m.link ?? null,
      dayOnly: isDayOnlyStamp(tx, m.productionId, m.now),
      dueAt: m.dueAt ?? m.now,
      createdAt: m.now,
    })
    .run();
  return id;
}

export type ChannelChoice = { email: boolean; push: boolean };

/** What a member gets when they have not chosen: email for what needs them, push for everything. */
export function defaultChannels(kind: string): ChannelChoice {
  const emailed = isCriticalKind(kind) || ['assigned', 'witness_request', 'corrective_action', 'hold_lifted', 'digest', 'invite', 'scene_plan', 'qualification_expiring'].includes(kind);
  return { email: emailed, push: true };
}

/** A member's effective choice for a kind; critical kinds are always on (they cannot be muted). */
export function channelsFor(kind: string, chosen: Record<string, ChannelChoice> | null | undefined): ChannelChoice {
  if (isCriticalKind(kind)) return { email: true, push: true };
  return chosen?.[kind] ?? defaultChannels(kind);
}

function memberPreferences(tx: Tx, productionId: string, userId: string) {
  return tx
    .select({ channels: notificationPreferences.channels, quietFrom: notificationPreferences.quietFrom, quietTo: notificationPreferences.quietTo, timeZone: productions.timeZone })
    .from(notificationPreferences)
    .innerJoin(productions, eq(productions.id, notificationPreferences.productionId))
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.productionId, productionId)))
    .get();
}

const quietDue = (pref: { timeZone: string; quietFrom: string | null; quietTo: string | null }, now: Date) => quietUntil(now, pref.timeZone, pref.quietFrom, pref.quietTo) ?? now;

/**
 * When a message that cannot be muted but is not critical (a signed audit receipt) is due for a
 * member: at once, or when their quiet hours on that production end.
 */
export function dueAfterQuietHours(tx: Tx, productionId: string, userId: string, now: Date): Date {
  const pref = memberPreferences(tx, productionId, userId);
  return pref ? quietDue(pref, now) : now;
}

export type MessageForMember = { kind: string; subject: string; text: string; link?: string | null; notificationId?: string | null };

/**
 * Queues a member's email and push rows for one in-app notification, as their preferences say.
 * Quiet hours (the production's zone) delay what is not critical; critical rows are due at once.
 */
export function enqueueForMember(tx: Tx, productionId: string | null, userId: string, m: MessageForMember, now: Date): DeliveryChannel[] {
  const user = tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  if (!user) return [];
  const critical = isCriticalKind(m.kind);
  const pref = productionId ? memberPreferences(tx, productionId, userId) : undefined;
  const due = pref && !critical ? quietDue(pref, now) : now;
  const c = channelsFor(m.kind, pref?.channels ?? null);
  const sent: DeliveryChannel[] = [];
  const base = { productionId, subject: m.subject, text: m.text, kind: m.kind, critical, link: m.link ?? null, now, notificationId: m.notificationId ?? null, dueAt: due };
  if (c.email) {
    enqueueEmail(tx, { ...base, toUserId: userId, toAddress: user.email });
    sent.push('email');
  }
  if (c.push && hasPushDevice(tx, { userId })) {
    enqueuePush(tx, { ...base, toUserId: userId });
    sent.push('push');
  }
  return sent;
}

export function hasPushDevice(tx: Tx, who: { userId?: string; receiptIncidentId?: string }): boolean {
  const where = who.userId
    ? eq(pushSubscriptions.userId, who.userId)
    : who.receiptIncidentId
      ? eq(pushSubscriptions.receiptIncidentId, who.receiptIncidentId)
      : null;
  if (!where) return false;
  return !!tx.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(and(where, isNotNull(pushSubscriptions.endpoint))).limit(1).get();
}
