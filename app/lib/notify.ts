// Messages to people. Written inside the caller's transaction, so a notification exists exactly
// when the change that caused it does; the same transaction writes its email and push rows to the
// outbox, as each member chose (ARCHITECTURE.md: messages to people).
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { memberships, notifications } from '@/db/schema';
import type { NotificationKind, Role } from './enums';
import { enqueueForMember } from './delivery/outbox';

export type NotificationInput = {
  kind: NotificationKind; title: string; body?: string; link?: string | null;
  /** The critical signal it is about (rule 7): unacknowledged ones sort first in the list. */
  signalId?: string | null;
};

export function notifyUsers(tx: Tx, productionId: string | null, userIds: Iterable<string>, n: NotificationInput, now: Date, exceptUserId?: string | null): number {
  const unique = [...new Set(userIds)].filter((u) => u && u !== exceptUserId);
  if (unique.length === 0) return 0;
  const rows = unique.map((userId) => ({ id: randomUUID(), userId, productionId, kind: n.kind, title: n.title, body: n.body ?? '', link: n.link ?? null, signalId: n.signalId ?? null, createdAt: now }));
  tx.insert(notifications).values(rows).run();
  for (const r of rows) enqueueForMember(tx, productionId, r.userId, { kind: r.kind, subject: r.title, text: r.body, link: r.link, notificationId: r.id }, now);
  return unique.length;
}

export function memberIdsWithRole(tx: Tx, productionId: string, roles: Role[]): string[] {
  return tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.productionId, productionId), inArray(memberships.role, roles)))
    .all()
    .map((r) => r.userId);
}

export function notifyRoles(tx: Tx, productionId: string, roles: Role[], n: NotificationInput, now: Date, exceptUserId?: string | null): number {
  return notifyUsers(tx, productionId, memberIdsWithRole(tx, productionId, roles), n, now, exceptUserId);
}
