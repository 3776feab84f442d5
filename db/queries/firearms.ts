import 'server-only';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import {
  ammoLots,
  auditLog,
  checkWitnesses,
  firearmChecks,
  firearms,
  handoffs,
  incidentFirearms,
  incidents,
  refusedHandoffs,
  users,
  type Firearm,
} from '@/db/schema';
import type { Actor } from '@/app/lib/actor';
import { can } from '@/app/lib/policy';
import { LABELS, type FirearmStatus } from '@/app/lib/enums';
import { HANDOFF_REASONS, type HandoffReason } from '@/app/lib/rules';

export type FirearmRow = Firearm & {
  holder: { name: string; scene: string; handedAt: Date } | null;
  lastCheck: { result: 'pass' | 'fail'; phase: 'before_use' | 'after_use'; scene: string; performedAt: Date } | null;
};

/** The inventory (armorer, producer, auditor). Crew see no inventory. */
export function listFirearms(actor: Actor): FirearmRow[] {
  if (!can(actor.role, 'firearm.view')) return [];
  const db = getDb();
  const rows = db.select().from(firearms).where(eq(firearms.productionId, actor.productionId)).orderBy(asc(firearms.tag)).all();
  const open = db
    .select({ firearmId: handoffs.firearmId, name: users.name, scene: handoffs.scene, handedAt: handoffs.handedAt })
    .from(handoffs)
    .innerJoin(users, eq(users.id, handoffs.toId))
    .where(and(eq(handoffs.productionId, actor.productionId), isNull(handoffs.returnedAt)))
    .all();
  return rows.map((f) => {
    const h = open.find((o) => o.firearmId === f.id);
    // One index seek per weapon (firearm_checks_firearm_at), not the production's every check:
    // a long production has a million (ARCHITECTURE.md: performance budget, growth).
    const c =
      db
        .select({ result: firearmChecks.result, phase: firearmChecks.phase, scene: firearmChecks.scene, performedAt: firearmChecks.performedAt })
        .from(firearmChecks)
        .where(eq(firearmChecks.firearmId, f.id))
        .orderBy(desc(firearmChecks.performedAt))
        .limit(1)
        .get() ?? null;
    return { ...f, holder: h ? { name: h.name, scene: h.scene, handedAt: h.handedAt } : null, lastCheck: c };
  });
}

/**
 * Weapons to pick from: the armorer's forms, and any member who reports a weapon that changed
 * hands outside the armorer (tag, make and model only: no status, serial or custody).
 */
export function listWeaponChoices(actor: Actor): { id: string; tag: string; make: string; model: string; status: FirearmStatus | null }[] {
  const full = can(actor.role, 'firearm.view');
  if (!full && !can(actor.role, 'incident.file')) return [];
  return getDb()
    .select({ id: firearms.id, tag: firearms.tag, make: firearms.make, model: firearms.model, status: firearms.status })
    .from(firearms)
    .where(eq(firearms.productionId, actor.productionId))
    .orderBy(asc(firearms.tag))
    .all()
    .map((f) => ({ ...f, status: full ? f.status : null }));
}

export function getFirearm(actor: Actor, firearmId: string): Firearm | null {
  if (!can(actor.role, 'firearm.view')) return null;
  return getDb().select().from(firearms).where(and(eq(firearms.id, firearmId), eq(firearms.productionId, actor.productionId))).get() ?? null;
}

export type HistoryEntry = {
  key: string;
  at: Date;
  kind: 'check' | 'handoff' | 'return' | 'refused' | 'incident' | 'status' | 'created' | 'edited';
  title: string;
  detail?: string;
  tone: 'ok' | 'warn' | 'danger' | 'info' | 'neutral';
  href?: string;
  linkLabel?: string;
};

const FIELD_LABELS: Record<string, string> = { tag: 'tag', make: 'make', model: 'model', serial: 'serial', kind: 'kind', notes: 'notes' };

