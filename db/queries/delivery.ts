import 'server-only';
import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Actor } from '@/app/lib/actor';
import { channelsFor, type ChannelChoice } from '@/app/lib/delivery/outbox';
import { NOTIFICATION_KINDS, type NotificationKind } from '@/app/lib/enums';
import { can } from '@/app/lib/policy';
import { getDb } from '../client';
import { deliveries, memberships, notificationPreferences, notifications, pushSubscriptions, users } from '../schema';

/** One's own devices (never another person's). */
export function listMyDevices(userId: string) {
  return getDb()
    .select({ endpoint: pushSubscriptions.endpoint, label: pushSubscriptions.label, createdAt: pushSubscriptions.createdAt })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(desc(pushSubscriptions.createdAt))
    .all();
}

export type PreferenceView = { channels: Record<NotificationKind, ChannelChoice>; quietFrom: string; quietTo: string };

/** One's own effective choices on a production: stored ones, defaults for the rest. */
export function getMyPreferences(userId: string, productionId: string): PreferenceView {
  const row = getDb()
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.productionId, productionId)))
    .get();
  const channels = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, channelsFor(k, row?.channels)])) as Record<NotificationKind, ChannelChoice>;
  return { channels, quietFrom: row?.quietFrom ?? '', quietTo: row?.quietTo ?? '' };
}

export type ToldRow = { userId: string; name: string; role: string | null; channel: 'app' | 'email' | 'push'; status: 'pending' | 'sent' | 'failed' | 'read' | 'unread'; at: Date | null; attempts: number; lastError: string | null; dayOnly: boolean };

/**
 * Who was told about a record (its link), by which channel and when (ARCHITECTURE.md: the record shows who
 * was told, how, when). For roles that see the whole production's record (producers, auditors).
 */
export function listWhoWasTold(actor: Actor, links: string[], since?: Date): ToldRow[] | null {
  if (!can(actor.role, 'audit.view') || links.length === 0) return null;
  const db = getDb();
  const roleOf = new Map(db.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.productionId, actor.productionId)).all().map((m) => [m.userId, m.role]));
  const nameOf = (id: string | null, fallback: string | null) => (id ? (db.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? 'Former member') : (fallback ?? 'Safety contact'));
  const inApp = db
    .select({ userId: notifications.userId, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.productionId, actor.productionId), inArray(notifications.link, links), since ? gte(notifications.createdAt, since) : undefined))
    .orderBy(desc(notifications.createdAt))
    .limit(200)
    .all();
  const out = db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.productionId, actor.productionId), inArray(deliveries.link, links), since ? gte(deliveries.createdAt, since) : undefined))
    .orderBy(desc(deliveries.createdAt))
    .limit(200)
    .all()
    // An anonymous reporter's own receipt pushes are not listed: they would say when they looked.
    .filter((d) => !d.receiptIncidentId);
  const rows: ToldRow[] = [
    ...inApp.map((n) => ({ userId: n.userId, name: nameOf(n.userId, null), role: roleOf.get(n.userId) ?? null, channel: 'app' as const, status: n.readAt ? ('read' as const) : ('unread' as const), at: n.readAt ?? n.createdAt, attempts: 0, lastError: null, dayOnly: false })),
    ...out.map((d) => ({ userId: d.userId ?? d.toAddress ?? d.id, name: nameOf(d.userId, d.toAddress), role: d.userId ? (roleOf.get(d.userId) ?? null) : null, channel: d.channel, status: d.status, at: d.sentAt ?? d.dueAt, attempts: d.attempts, lastError: d.lastError, dayOnly: d.dayOnly })),
  ];
  const rank = (r: ToldRow) => (r.role === 'producer' ? 0 : r.role === 'armorer' ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || a.channel.localeCompare(b.channel));
}
