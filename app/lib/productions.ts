// Productions: the producer edits their own (settings), the site admin creates them with their
// first producer and moves them between phases. The admin manages productions and users but
// sees a production's records only as a member of it (ARCHITECTURE.md: permission matrix) — nothing here reads a production's records.
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { productions, type Production } from '@/db/schema';
import { appendAudit, SITE_CHAIN } from './audit';
import { defineCore } from './core';
import { Refusal } from './errors';
import { createProductionSchema, productionFieldsSchema, setPhaseSchema } from './schemas/production';
import { addMembership, createInvite, createProduction, createUser, findUserByEmail, INVITE_TTL_MS, whoOf, type Who } from './site';
import { canonicalTimeZone } from './time';
import { defineUserCore } from './user-core';

/** The production as the audit log sees it: the anonymous-report token is a secret. */
function auditable(p: Production) {
  const { reportToken: _token, ...rest } = p;
  return rest;
}

/** Producer: edit title, company, locations, dates, time zone and phase. Wrapping is one-way for them. */
export const updateProduction = defineCore({
  schema: productionFieldsSchema,
  permission: 'production.manage',
  run(input, { actor, tx, now }) {
    const before = tx.select().from(productions).where(eq(productions.id, actor.productionId)).get();
    if (!before) throw new Refusal('Not found.', 'not_found');
    const change = {
      title: input.title,
      company: input.company,
      locations: input.locations,
      startDate: input.startDate || null,
      endDate: input.endDate || null,
      timeZone: canonicalTimeZone(input.timeZone),
      phase: input.phase,
    };
    tx.update(productions).set(change).where(eq(productions.id, before.id)).run();
    const after = { ...before, ...change };
    appendAudit(tx, {
      chain: before.id,
      actorId: actor.userId,
      actorLabel: actor.name,
      entity: 'production',
      entityId: before.id,
      action: before.phase !== after.phase ? 'production.update.phase' : 'production.update',
      before: auditable(before),
      after: auditable(after),
      at: now,
    });
    return { productionId: before.id, phase: after.phase };
  },
});

export type CreatedProduction = {
  productionId: string;
  title: string;
  producerName: string;
  producerEmail: string;
  existingAccount: boolean;
  token: string | null;
  expiresAt: number | null;
};

/** Site admin: a production and its first producer (invited by a one-time link when new). */
export const createProductionWithProducer = defineUserCore({
  schema: createProductionSchema,
  adminOnly: true,
  run(input, { actor, tx, now }): CreatedProduction {
    const who = whoOf(actor);
    const p = createProduction(
      tx,
      who,
      {
        title: input.title,
        company: input.company,
        locations: input.locations,
        startDate: input.startDate || null,
        endDate: input.endDate || null,
        timeZone: canonicalTimeZone(input.timeZone),
        phase: input.phase,
      },
      now,
    );
    const existing = findUserByEmail(tx, input.producerEmail);
    const user = existing ?? createUser(tx, who, { email: input.producerEmail, name: input.producerName, passwordHash: null }, now);
    addMembership(tx, who, { productionId: p.id, userId: user.id, role: 'producer', positions: [] }, now);
    const token = user.passwordHash ? null : createInvite(tx, who, user.id, p.id, now);
    return {
      productionId: p.id,
      title: p.title,
      producerName: user.name,
      producerEmail: user.email,
      existingAccount: Boolean(existing),
      token,
      expiresAt: token ? now.getTime() + INVITE_TTL_MS : null,
    };
  },
});

function setPhase(tx: Tx, who: Who, p: Production, phase: Production['phase'], now: Date) {
  tx.update(productions).set({ phase }).where(eq(productions.id, p.id)).run();
  const entry = {
    actorId: who.userId,
    actorLabel: who.label,
    entity: 'production',
    entityId: p.id,
    action: 'production.phase' as const,
    before: { phase: p.phase },
    after: { phase },
    at: now,
  };
  // On the production's own chain (its history) and on the site chain (the admin's act).
  appendAudit(tx, { ...entry, chain: p.id });
  appendAudit(tx, { ...entry, chain: SITE_CHAIN });
}

/**
 * Site admin: move a production between prep, shooting and wrapped. Only the admin can reopen a
 * wrapped production (ARCHITECTURE.md: wrapped is read-only).
 */
export const setProductionPhase = defineUserCore({
  schema: setPhaseSchema,
  adminOnly: true,
  run(input, { actor, tx, now }) {
    const p = tx.select().from(productions).where(eq(productions.id, input.productionId)).get();
    if (!p) throw new Refusal('That production does not exist.', 'not_found');
    if (p.phase === input.phase) return { productionId: p.id, phase: p.phase, changed: false };
    setPhase(tx, whoOf(actor), p, input.phase, now);
    return { productionId: p.id, phase: input.phase, changed: true };
  },
});
