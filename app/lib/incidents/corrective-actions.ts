// Corrective actions on an incident: what, owner (a member), due date; done when and by whom.
// Created by whoever triages the incident; marked done by the owner or a producer, or the armorer
// on firearm-related incidents.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { correctiveActions, incidents, users } from '@/db/schema';
import { appendAudit } from '../audit';
import { defineCore } from '../core';
import { Refusal } from '../errors';
import { notifyUsers } from '../notify';
import { canTriage, isFirearmRelated } from '../policy';
import { addCorrectiveActionSchema, completeCorrectiveActionSchema } from '../schemas/incidents';
import { localDate } from '../time';
import { incidentLink } from './file';
import { firearmCountOf, incidentTitle, loadIncident, requireTriage, roleOf } from './access';

export const addCorrectiveActionCore = defineCore({
  schema: addCorrectiveActionSchema,
  permission: 'incident.triageFirearm',
  run: (input, { actor, tx, now }) => {
    const loaded = loadIncident(tx, actor, input.incidentId);
    requireTriage(actor, loaded);
    const i = loaded.incident;
    const ownerRole = roleOf(tx, actor.productionId, input.ownerId);
    if (!ownerRole || ownerRole === 'auditor') throw new Refusal('Some fields need attention.', 'invalid', { ownerId: ['Choose a member of this production (not an auditor).'] });
    const today = localDate(now, actor.production.timeZone);
    if (input.dueDate < today) throw new Refusal('Some fields need attention.', 'invalid', { dueDate: ['The due date has already passed. Choose today or later.'] });
    const row = {
      id: randomUUID(), productionId: actor.productionId, incidentId: i.id, what: input.what, ownerId: input.ownerId, dueDate: input.dueDate,
      createdById: actor.userId, createdAt: now, doneAt: null, doneById: null,
    };
    tx.insert(correctiveActions).values(row).run();
    tx.update(incidents).set({ updatedAt: now }).where(eq(incidents.id, i.id)).run();
    const ownerName = tx.select({ name: users.name }).from(users).where(eq(users.id, input.ownerId)).get()?.name ?? '';
    appendAudit(tx, { chain: actor.productionId, actorId: actor.userId, actorLabel: actor.name, entity: 'corrective_action', entityId: row.id, action: 'corrective_action.add', after: { ...row, ownerName }, at: now });
    notifyUsers(tx, actor.productionId, [input.ownerId], { kind: 'corrective_action', title: `Corrective action for you, due ${input.dueDate}`, body: `${input.what} (${incidentTitle(i)})`, link: incidentLink(i.productionId, i.id) }, now, actor.userId);
    return { id: row.id };
  },
});

export const completeCorrectiveActionCore = defineCore({
  schema: completeCorrectiveActionSchema,
  // Every member but an auditor may own an action; who may mark this one done is checked below.
  permission: 'incident.comment',
  run: (input, { actor, tx, now }) => {
    const a = tx.select().from(correctiveActions).where(and(eq(correctiveActions.id, input.actionId), eq(correctiveActions.productionId, actor.productionId))).get();
    if (!a) throw new Refusal('That corrective action does not exist on this production.', 'not_found');
    const i = tx.select().from(incidents).where(eq(incidents.id, a.incidentId)).get()!;
    const firearmRelated = isFirearmRelated({ type: i.type, firearmCount: firearmCountOf(tx, i.id) });
    const mayMark = a.ownerId === actor.userId || canTriage(actor.role, firearmRelated);
    if (!mayMark) {
      // Whoever cannot see the incident learns nothing about it.
      if (i.reporterId !== actor.userId && actor.role === 'crew') throw new Refusal('That corrective action does not exist on this production.', 'not_found');
      throw new Refusal('Only its owner or a producer (or the armorer, on firearm-related incidents) marks a corrective action done.', 'forbidden');
    }
    if (a.doneAt) throw new Refusal('It is already marked done.', 'conflict');
    tx.update(correctiveActions).set({ doneAt: now, doneById: actor.userId }).where(eq(correctiveActions.id, a.id)).run();
    tx.update(incidents).set({ updatedAt: now }).where(eq(incidents.id, i.id)).run();
    appendAudit(tx, {
      chain: actor.productionId, actorId: actor.userId, actorLabel: actor.name, entity: 'corrective_action', entityId: a.id, action: 'corrective_action.done',
      before: { doneAt: null }, after: { incidentId: i.id, what: a.what, doneAt: now, doneById: actor.userId }, at: now,
    });
    const watchers = [a.createdById, i.ownerId].filter((u): u is string => !!u && roleOf(tx, actor.productionId, u) !== null);
    notifyUsers(tx, actor.productionId, watchers, { kind: 'corrective_action', title: `Corrective action done: ${a.what.slice(0, 80)}`, body: `${incidentTitle(i)}, by ${actor.name}.`, link: incidentLink(i.productionId, i.id) }, now, actor.userId);
    return { id: a.id };
  },
});
