// Rule 7 actions: a producer acknowledges a critical signal; a producer sets the escalation
// windows and the safety contacts. Each goes through the policy and is audited in its transaction.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { escalationSettings, safetyContacts, signals } from '@/db/schema';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { defineCore } from '../core';
import { Refusal } from '../errors';
import { notifyRoles } from '../notify';
import { DEFAULT_ESCALATION, type EscalationSettings } from '../rules/acknowledgement';
import { acknowledgeSignalSchema, addSafetyContactSchema, escalationSettingsSchema, removeSafetyContactSchema } from '../schemas/signals';

/** The production's windows, or the defaults (15 + 15 minutes) when a producer set none. */
export function escalationSettingsOf(tx: Pick<Tx, 'select'>, productionId: string): EscalationSettings {
  const row = tx.select().from(escalationSettings).where(eq(escalationSettings.productionId, productionId)).get();
  return row ? { resendAfterMinutes: row.resendAfterMinutes, contactsAfterMinutes: row.contactsAfterMinutes } : DEFAULT_ESCALATION;
}

export const acknowledgeSignal = defineCore({
  schema: acknowledgeSignalSchema,
  permission: 'signal.acknowledge',
  run: (input, { actor, tx, now }) => {
    const s = tx.select().from(signals).where(and(eq(signals.id, input.signalId), eq(signals.productionId, actor.productionId))).get();
    if (!s) throw new Refusal('That signal does not exist on this production.', 'not_found');
    // A second tap (or a second producer) changes nothing: the first acknowledgement stands.
    if (s.acknowledgedAt) return { id: s.id, acknowledged: false, acknowledgedAt: s.acknowledgedAt };
    const changed = tx
      .update(signals)
      .set({ acknowledgedAt: now, acknowledgedById: actor.userId })
      .where(and(eq(signals.id, s.id), isNull(signals.acknowledgedAt)))
      .run().changes;
    if (changed !== 1) return { id: s.id, acknowledged: false, acknowledgedAt: s.acknowledgedAt };
    appendAudit(tx, {
      chain: actor.productionId, actorId: actor.userId, actorLabel: actor.name, entity: 'signal', entityId: s.id, action: 'signal.acknowledge',
      before: { acknowledgedAt: null }, after: { acknowledgedAt: now, acknowledgedById: actor.userId, byName: actor.name }, at: now,
    });
    // Those the re-send pulled in hear that a producer has it now.
    if (s.resentAt) {
      notifyRoles(tx, actor.productionId, ['producer', 'armorer'], { kind: 'status_changed', title: `Acknowledged by ${actor.name}: ${s.title}`, link: s.link }, now, actor.userId);
    }
    return { id: s.id, acknowledged: true, acknowledgedAt: now };
  },
});

/**
 * A producer who lifts a hold in writing has acted on it: the hold's signal counts as acknowledged
 * by them (rule 7 asks that a producer act; the lift is that act). Inside the lift's transaction.
 */
export function acknowledgeHoldSignal(tx: Tx, actor: Actor, holdId: string, now: Date): void {
  const s = tx.select().from(signals).where(and(eq(signals.productionId, actor.productionId), eq(signals.holdId, holdId), isNull(signals.acknowledgedAt))).get();
  if (!s) return;
  tx.update(signals).set({ acknowledgedAt: now, acknowledgedById: actor.userId }).where(eq(signals.id, s.id)).run();
  appendAudit(tx, {
    chain: actor.productionId, actorId: actor.userId, actorLabel: actor.name, entity: 'signal', entityId: s.id, action: 'signal.acknowledge',
    before: { acknowledgedAt: null }, after: { acknowledgedAt: now, acknowledgedById: actor.userId, byName: actor.name, byLift: true }, at: now,
  });
}

export const updateEscalationSettings = defineCore({
  schema: escalationSettingsSchema,
  permission: 'escalation.manage',
  run: (input, { actor, tx, now }) => {
    const before = escalationSettingsOf(tx, actor.productionId);
    const row = { productionId: actor.productionId, resendAfterMinutes: input.resendAfterMinutes, contactsAfterMinutes: input.contactsAfterMinutes, updatedAt: now };
    tx.insert(escalationSettings).values(row).onConflictDoUpdate({ target: escalationSettings.productionId, set: { resendAfterMinutes: row.resendAfterMinutes, contactsAfterMinutes: row.contactsAfterMinutes, updatedAt: now } }).run();
    appendAudit(tx, {
      chain: actor.productionId, actorId: actor.userId, actorLabel: actor.name, entity: 'escalation_settings', entityId: actor.productionId,
      action: 'escalation.settings', before, after: { resendAfterMinutes: row.resendAfterMinutes, contactsAfterMinutes: row.contactsAfterMinutes }, at: now,
    });
    return { resendAfterMinutes: row.resendAfterMinutes, contactsAfterMinutes: row.contactsAfterMinutes };
  },
});

export const addSafetyContact = defineCore({
  schema: addSafetyContactSchema,
  permission: 'escalation.manage',
  run: (input, { actor, tx, now }) => {
    const row = { id: randomUUID(), productionId: actor.productionId, kind: input.kind, name: input.name, title: input.title, email: input.email.toLowerCase(), phone: input.phone, createdAt: now, removedAt: null };
    tx.insert(safetyContacts).values(row).run();
    appendAudit(tx, { chain: actor.productionId, actorId: actor.userId, actorLabel: actor.name, entity: 'safety_contact', entityId: row.id, action: 'safety_contact.add', after: row, at: now });
    return { id: row.id };
  },
});

export const removeSafetyContact = defineCore({
  schema: removeSafetyContactSchema,
  permission: 'escalation.manage',
  run: (input, { actor, tx, now }) => {
    const c = tx.select().from(safetyContacts).where(and(eq(safetyContacts.id, input.contactId), eq(safetyContacts.productionId, actor.productionId))).get();
    if (!c) throw new Refusal('That contact does not exist on this production.', 'not_found');
    if (c.removedAt) throw new Refusal('That contact was already removed.', 'conflict');
    tx.update(safetyContacts).set({ removedAt: now }).where(eq(safetyContacts.id, c.id)).run();
    appendAudit(tx, { chain: actor.productionId, actorId: actor.userId, actorLabel: actor.name, entity: 'safety_contact', entityId: c.id, action: 'safety_contact.remove', before: { removedAt: null, name: c.name }, after: { removedAt: now, name: c.name }, at: now });
    return { id: c.id };
  },
});
