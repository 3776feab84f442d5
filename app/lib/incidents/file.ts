// Filing an incident: the one path used by the form, the JSON route, anonymous reports and the
// custody rules (a refused hand-off files a custody breach). Runs inside the caller's transaction.
import { and, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Tx } from '@/db/client';
import { dropBox, firearms, holdIncidents, holds, incidentFirearms, incidents, ruleFlags, type Incident } from '@/db/schema';
import { appendAudit } from '../audit';
import { LABELS, type IncidentType, type Role, type Severity } from '../enums';
import { notifyRoles } from '../notify';
import { DEFAULT_RULES, onIncidentFiled, rule1Applies, RULE3_TYPES, type Effect, type HoldFact, type IncidentFact, type RuleConfig } from '../rules';
import { DAY, dayOnly } from '../time';
import { Refusal } from '../errors';
import { signalsForIncident } from '../rules/acknowledgement';
import { raiseSignal } from '../signals/raise';
import type { InjuryInput } from '../schemas/incidents';
import { recordInjuredPersonTx } from './injured';

export type FilingContext = {
  productionId: string;
  timeZone: string;
  /** Null for an anonymous report: nothing that identifies the reporter is stored. */
  reporter: { userId: string; label: string; role?: Role } | null;
  now: Date;
  /** Anonymous reports: hash of the receipt code. */
  receiptHash?: string | null;
  config?: RuleConfig;
};

export type FilingInput = {
  id: string;
  type: IncidentType;
  description: string;
  location: string;
  scene?: string;
  severity?: Severity;
  occurredAt?: Date | null;
  immediateActions?: string;
  peopleInvolved?: string;
  firearmIds?: string[];
  /** One injured person (older clients and the JSON route): injured person 1. */
  injury?: InjuryInput;
  /** Everyone hurt in this one event, each an OSHA case (ARCHITECTURE.md: OSHA recordkeeping). */
  injuredPeople?: InjuryInput[];
};

export const ANONYMOUS_LABEL = 'Anonymous reporter';
const SYSTEM = (rule: number) => ({ actorId: null, actorLabel: `SetSafe (rule ${rule})` });

export function incidentLink(productionId: string, incidentId: string) {
  return `/productions/${productionId}/incidents/${incidentId}`;
}

function toFact(i: Pick<Incident, 'id' | 'type' | 'occurredAt' | 'reportedAt' | 'duplicateOfId'>): IncidentFact {
  return { id: i.id, type: i.type, occurredAt: i.occurredAt, reportedAt: i.reportedAt, duplicateOfId: i.duplicateOfId };
}

export function openHoldOf(tx: Tx, productionId: string) {
  return tx.select().from(holds).where(and(eq(holds.productionId, productionId), isNull(holds.liftedAt))).orderBy(desc(holds.calledAt)).limit(1).get();
}

export function toHoldFact(h: NonNullable<ReturnType<typeof openHoldOf>>): HoldFact {
  return { id: h.id, source: h.source, calledById: h.calledById, calledAt: h.calledAt, concurredById: h.concurredById, liftedAt: h.liftedAt };
}

/**
 * Files one incident and applies rules 1 and 3. A repeat of the same client-made id by the same
 * reporter on the same production returns the stored report (created: false): never filed twice.
 */
