import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { preparedQuery } from '@/db/prepared';
import { notifications, productions, signals } from '@/db/schema';

/**
 * Unread notifications, counted no further than `cap` (the bell shows "99+" past 99). The bell is
 * on every signed-in page: counting a member's whole unread backlog (a producer who never opens
 * the list gathers one per report filed) made every page's cost grow with it (ARCHITECTURE.md:
 * performance budget); the capped count reads at most `cap` index entries.
 */
const unreadUpTo = preparedQuery((db) => {
  const some = db
    .select({ one: sql`1` })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
    .limit(sql.placeholder('cap'))
    .as('some');
  return db.select({ n: sql<number>`count(*)` }).from(some).prepare();
});

export function countUnreadUpTo(userId: string, cap: number): number {
  return unreadUpTo().get({ userId, cap })?.n ?? 0;
}

export function countUnread(userId: string): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

export function countNotifications(userId: string): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(notifications).where(eq(notifications.userId, userId)).get()?.n ?? 0;
}

/**
 * The user's own notifications: those about a critical signal still waiting for a producer's
 * acknowledgement first (rule 7), then newest first; read or not, each keeps its read state.
 */
export function listNotifications(userId: string, limit = 100) {
  const waiting = sql<number>`(${signals.id} is not null and ${signals.acknowledgedAt} is null)`;
  return getDb()
    .select({ n: notifications, productionTitle: productions.title, productionTimeZone: productions.timeZone, waiting })
    .from(notifications)
    .leftJoin(productions, eq(productions.id, notifications.productionId))
    .leftJoin(signals, eq(signals.id, notifications.signalId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(waiting), desc(notifications.createdAt), desc(sql`${notifications}.rowid`))
    .limit(limit)
    .all()
    .map(({ n, productionTitle, productionTimeZone, waiting }) => ({ ...n, productionTitle, productionTimeZone, waitingForAcknowledgement: !!waiting }));
}
