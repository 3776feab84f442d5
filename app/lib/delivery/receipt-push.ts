// Push for an anonymous report's receipt (ARCHITECTURE.md: anonymous reports). The subscription is kept
// with the report, never with an account or address; its audit entry keeps the day only and no
// endpoint. A browser already receiving a member's alerts is refused, not stored: one endpoint in
// both places would tie the report to that account.
import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { write } from '@/db/client';
import { productions, pushSubscriptions, type Incident } from '@/db/schema';
import { appendAudit } from '../audit';
import { zodFieldErrors } from '../core';
import { fail, ok, type ActionResult } from '../errors';
import { dayOnly } from '../time';
import { ANONYMOUS_LABEL } from '../incidents/file';
import { pushSubscriptionSchema, removePushSchema } from '../schemas/delivery';

export const SHARED_DEVICE_MESSAGE =
  'This browser already gets alerts for a signed-in SetSafe account. To keep your report anonymous, turn push on for it in another browser or private window.';

export function saveReceiptPush(incident: Incident, raw: unknown, now: Date = new Date()): ActionResult<{ created: boolean }> {
  const parsed = pushSubscriptionSchema.safeParse(raw);
  if (!parsed.success) return fail('This device could not be registered.', 'invalid', zodFieldErrors(parsed.error.issues));
  const s = parsed.data;
  return write((tx) => {
    const member = tx.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(and(eq(pushSubscriptions.endpoint, s.endpoint), isNotNull(pushSubscriptions.userId))).get();
    if (member) return fail(SHARED_DEVICE_MESSAGE, 'refused');
    const existing = tx.select().from(pushSubscriptions).where(and(eq(pushSubscriptions.receiptIncidentId, incident.id), eq(pushSubscriptions.endpoint, s.endpoint))).get();
    if (existing) {
      tx.update(pushSubscriptions).set({ p256dh: s.keys.p256dh, auth: s.keys.auth }).where(eq(pushSubscriptions.id, existing.id)).run();
      return ok({ created: false });
    }
    const tz = tx.select({ tz: productions.timeZone }).from(productions).where(eq(productions.id, incident.productionId)).get()?.tz ?? 'UTC';
    const id = randomUUID();
    // No label (it would describe the device) and the day only, like every anonymous record.
    const day = dayOnly(now, tz);
    tx.insert(pushSubscriptions).values({ id, receiptIncidentId: incident.id, endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth, label: '', createdAt: day }).run();
    appendAudit(tx, { chain: incident.productionId, actorId: null, actorLabel: ANONYMOUS_LABEL, entity: 'incident', entityId: incident.id, action: 'receipt.push_on', at: now, anonymousIn: { timeZone: tz } });
    return ok({ created: true });
  });
}

export function removeReceiptPush(incident: Incident, raw: unknown, now: Date = new Date()): ActionResult<{ removed: number }> {
  const parsed = removePushSchema.safeParse(raw);
  if (!parsed.success) return fail('Choose a device.', 'invalid', zodFieldErrors(parsed.error.issues));
  return write((tx) => {
    const s = tx.select().from(pushSubscriptions).where(and(eq(pushSubscriptions.receiptIncidentId, incident.id), eq(pushSubscriptions.endpoint, parsed.data.endpoint))).get();
    if (!s) return fail('This device does not get alerts for this report.', 'not_found');
    tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, s.id)).run();
    const tz = tx.select({ tz: productions.timeZone }).from(productions).where(eq(productions.id, incident.productionId)).get()?.tz ?? 'UTC';
    appendAudit(tx, { chain: incident.productionId, actorId: null, actorLabel: ANONYMOUS_LABEL, entity: 'incident', entityId: incident.id, action: 'receipt.push_off', at: now, anonymousIn: { timeZone: tz } });
    return ok({ removed: 1 });
  });
}
