// Shared by the incident cores: load a record of the actor's production (or answer "not found"),
// and decide who may work it. Runs inside the caller's transaction.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { incidentFirearms, incidents, memberships, type Incident } from '@/db/schema';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { Refusal } from '../errors';
import { LABELS, type Role } from '../enums';
import { canSeeIncident, canTriage, isFirearmRelated } from '../policy';
import type { AuditAction } from '@/app/lib/audit-actions';

export const NOT_FOUND = 'That incident does not exist on this production.';

export type LoadedIncident = { incident: Incident; firearmCount: number; firearmRelated: boolean };

export function firearmCountOf(tx: Tx, incidentId: string): number {
  return tx.select({ n: sql<number>`count(*)` }).from(incidentFirearms).where(eq(incidentFirearms.incidentId, incidentId)).get()?.n ?? 0;
}

/** Another production's incident, or one the actor may not open, is "not found" (ARCHITECTURE.md: other productions answer 404). */
export function loadIncident(tx: Tx, actor: Actor, incidentId: string): LoadedIncident {
  const incident = tx.select().from(incidents).where(and(eq(incidents.id, incidentId), eq(incidents.productionId, actor.productionId))).get();
  if (!incident || !canSeeIncident(actor, incident)) throw new Refusal(NOT_FOUND, 'not_found');
  const firearmCount = firearmCountOf(tx, incident.id);
  return { incident, firearmCount, firearmRelated: isFirearmRelated({ type: incident.type, firearmCount }) };
}

/** Triage, assign, investigate, close, corrective actions: producers all; armorers firearm-related (ARCHITECTURE.md: permission matrix). */
export function requireTriage(actor: Actor, loaded: LoadedIncident): void {
  if (canTriage(actor.role, loaded.firearmRelated)) return;
  throw new Refusal(
    actor.role === 'armorer'
      ? 'Armorers work firearm-related incidents. A producer triages this one.'
      : 'Your role on this production does not allow that.',
    'forbidden',
  );
}

export function roleOf(tx: Tx, productionId: string, userId: string): Role | null {
  return tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.productionId, productionId), eq(memberships.userId, userId))).get()?.role ?? null;
}

export function incidentTitle(i: Pick<Incident, 'number' | 'type'>): string {
  return `Report #${i.number}: ${LABELS.incidentType[i.type]}`;
}

export function auditIncident(tx: Tx, actor: Actor, incidentId: string, action: AuditAction, before: unknown, after: unknown, now: Date) {
  appendAudit(tx, { chain: actor.productionId, actorId: actor.userId, actorLabel: actor.name, entity: 'incident', entityId: incidentId, action, before, after, at: now });
}

export { pastLocalTime } from '../past-time';
