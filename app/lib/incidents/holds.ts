// Stop-work holds (rule 5): any member but an auditor calls one with a reason; only a producer
// lifts it, in writing; a rule-1 hold, or one a rule-1 report joined, also needs the armorer's or a
// second producer's concurrence.
// Holds are never overwritten: lifting fills the lift fields once, and every step is audited.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { holdIncidents, holds, incidents, type Hold } from '@/db/schema';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { defineCore } from '../core';
import { Refusal } from '../errors';
import { notifyRoles } from '../notify';
import { canCallHold, canConcur, canLiftHold, rule1Applies, type HoldFact } from '../rules';
import { callHoldSchema, concurHoldSchema, liftHoldSchema } from '../schemas/incidents';
import { raiseSignal } from '../signals/raise';
import { acknowledgeHoldSignal } from '../signals/core';
import { openHoldOf, toHoldFact } from './file';
import type { AuditAction } from '@/app/lib/audit-actions';

const holdLink = (productionId: string) => `/productions/${productionId}/hold`;
const actorFact = (a: Actor) => ({ userId: a.userId, role: a.role });

function loadHold(tx: Tx, actor: Actor, holdId: string): Hold {
  const h = tx.select().from(holds).where(and(eq(holds.id, holdId), eq(holds.productionId, actor.productionId))).get();
  if (!h) throw new Refusal('That hold does not exist on this production.', 'not_found');
  return h;
}

/** The hold as the rules see it, including whether a rule-1 report has joined it (rule 5). */
export function holdFactTx(tx: Pick<Tx, 'select'>, h: Hold): HoldFact {
  // A rule-1 report: a rule-1 kind, or a firearm injury (someone hurt on a firearm-related report).
  const joined = tx
    .select({
      type: incidents.type,
      firearmLinked: sql<number>`exists(select 1 from incident_firearms f where f.incident_id = ${incidents.id})`,
      injured: sql<number>`exists(select 1 from injured_people p where p.incident_id = ${incidents.id})`,
    })
    .from(holdIncidents)
    .innerJoin(incidents, eq(incidents.id, holdIncidents.incidentId))
    .where(eq(holdIncidents.holdId, h.id))
    .all()
    .some((l) => rule1Applies({ type: l.type, firearmLinked: !!l.firearmLinked, injured: !!l.injured }));
  return { ...toHoldFact(h), rule1Joined: joined };
}

function auditHold(tx: Tx, actor: Actor, holdId: string, action: AuditAction, before: unknown, after: unknown, now: Date) {
  appendAudit(tx, { chain: actor.productionId, actorId: actor.userId, actorLabel: actor.name, entity: 'hold', entityId: holdId, action, before, after, at: now });
}

export const callHoldCore = defineCore({
  schema: callHoldSchema,
  permission: 'hold.call',
  run: (input, { actor, tx, now }) => {
    const open = openHoldOf(tx, actor.productionId);
    const verdict = canCallHold(actorFact(actor), open ? toHoldFact(open) : null);
    if (!verdict.ok) throw new Refusal(verdict.reason, open ? 'conflict' : 'forbidden');
    const hold = { id: randomUUID(), productionId: actor.productionId, source: 'manual' as const, calledById: actor.userId, calledAt: now, reason: input.reason, incidentId: null };
    tx.insert(holds).values(hold).run();
    auditHold(tx, actor, hold.id, 'hold.call', null, hold, now);
    // Rule 7: a hold waits for a producer's acknowledgement (one who calls it has acknowledged it).
    const { signal } = raiseSignal(tx, {
      productionId: actor.productionId, timeZone: actor.production.timeZone, kind: 'hold_called', subjectId: hold.id, holdId: hold.id,
      subject: input.reason, link: holdLink(actor.productionId), by: { userId: actor.userId, label: actor.name, role: actor.role }, anonymous: false, now,
    });
    // Everyone on the production learns at once.
    notifyRoles(tx, actor.productionId, ['producer', 'armorer', 'crew', 'auditor'], { kind: 'hold_called', title: `Stop-work hold called by ${actor.name}`, body: input.reason, link: holdLink(actor.productionId), signalId: signal.id }, now, actor.userId);
    return { id: hold.id };
  },
});

export const concurHoldCore = defineCore({
  schema: concurHoldSchema,
  permission: 'hold.concur',
  run: (input, { actor, tx, now }) => {
    const h = loadHold(tx, actor, input.holdId);
    const verdict = canConcur(actorFact(actor), holdFactTx(tx, h));
    if (!verdict.ok) throw new Refusal(verdict.reason, 'refused');
    const note = input.note?.trim() || null;
    tx.update(holds).set({ concurredById: actor.userId, concurredAt: now, concurrenceNote: note }).where(eq(holds.id, h.id)).run();
    auditHold(tx, actor, h.id, 'hold.concur', { concurredById: null }, { concurredById: actor.userId, concurredAt: now, concurrenceNote: note }, now);
    notifyRoles(tx, actor.productionId, ['producer'], { kind: 'hold_called', title: `${actor.name} concurred with lifting the hold`, body: 'A producer (not the one who concurred) may now lift it in writing.', link: holdLink(actor.productionId) }, now, actor.userId);
    return { id: h.id };
  },
});

export const liftHoldCore = defineCore({
  schema: liftHoldSchema,
  permission: 'hold.lift',
  run: (input, { actor, tx, now }) => {
    const h = loadHold(tx, actor, input.holdId);
    const verdict = canLiftHold(actorFact(actor), holdFactTx(tx, h), input.resolution);
    if (!verdict.ok) throw new Refusal(verdict.reason, 'refused');
    tx.update(holds).set({ liftedById: actor.userId, liftedAt: now, resolution: input.resolution }).where(eq(holds.id, h.id)).run();
    auditHold(tx, actor, h.id, 'hold.lift', { liftedAt: null }, { liftedById: actor.userId, liftedAt: now, resolution: input.resolution }, now);
    acknowledgeHoldSignal(tx, actor, h.id, now);
    notifyRoles(tx, actor.productionId, ['producer', 'armorer', 'crew', 'auditor'], { kind: 'hold_lifted', title: `Stop-work hold lifted by ${actor.name}`, body: input.resolution, link: holdLink(actor.productionId) }, now, actor.userId);
    return { id: h.id };
  },
});
