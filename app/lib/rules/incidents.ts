import { FIREARM_INCIDENT_TYPES, LABELS } from '../enums';
import { DAY } from '../time';
import { DEFAULT_RULES, type Effect, type HoldFact, type IncidentFact, type PatternFlagFact, type RuleConfig } from './types';

/** Rule 1 kinds: critical whatever severity was chosen, and a stop-work hold at once. */
export const RULE1_TYPES = ['accidental_discharge', 'live_ammunition_found'] as const;
/** Rule 3 kinds: the firearm incidents that make a pattern. */
export const RULE3_TYPES = ['near_miss', 'misfire_malfunction', 'accidental_discharge'] as const;

export function isRule1(type: IncidentFact['type']): boolean {
  return (RULE1_TYPES as readonly string[]).includes(type);
}

/** Firearm-related: one of the firearm kinds, or any incident with a weapon linked. */
export function isFirearmRelated(i: Pick<IncidentFact, 'type' | 'firearmLinked'>): boolean {
  return FIREARM_INCIDENT_TYPES.includes(i.type) || i.firearmLinked === true;
}

/**
 * Rule 1 applies to a report: an accidental discharge or live ammunition found, or someone hurt
 * on a firearm-related incident (a shooting filed as an injury stops work all the same).
 */
export function rule1Applies(i: Pick<IncidentFact, 'type' | 'firearmLinked' | 'injured'>): boolean {
  return isRule1(i.type) || ((i.injured === true || i.type === 'injury') && isFirearmRelated(i));
}

const when = (i: IncidentFact) => (i.occurredAt ?? i.reportedAt).getTime();

/**
 * Rule 1: an accidental discharge or live ammunition found is critical; the production goes on
 * a stop-work hold at once, or the filing joins the standing hold; every producer is notified.
 * Holds for anonymous reports too (a false hold costs an hour, a live round costs a life).
 */
export function rule1OnFiled(incident: IncidentFact, openHold: HoldFact | null): Effect[] {
  if (!rule1Applies(incident)) return [];
  const label = isRule1(incident.type) ? LABELS.incidentType[incident.type] : 'Firearm injury';
  const effects: Effect[] = [{ kind: 'force_severity', rule: 1, severity: 'critical' }];
  if (openHold) effects.push({ kind: 'join_hold', rule: 1, holdId: openHold.id });
  else effects.push({ kind: 'call_hold', rule: 1, reason: `${label} reported (rule 1)` });
  effects.push({
    kind: 'notify_producers',
    rule: 1,
    title: `Critical: ${label.toLowerCase()}`,
    body: openHold ? 'The report joined the standing stop-work hold.' : 'The production is on a stop-work hold until a producer lifts it in writing.',
  });
  return effects;
}

/**
 * Rule 3: two or more near misses, misfires/malfunctions or accidental discharges whose
 * occurrence times fall within 7 days of each other escalate to the producers, once per window.
 * Duplicates do not count. `others` are the production's other incidents (any kinds).
 */
export function rule3OnFiled(
  incident: IncidentFact,
  others: IncidentFact[],
  flags: PatternFlagFact[],
  config: RuleConfig = DEFAULT_RULES,
): Effect[] {
  const counts = (i: IncidentFact) => (RULE3_TYPES as readonly string[]).includes(i.type) && !i.duplicateOfId;
  if (!counts(incident)) return [];
  const t = when(incident);
  const span = config.patternWindowDays * DAY;
  if (flags.some((f) => f.windowStart.getTime() <= t && t <= f.windowEnd.getTime())) return []; // once per window
  const near = others.filter((o) => o.id !== incident.id && counts(o) && Math.abs(when(o) - t) <= span);
  if (near.length + 1 < config.patternThreshold) return [];
  const cluster = [incident, ...near].sort((a, b) => when(a) - when(b));
  const start = when(cluster[0]);
  return [
    {
      kind: 'flag_pattern',
      rule: 3,
      windowStart: new Date(start),
      windowEnd: new Date(Math.max(start + span, t)),
      incidentIds: cluster.map((i) => i.id),
    },
    {
      kind: 'notify_producers',
      rule: 3,
      title: `Pattern: ${cluster.length} firearm incidents within ${config.patternWindowDays} days`,
      body: 'Near misses, misfires and discharges are repeating. Review work practices before the next firearm scene.',
    },
  ];
}

/** Every rule that runs when an incident is filed, in order. */
export function onIncidentFiled(
  incident: IncidentFact,
  ctx: { openHold: HoldFact | null; others: IncidentFact[]; flags: PatternFlagFact[] },
  config: RuleConfig = DEFAULT_RULES,
): Effect[] {
  return [...rule1OnFiled(incident, ctx.openHold), ...rule3OnFiled(incident, ctx.others, ctx.flags, config)];
}
