// Marking one's own notifications read. Other features write notifications; this only reads and
// marks them. The read time is audited on the notification's production chain: "what was known,
// by whom, and when" (ARCHITECTURE.md: audit trail) includes when a producer saw an escalation.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { notifications, type Notification } from '@/db/schema';
import { appendAudit, SITE_CHAIN } from './audit';
import { Refusal } from './errors';
import { markReadSchema } from './schemas/notifications';
import { defineUserCore, type UserActor } from './user-core';
import { z } from 'zod';

function markRows(tx: Tx, actor: UserActor, rows: Notification[], now: Date): number {
  if (rows.length === 0) return 0;
  tx.update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt), inArray(notifications.id, rows.map((r) => r.id))))
    .run();
  for (const r of rows) {
    appendAudit(tx, {
      chain: r.productionId ?? SITE_CHAIN,
      actorId: actor.userId,
      actorLabel: actor.name,
      entity: 'notification',
      entityId: r.id,
      action: 'notification.read',
      before: { readAt: null },
      after: { readAt: now },
      at: now,
    });
  }
  return rows.length;
}

/** Own rows only: another person's notification answers as if it did not exist. */
export const markNotificationRead = defineUserCore({
  schema: markReadSchema,
  adminOnly: false,
  run(input, { actor, tx, now }) {
    const row = tx.select().from(notifications).where(and(eq(notifications.id, input.id), eq(notifications.userId, actor.userId))).get();
    if (!row) throw new Refusal('That notification does not exist.', 'not_found');
    return { marked: row.readAt ? 0 : markRows(tx, actor, [row], now) };
  },
});

export const markAllNotificationsRead = defineUserCore({
  schema: z.object({}),
  adminOnly: false,
  run(_input, { actor, tx, now }) {
    const rows = tx.select().from(notifications).where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt))).all();
    return { marked: markRows(tx, actor, rows, now) };
  },
});
