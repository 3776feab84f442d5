import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notifications, productions } from '@/db/schema';

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

/** The user's own notifications, newest first, with the production they belong to. */
export function listNotifications(userId: string, limit = 100) {
  return getDb()
    .select({ n: notifications, productionTitle: productions.title, productionTimeZone: productions.timeZone })
    .from(notifications)
    .leftJoin(productions, eq(productions.id, notifications.productionId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .all()
    .map(({ n, productionTitle, productionTimeZone }) => ({ ...n, productionTitle, productionTimeZone }));
}