export function fileIncidentTx(tx: Tx, ctx: FilingContext, input: FilingInput): { incident: Incident; created: boolean; effects: Effect[] } {
  const existing = tx.select().from(incidents).where(eq(incidents.id, input.id)).get();
  if (existing) {
    const sameReporter = ctx.reporter ? existing.reporterId === ctx.reporter.userId : existing.anonymous;
    if (existing.productionId === ctx.productionId && sameReporter) return { incident: existing, created: false, effects: [] };
    throw new Refusal('This report id is already in use. Reload the form and file again.', 'conflict');
  }
  // A sealed anonymous report owns its id too (ARCHITECTURE.md: anonymity by order): a named
  // filing may not take it, or the report could never be published.
  if (ctx.reporter && tx.select({ id: dropBox.id }).from(dropBox).where(eq(dropBox.incidentId, input.id)).get()) {
    throw new Refusal('This report id is already in use. Reload the form and file again.', 'conflict');
  }

  const firearmIds = [...new Set(input.firearmIds ?? [])];
  if (firearmIds.length) {
    const found = tx.select({ id: firearms.id }).from(firearms).where(and(eq(firearms.productionId, ctx.productionId), inArray(firearms.id, firearmIds))).all();
    if (found.length !== firearmIds.length) throw new Refusal('A linked weapon is not in this production’s inventory.', 'invalid', { firearmIds: ['Choose weapons from this production.'] });
  }

  const anonymous = ctx.reporter === null;
  const reportedAt = anonymous ? dayOnly(ctx.now, ctx.timeZone) : ctx.now;
  const number = (tx.select({ n: sql<number>`coalesce(max(${incidents.number}), 0)` }).from(incidents).where(eq(incidents.productionId, ctx.productionId)).get()?.n ?? 0) + 1;
  const row: Incident = {
    id: input.id,
    productionId: ctx.productionId,
    number,
    reporterId: ctx.reporter?.userId ?? null,
    anonymous,
    receiptHash: anonymous ? (ctx.receiptHash ?? null) : null,
    type: input.type,
    severity: input.severity ?? 'unrated',
    status: 'reported',
    occurredAt: input.occurredAt ?? null,
    reportedAt,
    location: input.location,
    scene: input.scene ?? '',
    description: input.description,
    immediateActions: input.immediateActions ?? '',
    peopleInvolved: input.peopleInvolved ?? '',
    ownerId: null,
    duplicateOfId: null,
    resolution: null,
    closedAt: null,
    updatedAt: reportedAt,
  };
  tx.insert(incidents).values(row).run();
  for (const firearmId of firearmIds) tx.insert(incidentFirearms).values({ incidentId: row.id, firearmId }).run();
  const hurt = [...(input.injury ? [input.injury] : []), ...(input.injuredPeople ?? [])];
  const people = hurt.map((injury) => recordInjuredPersonTx(tx, { incidentId: row.id, injury }, reportedAt).person);

  const who = ctx.reporter ? { actorId: ctx.reporter.userId, actorLabel: ctx.reporter.label } : { actorId: null, actorLabel: ANONYMOUS_LABEL };
  const anonymousIn = anonymous ? { timeZone: ctx.timeZone } : undefined;
  const { receiptHash: _r, ...auditable } = row;
  appendAudit(tx, {
    chain: ctx.productionId, ...who, entity: 'incident', entityId: row.id, action: 'incident.file',
    after: { ...auditable, firearmIds, injuredPeople: people.length ? people : undefined },
    at: ctx.now, anonymousIn,
  });

  const effects = runFilingRules(tx, ctx, row, { firearmLinked: firearmIds.length > 0, injured: people.length > 0 });
  const signalIds = raiseFilingSignals(tx, ctx, row, people, effects);
  applyEffects(tx, ctx, row, effects, signalIds);
  // The stored row is `row` but for a severity rule 1 forced: no need to read it back.
  const forced = effects.find((e): e is Extract<Effect, { kind: 'force_severity' }> => e.kind === 'force_severity');
  const incident: Incident = forced ? { ...row, severity: forced.severity } : row;

  // The producers (and, for firearm matters, the armorer) learn of every new report.
  if (!effects.some((e) => e.kind === 'notify_producers')) {
    const critical = signalIds.incident ? { kind: 'critical_incident' as const, title: `Critical: report #${number}: ${LABELS.incidentType[row.type]}` } : { kind: 'status_changed' as const, title: `New report #${number}: ${LABELS.incidentType[row.type]}` };
    notifyRoles(tx, ctx.productionId, ['producer'], { ...critical, body: row.location, link: incidentLink(ctx.productionId, row.id), signalId: signalIds.incident }, reportedAt, ctx.reporter?.userId);
  }
  return { incident, created: true, effects };
}

