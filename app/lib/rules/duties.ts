// Rule 9: the custodians of the weapons — the armorer, the property master, the assistant property
// master — have no other duties while weapons are out, and only they collect a weapon after use.
// Cal. Labor Code §9153(a)(1)–(3). Pure: plain facts in, reasons out (ARCHITECTURE.md: safety
// rules, rule 9).
// Like rule 8, it imports nothing: positions and roles are plain strings here, and enums.ts's
// CUSTODIAN_POSITIONS is checked against this list by the unit test.

/** The positions that hold weapons in custody besides the armorer (§9153(a)(1)). */
export const CUSTODIAN_POSITION_KEYS: readonly string[] = ['property_master', 'assistant_property_master'];

/** One line of a scene plan's duty list: who works which non-custodial position on that setup. */
export type DutyFact = { userId: string; duty: string };

export type OtherDutyFacts = {
  /** Who hands the weapon out (the armorer, rule 2). */
  giverId: string;
  /** The recipient when they receive it as a custodian (property master or assistant), else null. */
  custodianRecipientId: string | null;
  /**
   * The duties the newest scene plan for this setup records, approved or not: what is recorded is
   * what the crew was told. Empty when the setup has no plan.
   */
  duties: DutyFact[];
};

export const DUTY_REASONS = {
  armorer_other_duty:
    'The scene plan for this setup records the armorer on another duty. While weapons are out the armorer has no other duties (rule 9, Cal. Labor Code §9153(a)(3)): give that duty to someone else in a new plan first.',
  custodian_other_duty:
    'The scene plan for this setup records the receiving property master or assistant property master on another duty. A custodian of the weapons has no other duties while they are out (rule 9, Cal. Labor Code §9153(a)(3)).',
} as const;
export type DutyReason = keyof typeof DUTY_REASONS;

/** Rule 9 for one hand-out: the reasons it must be refused (empty = rule 9 allows it). No decision clears these. */
export function otherDutyReasons(f: OtherDutyFacts): DutyReason[] {
  const reasons: DutyReason[] = [];
  if (f.duties.some((d) => d.userId === f.giverId)) reasons.push('armorer_other_duty');
  if (f.custodianRecipientId && f.custodianRecipientId !== f.giverId && f.duties.some((d) => d.userId === f.custodianRecipientId)) reasons.push('custodian_other_duty');
  return reasons;
}

/** A member who holds the property master or assistant property master position (§9153(a)(1)). */
export function isCustodian(positions: readonly string[]): boolean {
  return positions.some((p) => CUSTODIAN_POSITION_KEYS.includes(p));
}

/**
 * §9153(a)(2): only the property master, the armorer or the assistant property master collects a
 * weapon after use. Anyone else named as the collector is refused.
 */
export function canCollect(member: { role: string; positions: readonly string[] } | null): boolean {
  return !!member && (member.role === 'armorer' || isCustodian(member.positions));
}

/** The positions an armorer holds besides armorer: each one is another duty that may compete (rule 9's warning). */
export function armorerOtherPositions<P extends string>(member: { role: string; positions: readonly P[] }): P[] {
  return member.role === 'armorer' ? [...member.positions] : [];
}

export type DutyDecisionFact = { positions: string[]; revoked: boolean };

/**
 * The dashboard flag on an armorer who holds other positions: a producer's decision covers it only
 * for the positions it named and only while it stands. A position added later reopens the flag.
 * The decision is about the workload; it never changes what otherDutyReasons refuses.
 */
export function doublingState(otherPositions: readonly string[], decisions: readonly DutyDecisionFact[]): 'none' | 'flagged' | 'decided' {
  if (otherPositions.length === 0) return 'none';
  const standing = decisions.filter((d) => !d.revoked);
  return standing.some((d) => otherPositions.every((p) => d.positions.includes(p))) ? 'decided' : 'flagged';
}
