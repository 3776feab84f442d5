import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notifications, productions, signals } from '@/db/schema';

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