function runFilingRules(tx: Tx, ctx: FilingContext, row: Incident, extra: Pick<IncidentFact, 'firearmLinked' | 'injured'>): Effect[] {
  const config = ctx.config ?? DEFAULT_RULES;
  const fact: IncidentFact = { ...toFact(row), ...extra };
  const t = (row.occurredAt ?? row.reportedAt).getTime();
  // Each rule reads only what it can act on (ARCHITECTURE.md: performance budget): most filings are neither rule-1 nor rule-3
  // kinds, and loading every firearm incident of a fortnight for them cost more than the insert.
  const open = rule1Applies(fact) ? openHoldOf(tx, ctx.productionId) : undefined;
  const counted = (RULE3_TYPES as readonly string[]).includes(row.type);
  const flags = counted
    ? tx
        .select({ windowStart: ruleFlags.windowStart, windowEnd: ruleFlags.windowEnd })
        .from(ruleFlags)
        .where(and(eq(ruleFlags.productionId, ctx.productionId), eq(ruleFlags.rule, 'rule3'), lte(ruleFlags.windowStart, new Date(t)), gte(ruleFlags.windowEnd, new Date(t))))
        .all()
    : [];
  // A window that already has its flag is escalated once only (rule 3): no need to look further.
  const span = config.patternWindowDays * DAY;
  const when = sql`coalesce(${incidents.occurredAt}, ${incidents.reportedAt})`;
  const others =
    counted && flags.length === 0
      ? tx
          .select({ id: incidents.id, type: incidents.type, occurredAt: incidents.occurredAt, reportedAt: incidents.reportedAt, duplicateOfId: incidents.duplicateOfId })
          .from(incidents)
          .where(and(eq(incidents.productionId, ctx.productionId), inArray(incidents.type, [...RULE3_TYPES]), gte(when, t - span), lte(when, t + span)))
          .all()
          .filter((o) => o.id !== row.id)
          .map(toFact)
      : [];
  return onIncidentFiled(fact, { openHold: open ? toHoldFact(open) : null, others, flags }, config);
}

type FilingSignals = { incident?: string; pattern?: string; patternFlagId?: string };

/**
 * Rule 7: the critical signals of a new report, raised in its transaction before its messages go
 * out, so every message about them carries the signal. A rule-1 report's hold is covered by the
 * report's own signal; the rule-3 pattern gets one of its own, on the flag the filing raises.
 */
function raiseFilingSignals(tx: Tx, ctx: FilingContext, row: Incident, people: { died: boolean; hospitalizedInpatient: boolean | null; amputation: boolean; lossOfEye: boolean }[], effects: Effect[]): FilingSignals {
  const out: FilingSignals = {};
  const subject = `report #${row.number} — ${row.location}`;
  const link = incidentLink(ctx.productionId, row.id);
  const by = ctx.reporter ? { userId: ctx.reporter.userId, label: ctx.reporter.label, role: ctx.reporter.role ?? 'crew' as Role } : null;
  const base = { productionId: ctx.productionId, timeZone: ctx.timeZone, incidentId: row.id, subject, link, by, anonymous: ctx.reporter === null, now: ctx.now };
  // One signal per report: any person with a legal clock makes it an injury-clock report (rule 7).
  const clocked = people.find((p) => p.died || p.hospitalizedInpatient || p.amputation || p.lossOfEye) ?? people[0];
  const kinds = signalsForIncident({
    type: row.type,
    injury: clocked ? { died: clocked.died, hospitalizedInpatient: clocked.hospitalizedInpatient, amputation: clocked.amputation, lossOfEye: clocked.lossOfEye } : null,
  });
  // A rule-1 hold raised by a firearm injury (not a rule-1 kind) is a hold called (rule 7).
  if (kinds.length === 0 && effects.some((e) => e.kind === 'call_hold')) kinds.push('hold_called');
  for (const kind of kinds) {
    const { signal } = raiseSignal(tx, { ...base, kind, subjectId: row.id });
    out.incident ??= signal.id;
  }
  if (effects.some((e) => e.kind === 'flag_pattern')) {
    out.patternFlagId = randomUUID();
    out.pattern = raiseSignal(tx, { ...base, kind: 'pattern', subjectId: out.patternFlagId, byLabel: 'SetSafe (rule 3)' }).signal.id;
  }
  return out;
}

