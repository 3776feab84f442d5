import type { CheckPhase, CheckResult, FirearmStatus, Position, Role } from '../enums';
import { WITNESS_POSITIONS } from '../enums';

export type CheckFact = {
  id: string;
  phase: CheckPhase;
  scene: string;
  result: CheckResult;
  performedAt: Date;
  witnesses: { userId: string; confirmedAt: Date | null }[];
};

export type HandoffFacts = {
  giver: { userId: string; role: Role };
  /** Null when the recipient is not a member of the production. */
  recipient: { userId: string; positions: Position[] } | null;
  firearm: { id: string; status: FirearmStatus };
  scene: string;
  /** This weapon's checks (any order). */
  checks: CheckFact[];
  /** When the weapon last came back to the armorer, if ever. */
  lastReturnAt: Date | null;
  holdStanding: boolean;
  /** Safety meetings recorded today (the production's calendar day). */
  meetingsToday: { firearmsOnSet: boolean }[];
};

export const HANDOFF_REASONS = {
  giver_not_armorer: 'Only the armorer hands out a weapon (rule 2).',
  recipient_not_member: 'The recipient must be a member of this production.',
  weapon_out_of_service: 'This weapon is out of service until a passing check.',
  weapon_checked_out: 'This weapon is already checked out; it must come back first.',
  no_check: 'There is no before-use check of this weapon for this setup since its last return (rule 2).',
  check_failed: 'The latest check of this weapon for this setup failed (rule 2).',
  check_other_setup: 'The check on record is for another setup; check the weapon for this one (rule 2).',
  check_before_last_return: 'The check was made before the weapon\u2019s last return; check it again (rule 2).',
  no_witness: 'The check names no witness (actor, stunt performer or 1st AD) (rule 2).',
  witness_unconfirmed: 'Not every named witness has confirmed the check yet (rule 2).',
  hold_standing: 'A stop-work hold is standing: no weapon is handed out (rule 5).',
  no_safety_meeting: 'No safety meeting covering firearms is recorded today (rule 6).',
} as const;
export type HandoffReason = keyof typeof HANDOFF_REASONS;

/** The valid check for a hand-off, if one exists: rule 2's whole condition. */
export function findValidCheck(f: Pick<HandoffFacts, 'checks' | 'scene' | 'lastReturnAt'>): CheckFact | null {
  const after = (c: CheckFact) => !f.lastReturnAt || c.performedAt.getTime() > f.lastReturnAt.getTime();
  const candidates = f.checks
    .filter((c) => c.phase === 'before_use' && c.scene.trim().toLowerCase() === f.scene.trim().toLowerCase() && after(c))
    .sort((a, b) => b.performedAt.getTime() - a.performedAt.getTime());
  const latest = candidates[0];
  if (!latest || latest.result !== 'pass') return null;
  if (latest.witnesses.length === 0 || latest.witnesses.some((w) => !w.confirmedAt)) return null;
  return latest;
}

/**
 * Rules 2, 5 and 6 for one hand-off attempt. Returns every reason it must be refused (empty =
 * allowed), so the custody-breach incident records the whole picture.
 */
export function evaluateHandoff(f: HandoffFacts): { allowed: boolean; reasons: HandoffReason[]; check: CheckFact | null } {
  const reasons: HandoffReason[] = [];
  if (f.giver.role !== 'armorer') reasons.push('giver_not_armorer');
  if (!f.recipient) reasons.push('recipient_not_member');
  if (f.firearm.status === 'out_of_service') reasons.push('weapon_out_of_service');
  if (f.firearm.status === 'checked_out') reasons.push('weapon_checked_out');

  const sameSetup = f.checks.filter((c) => c.phase === 'before_use' && c.scene.trim().toLowerCase() === f.scene.trim().toLowerCase());
  const afterReturn = sameSetup.filter((c) => !f.lastReturnAt || c.performedAt.getTime() > f.lastReturnAt.getTime());
  const latest = [...afterReturn].sort((a, b) => b.performedAt.getTime() - a.performedAt.getTime())[0];
  if (!latest) {
    const anyBefore = f.checks.filter((c) => c.phase === 'before_use');
    if (sameSetup.length > 0) reasons.push('check_before_last_return');
    else if (anyBefore.length > 0) reasons.push('check_other_setup');
    else reasons.push('no_check');
  } else if (latest.result !== 'pass') {
    reasons.push('check_failed');
  } else if (latest.witnesses.length === 0) {
    reasons.push('no_witness');
  } else if (latest.witnesses.some((w) => !w.confirmedAt)) {
    reasons.push('witness_unconfirmed');
  }
  if (f.holdStanding) reasons.push('hold_standing');
  if (!f.meetingsToday.some((m) => m.firearmsOnSet)) reasons.push('no_safety_meeting');
  return { allowed: reasons.length === 0, reasons, check: reasons.length === 0 ? (latest ?? null) : null };
}

/** Only members with these positions may be named as witnesses. */
export function canWitness(positions: readonly Position[]): boolean {
  return positions.some((p) => WITNESS_POSITIONS.includes(p));
}

/** Rounds counted out and counted back must match; a difference is an incident. */
export function roundsDiscrepancy(roundsOut: number, roundsBack: number): number {
  return roundsOut - roundsBack;
}
