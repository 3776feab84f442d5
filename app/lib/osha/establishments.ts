// Establishments, their yearly 300A figures and the log each case is on (ARCHITECTURE.md: OSHA
// recordkeeping). Producers (`osha.record`); each change is audited in the same transaction.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { establishments, establishmentYears, incidents, injuredPeople, type Establishment } from '@/db/schema';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import type { AuditAction } from '../audit-actions';
import { defineCore } from '../core';
import { Refusal } from '../errors';
import { assignCaseSchema, saveEstablishmentSchema, saveEstablishmentYearSchema } from '../schemas/osha';

function audit(tx: Tx, actor: Actor, entity: string, entityId: string, action: AuditAction, before: unknown, after: unknown, now: Date) {
  appendAudit(tx, { chain: actor.productionId, actorId: actor.userId, actorLabel: actor.name, entity, entityId, action, before, after, at: now });
}

/** One of this production's establishments, or a not-found refusal (another production's id looks like none). */
export function establishmentOf(tx: Tx, actor: Actor, establishmentId: string): Establishment {
  const e = tx.select().from(establishments).where(and(eq(establishments.id, establishmentId), eq(establishments.productionId, actor.productionId))).get();
  if (!e) throw new Refusal('Not found.', 'not_found');
  return e;
}

const num = (v: string) => (v === '' ? null : Number(v));

/** Adds an establishment (its id made by the form) or changes one. */
export const saveEstablishmentCore = defineCore({
  schema: saveEstablishmentSchema,
  permission: 'osha.record',
  run: (input, { actor, tx, now }) => {
    const { establishmentId, ...rest } = input;
    const values = { ...rest, peakEmployees: num(rest.peakEmployees) };
    const existing = tx.select().from(establishments).where(eq(establishments.id, establishmentId)).get();
    if (existing && existing.productionId !== actor.productionId) throw new Refusal('Not found.', 'not_found');
    if (!existing) {
      tx.insert(establishments).values({ id: establishmentId, productionId: actor.productionId, ...values, createdAt: now, updatedAt: now }).run();
      audit(tx, actor, 'establishment', establishmentId, 'osha.establishment_create', null, values, now);
      return { establishmentId, created: true };
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) {
      const old = existing[k as keyof Establishment];
      if (old !== v) {
        before[k] = old;
        after[k] = v;
      }
    }
    if (Object.keys(after).length === 0) return { establishmentId, created: false };
    tx.update(establishments).set({ ...after, updatedAt: now }).where(eq(establishments.id, establishmentId)).run();
    audit(tx, actor, 'establishment', establishmentId, 'osha.establishment_update', before, after, now);
    return { establishmentId, created: false };
  },
});

/** The 300A's yearly figures (annual average employees, hours worked) and the certifying executive (29 CFR 1904.32(b)(3)-(4)). */
export const saveEstablishmentYearCore = defineCore({
  schema: saveEstablishmentYearSchema,
  permission: 'osha.record',
  run: (input, { actor, tx, now }) => {
    const e = establishmentOf(tx, actor, input.establishmentId);
    const year = Number(input.year);
    const values = {
      annualAverageEmployees: num(input.annualAverageEmployees),
      totalHoursWorked: num(input.totalHoursWorked),
      certifierName: input.certifierName,
      certifierTitle: input.certifierTitle,
      certifierPhone: input.certifierPhone,
      certifiedOn: input.certifiedOn || null,
    };
    const where = and(eq(establishmentYears.establishmentId, e.id), eq(establishmentYears.year, year));
    const before = tx.select().from(establishmentYears).where(where).get() ?? null;
    if (before) tx.update(establishmentYears).set({ ...values, updatedAt: now }).where(where).run();
    else tx.insert(establishmentYears).values({ establishmentId: e.id, year, ...values, updatedAt: now }).run();
    audit(tx, actor, 'establishment', e.id, 'osha.establishment_year', before && { ...before, updatedAt: undefined }, { year, ...values }, now);
    return { establishmentId: e.id, year };
  },
});

/** Puts a case on an establishment's log (or takes it off), with the job title of Form 300 column C. */
export const assignCaseCore = defineCore({
  schema: assignCaseSchema,
  permission: 'osha.record',
  run: (input, { actor, tx, now }) => {
    const row = tx
      .select({ person: injuredPeople, productionId: incidents.productionId })
      .from(injuredPeople)
      .innerJoin(incidents, eq(incidents.id, injuredPeople.incidentId))
      .where(eq(injuredPeople.id, input.personId))
      .get();
    if (!row || row.productionId !== actor.productionId) throw new Refusal('Not found.', 'not_found');
    const establishmentId = input.establishmentId ? establishmentOf(tx, actor, input.establishmentId).id : null;
    const p = row.person;
    const jobTitle = input.jobTitle || null;
    if (p.establishmentId === establishmentId && p.jobTitle === jobTitle) return { personId: p.id, changed: false };
    tx.update(injuredPeople).set({ establishmentId, jobTitle, updatedAt: now }).where(eq(injuredPeople.id, p.id)).run();
    audit(
      tx, actor, 'incident', p.incidentId, 'osha.case_assign',
      { personId: p.id, ordinal: p.ordinal, establishmentId: p.establishmentId, jobTitle: p.jobTitle },
      { personId: p.id, ordinal: p.ordinal, establishmentId, jobTitle },
      now,
    );
    return { personId: p.id, changed: true };
  },
});