/** Applies the rules' effects inside the same transaction, each with its own audit entry. */
export function applyEffects(tx: Tx, ctx: FilingContext, row: Incident, effects: Effect[], signalIds: FilingSignals = {}): void {
  const link = incidentLink(ctx.productionId, row.id);
  const anonymousIn = ctx.reporter === null ? { timeZone: ctx.timeZone } : undefined;
  // Anonymous filings keep the day only, in notifications and flags too.
  const at = anonymousIn ? dayOnly(ctx.now, ctx.timeZone) : ctx.now;
  for (const e of effects) {
    switch (e.kind) {
      case 'force_severity': {
        if (row.severity === e.severity) break;
        tx.update(incidents).set({ severity: e.severity }).where(eq(incidents.id, row.id)).run();
        appendAudit(tx, { chain: ctx.productionId, ...SYSTEM(1), entity: 'incident', entityId: row.id, action: 'incident.severity', before: { severity: row.severity }, after: { severity: e.severity }, at: ctx.now, anonymousIn });
        break;
      }
      case 'call_hold': {
        const hold = {
          id: randomUUID(), productionId: ctx.productionId, source: 'rule1' as const,
          calledById: ctx.reporter?.userId ?? null,
          calledAt: anonymousIn ? dayOnly(ctx.now, ctx.timeZone) : ctx.now,
          reason: `${e.reason}: report #${row.number} — ${row.location}`,
          incidentId: row.id,
        };
        tx.insert(holds).values(hold).run();
        tx.insert(holdIncidents).values({ holdId: hold.id, incidentId: row.id }).run();
        appendAudit(tx, { chain: ctx.productionId, ...SYSTEM(1), entity: 'hold', entityId: hold.id, action: 'hold.call', after: hold, at: ctx.now, anonymousIn });
        notifyRoles(tx, ctx.productionId, ['producer', 'armorer', 'crew'], { kind: 'hold_called', title: 'Stop-work hold: no weapon is handed out', body: hold.reason, link: `/productions/${ctx.productionId}/hold`, signalId: signalIds.incident }, at, ctx.reporter?.userId);
        break;
      }
      case 'join_hold': {
        tx.insert(holdIncidents).values({ holdId: e.holdId, incidentId: row.id }).onConflictDoNothing().run();
        appendAudit(tx, { chain: ctx.productionId, ...SYSTEM(1), entity: 'hold', entityId: e.holdId, action: 'hold.join', after: { incidentId: row.id }, at: ctx.now, anonymousIn });
        break;
      }
      case 'notify_producers': {
        notifyRoles(tx, ctx.productionId, ['producer'], { kind: e.rule === 3 ? 'escalation' : 'critical_incident', title: `${e.title} (report #${row.number})`, body: e.body, link, signalId: e.rule === 3 ? signalIds.pattern : signalIds.incident }, at);
        break;
      }
      case 'flag_pattern': {
        const flag = { id: signalIds.patternFlagId ?? randomUUID(), productionId: ctx.productionId, rule: 'rule3', windowStart: e.windowStart, windowEnd: e.windowEnd, incidentIds: e.incidentIds, createdAt: at };
        tx.insert(ruleFlags).values(flag).run();
        appendAudit(tx, { chain: ctx.productionId, ...SYSTEM(3), entity: 'rule_flag', entityId: flag.id, action: 'rule3.flag', after: flag, at: ctx.now, anonymousIn });
        break;
      }
    }
  }
}