/** One weapon's history, newest first: checks, hand-offs and returns, refusals, incidents, status changes. */
export function firearmHistory(actor: Actor, firearmId: string): HistoryEntry[] {
  const f = getFirearm(actor, firearmId);
  if (!f) return [];
  const db = getDb();
  const pid = actor.productionId;
  const base = `/productions/${pid}`;
  const out: HistoryEntry[] = [];

  const checks = db
    .select({ c: firearmChecks, by: users.name })
    .from(firearmChecks)
    .innerJoin(users, eq(users.id, firearmChecks.performedById))
    .where(eq(firearmChecks.firearmId, f.id))
    .all();
  const witnesses = checks.length
    ? db
        .select({ checkId: checkWitnesses.checkId, name: users.name, confirmedAt: checkWitnesses.confirmedAt, declinedAt: checkWitnesses.declinedAt })
        .from(checkWitnesses)
        .innerJoin(users, eq(users.id, checkWitnesses.userId))
        .where(inArray(checkWitnesses.checkId, checks.map((x) => x.c.id)))
        .all()
    : [];
  for (const { c, by } of checks) {
    const w = witnesses.filter((x) => x.checkId === c.id);
    const wText = w.length ? ` Witnesses: ${w.map((x) => `${x.name} (${x.declinedAt ? 'declined: did not see it' : x.confirmedAt ? 'confirmed' : 'not yet confirmed'})`).join(', ')}.` : '';
    out.push({
      key: `check-${c.id}`,
      at: c.performedAt,
      kind: 'check',
      title: `${LABELS.checkPhase[c.phase]} check for ${c.scene}: ${LABELS.checkResult[c.result]}`,
      detail: `By ${by}.${c.findings ? ` Findings: ${c.findings}.` : ''}${wText}`,
      tone: c.result === 'pass' ? 'ok' : 'danger',
      href: `${base}/checks/${c.id}`,
      linkLabel: 'Open check',
    });
  }

  const to = alias(users, 'to_user');
  const from = alias(users, 'from_user');
  const hs = db
    .select({ h: handoffs, toName: to.name, fromName: from.name, lot: ammoLots })
    .from(handoffs)
    .innerJoin(to, eq(to.id, handoffs.toId))
    .innerJoin(from, eq(from.id, handoffs.fromId))
    .leftJoin(ammoLots, eq(ammoLots.id, handoffs.ammoLotId))
    .where(eq(handoffs.firearmId, f.id))
    .all();
  const discrepancyIds = new Set(hs.map((x) => x.h.discrepancyIncidentId).filter(Boolean));
  for (const { h, toName, fromName, lot } of hs) {
    out.push({
      key: `out-${h.id}`,
      at: h.handedAt,
      kind: 'handoff',
      title: `Handed to ${toName} for ${h.scene}`,
      detail: `By ${fromName}. ${h.roundsOut} ${lot ? `${lot.kind} ` : ''}rounds counted out${lot ? ` (lot ${lot.lotNumber})` : ''}.`,
      tone: 'info',
    });
    if (h.returnedAt) {
      const diff = h.roundsOut - (h.roundsFired ?? 0) - (h.roundsBack ?? 0);
      out.push({
        key: `back-${h.id}`,
        at: h.returnedAt,
        kind: 'return',
        title: `Returned by ${toName}: ${h.roundsFired ? `${h.roundsFired} fired, ` : ''}${h.roundsBack} of ${h.roundsOut} rounds back`,
        detail: diff !== 0 ? 'The counts differ: an incident was filed.' : 'Counts match.',
        tone: diff !== 0 ? 'danger' : 'ok',
        href: h.discrepancyIncidentId ? `${base}/incidents/${h.discrepancyIncidentId}` : h.returnCheckId ? `${base}/checks/${h.returnCheckId}` : undefined,
        linkLabel: h.discrepancyIncidentId ? 'Open the incident' : 'Open the after-use check',
      });
    }
  }

  const refused = db
    .select({ r: refusedHandoffs, by: users.name, number: incidents.number })
    .from(refusedHandoffs)
    .innerJoin(users, eq(users.id, refusedHandoffs.attemptedById))
    .leftJoin(incidents, eq(incidents.id, refusedHandoffs.incidentId))
    .where(eq(refusedHandoffs.firearmId, f.id))
    .all();
  const refusalIncidents = new Set(refused.map((x) => x.r.incidentId).filter(Boolean));
  for (const { r, by, number } of refused) {
    out.push({
      key: `refused-${r.id}`,
      at: r.at,
      kind: 'refused',
      title: `Hand-off refused (${r.scene})${number ? `: custody-breach report #${number}` : ''}`,
      detail: `Attempted by ${by}. ${r.reasons.map((x) => HANDOFF_REASONS[x as HandoffReason] ?? x).join(' ')}`,
      tone: 'danger',
      href: r.incidentId ? `${base}/incidents/${r.incidentId}` : undefined,
      linkLabel: 'Open the report',
    });
  }

  const linked = db
    .select({ i: incidents })
    .from(incidentFirearms)
    .innerJoin(incidents, eq(incidents.id, incidentFirearms.incidentId))
    .where(and(eq(incidentFirearms.firearmId, f.id), eq(incidents.productionId, pid)))
    .all();
  for (const { i } of linked) {
    if (refusalIncidents.has(i.id)) continue; // shown as the refused attempt it records
    out.push({
      key: `incident-${i.id}`,
      at: i.occurredAt ?? i.reportedAt,
      kind: 'incident',
      title: `Report #${i.number}: ${LABELS.incidentType[i.type]}${discrepancyIds.has(i.id) ? ' (round count)' : ''}`,
      detail: `${LABELS.severity[i.severity]} · ${LABELS.status[i.status]}. ${i.description.length > 160 ? `${i.description.slice(0, 160)}…` : i.description}`,
      tone: i.severity === 'critical' || i.severity === 'high' ? 'danger' : 'warn',
      href: `${base}/incidents/${i.id}`,
      linkLabel: 'Open the report',
    });
  }

  const entries = db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.chain, pid), eq(auditLog.entity, 'firearm'), eq(auditLog.entityId, f.id)))
    .orderBy(asc(auditLog.seq))
    .all();
  for (const e of entries) {
    const before = e.before ? (JSON.parse(e.before) as Record<string, unknown>) : {};
    const after = e.after ? (JSON.parse(e.after) as Record<string, unknown>) : {};
    if (e.action === 'firearm.create') {
      out.push({ key: `a-${e.id}`, at: e.at, kind: 'created', title: 'Added to the inventory', detail: `By ${e.actorLabel}, ${LABELS.firearmStatus[after.status as FirearmStatus] ?? ''}.`, tone: 'neutral' });
    } else if (e.action === 'firearm.update') {
      const changed = Object.keys(FIELD_LABELS).filter((k) => before[k] !== after[k]);
      out.push({
        key: `a-${e.id}`,
        at: e.at,
        kind: 'edited',
        title: 'Details edited',
        detail: `By ${e.actorLabel}: ${changed.length ? changed.map((k) => FIELD_LABELS[k]).join(', ') : 'no field'} changed.`,
        tone: 'neutral',
      });
    } else if (e.action === 'firearm.status') {
      const b = LABELS.firearmStatus[before.status as FirearmStatus] ?? String(before.status);
      const a = LABELS.firearmStatus[after.status as FirearmStatus] ?? String(after.status);
      out.push({
        key: `a-${e.id}`,
        at: e.at,
        kind: 'status',
        title: `Status: ${b} → ${a}`,
        detail: `${after.reason ? String(after.reason) : ''} (${e.actorLabel})`,
        tone: after.status === 'out_of_service' ? 'danger' : after.status === 'checked_out' ? 'info' : 'ok',
      });
    }
  }
  // Newest first; at the same instant the status change follows the event that caused it.
  const order: Record<HistoryEntry['kind'], number> = { status: 0, return: 1, handoff: 1, check: 2, refused: 2, incident: 3, edited: 4, created: 5 };
  return out.sort((a, b) => b.at.getTime() - a.at.getTime() || order[a.kind] - order[b.kind]);
}
