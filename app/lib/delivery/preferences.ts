// A member's own delivery choices: devices for Web Push (per user and endpoint, removable) and
// which kinds reach them by which channel on each production, with quiet hours. Personal, like
// marking one's notifications read, so these are user cores; a production the user is not a
// member of answers as if it did not exist. Each change is audited in its transaction.
import { and, eq, isNotNull } from 'drizzle-orm';
import { memberships, notificationPreferences, productions, pushSubscriptions } from '@/db/schema';
import { appendAudit, SITE_CHAIN } from '../audit';
import { isCriticalKind } from '../enums';
import { Refusal } from '../errors';
import { preferencesSchema, pushSubscriptionSchema, removePushSchema } from '../schemas/delivery';
import { defineUserCore } from '../user-core';
import { randomUUID } from 'node:crypto';

export const savePushSubscription = defineUserCore({
  schema: pushSubscriptionSchema,
  adminOnly: false,
  run(input, { actor, tx, now }) {
    // A browser registered for an anonymous receipt is not also tied to an account (ARCHITECTURE.md: anonymous reports).
    if (tx.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(and(eq(pushSubscriptions.endpoint, input.endpoint), isNotNull(pushSubscriptions.receiptIncidentId))).get()) {
      throw new Refusal('This browser gets alerts for an anonymous report. Turn those off on the receipt page first, or use another browser.', 'refused');
    }
    const existing = tx.select().from(pushSubscriptions).where(and(eq(pushSubscriptions.userId, actor.userId), eq(pushSubscriptions.endpoint, input.endpoint))).get();
    const row = { p256dh: input.keys.p256dh, auth: input.keys.auth, label: input.label ?? '' };
    if (existing) {
      tx.update(pushSubscriptions).set(row).where(eq(pushSubscriptions.id, existing.id)).run();
      return { id: existing.id, created: false };
    }
    const id = randomUUID();
    tx.insert(pushSubscriptions).values({ id, userId: actor.userId, endpoint: input.endpoint, ...row, createdAt: now }).run();
    // The endpoint is a capability URL: the trail keeps that a device was added, not its address.
    appendAudit(tx, { chain: SITE_CHAIN, actorId: actor.userId, actorLabel: actor.name, entity: 'push_subscription', entityId: id, action: 'push.subscribe', after: { userId: actor.userId, label: row.label }, at: now });
    return { id, created: true };
  },
});

export const removePushSubscription = defineUserCore({
  schema: removePushSchema,
  adminOnly: false,
  run(input, { actor, tx, now }) {
    const s = tx.select().from(pushSubscriptions).where(and(eq(pushSubscriptions.userId, actor.userId), eq(pushSubscriptions.endpoint, input.endpoint))).get();
    if (!s) throw new Refusal('That device is not registered for your alerts.', 'not_found');
    tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, s.id)).run();
    appendAudit(tx, { chain: SITE_CHAIN, actorId: actor.userId, actorLabel: actor.name, entity: 'push_subscription', entityId: s.id, action: 'push.unsubscribe', before: { userId: actor.userId, label: s.label }, at: now });
    return { removed: 1 };
  },
});

export const savePreferences = defineUserCore({
  schema: preferencesSchema,
  adminOnly: false,
  run(input, { actor, tx, now }) {
    const member = tx
      .select({ phase: productions.phase })
      .from(memberships)
      .innerJoin(productions, eq(productions.id, memberships.productionId))
      .where(and(eq(memberships.productionId, input.productionId), eq(memberships.userId, actor.userId)))
      .get();
    if (!member) throw new Refusal('That production does not exist.', 'not_found');
    // Critical kinds are never stored as muted (the schema refuses it; this keeps the row honest).
    const channels = Object.fromEntries(Object.entries(input.channels).filter(([k]) => !isCriticalKind(k)));
    const next = { channels, quietFrom: input.quietFrom || null, quietTo: input.quietTo || null };
    const before = tx.select().from(notificationPreferences).where(and(eq(notificationPreferences.userId, actor.userId), eq(notificationPreferences.productionId, input.productionId))).get();
    if (before) {
      tx.update(notificationPreferences).set({ ...next, updatedAt: now }).where(and(eq(notificationPreferences.userId, actor.userId), eq(notificationPreferences.productionId, input.productionId))).run();
    } else {
      tx.insert(notificationPreferences).values({ userId: actor.userId, productionId: input.productionId, ...next, updatedAt: now }).run();
    }
    appendAudit(tx, {
      chain: input.productionId,
      actorId: actor.userId,
      actorLabel: actor.name,
      entity: 'notification_preferences',
      entityId: actor.userId,
      action: 'preferences.save',
      before: before ? { channels: before.channels, quietFrom: before.quietFrom, quietTo: before.quietTo } : null,
      after: next,
      at: now,
    });
    return next;
  },
});
