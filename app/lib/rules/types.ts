// Plain facts in, effects out. Nothing here reads a database, a clock or Next: the same
// functions guard live productions and replay the Rust timeline.
import type { IncidentType, Role } from '../enums';

export type RuleConfig = {
  /** Rule 3: incidents whose occurrence times fall within this many days of each other. */
  patternWindowDays: number;
  /** Rule 3: how many counted incidents make a pattern. */
  patternThreshold: number;
};

export const DEFAULT_RULES: RuleConfig = { patternWindowDays: 7, patternThreshold: 2 };

export type IncidentFact = {
  id: string;
  type: IncidentType;
  /** When it happened; reportedAt stands in when unknown. */
  occurredAt: Date | null;
  reportedAt: Date;
  duplicateOfId: string | null;
  /** A weapon is linked to it (which makes any incident firearm-related). */
  firearmLinked?: boolean;
  /** Someone was hurt: an injury report, or at least one injured person recorded. */
  injured?: boolean;
};

export type HoldFact = {
  id: string;
  source: 'manual' | 'rule1';
  calledById: string | null;
  calledAt: Date;
  concurredById: string | null;
  liftedAt: Date | null;
  /** An accidental discharge or live-ammunition report has joined this hold (rule 5). */
  rule1Joined?: boolean;
};

export type PatternFlagFact = { windowStart: Date; windowEnd: Date };

export type Effect =
  | { kind: 'force_severity'; rule: 1; severity: 'critical' }
  | { kind: 'call_hold'; rule: 1; reason: string }
  | { kind: 'join_hold'; rule: 1; holdId: string }
  | { kind: 'notify_producers'; rule: 1 | 3; title: string; body: string }
  | { kind: 'flag_pattern'; rule: 3; windowStart: Date; windowEnd: Date; incidentIds: string[] };

export type ActorFact = { userId: string; role: Role };
