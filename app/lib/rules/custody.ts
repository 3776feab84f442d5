import type { AmmoKind, CheckPhase, CheckResult, FirearmStatus, Position, Role } from '../enums';
import { WITNESS_POSITIONS } from '../enums';
import { SCENE_PLAN_REASONS, scenePlanReasons, type ScenePlanFacts } from './scene-plans';
import { DUTY_REASONS, isCustodian, otherDutyReasons, type OtherDutyFacts } from './duties';
import { LOT_REASONS, lotIssueReasons, type LotStatusFact } from './ammunition';

export type CheckFact = {
  id: string;
  phase: CheckPhase;
  scene: string;
  result: CheckResult;
  performedAt: Date;
  /** `declinedAt`: the witness said they did not see this check (absent = not declined). */
  witnesses: { userId: string; confirmedAt: Date | null; declinedAt?: Date | null }[];
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
  /** Rule 8's facts; absent where the caller has none to give (rule 8 then asks nothing). */
  scenePlan?: ScenePlanFacts;
  /** Rule 9's facts: who the setup's plan records on other duties (absent = none recorded). */
  duties?: OtherDutyFacts;
  /** The ammunition lot named for the rounds going out, if any (a frozen or returned lot issues nothing). */
  lot?: LotStatusFact | null;
};

export const HANDOFF_REASONS = {
  giver_not_armorer: 'Only the armorer hands out a weapon (rule 2).',
  recipient_not_member: 'The recipient must be a member of this production.',
  recipient_not_eligible: 'The recipient must hold the actor, stunt performer, 1st AD, property master or assistant property master position on this production.',
  weapon_out_of_service: 'This weapon is out of service until a passing check.',
  weapon_checked_out: 'This weapon is already checked out; it must come back first.',
  no_check: 'There is no before-use check of this weapon for this setup since its last return (rule 2).',
  check_failed: 'The latest check of this weapon for this setup failed (rule 2).',
  check_other_setup: 'The check on record is for another setup; check the weapon for this one (rule 2).',
  check_before_last_return: 'The check was made before the weapon\u2019s last return; check it again (rule 2).',
  no_witness: 'The check names no witness (actor, stunt performer or 1st AD) (rule 2).',
  witness_declined: 'A named witness declined the check: they did not see it. Check the weapon again, with witnesses (rule 2).',
  witness_unconfirmed: 'Not every named witness has confirmed the check yet (rule 2).',
  hold_standing: 'A stop-work hold is standing: no weapon is handed out (rule 5).',
  no_safety_meeting: 'No safety meeting covering firearms is recorded today (rule 6).',
  ...SCENE_PLAN_REASONS,
  ...DUTY_REASONS,
  ...LOT_REASONS,
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
  if (latest.witnesses.length === 0 || latest.witnesses.some((w) => !w.confirmedAt || w.declinedAt)) return null;
  return latest;
}

/**
 * Rules 2, 5, 6, 8 and 9 for one hand-off attempt. Returns every reason it must be refused (empty =
 * allowed), so the custody-breach incident records the whole picture.
 */
export function evaluateHandoff(f: HandoffFacts): { allowed: boolean; reasons: HandoffReason[]; check: CheckFact | null } {
  const reasons: HandoffReason[] = [];
  if (f.giver.role !== 'armorer') reasons.push('giver_not_armorer');
  if (!f.recipient) reasons.push('recipient_not_member');
  // Positions say who may be named as a witness or receive a weapon (ARCHITECTURE.md: positions).
  else if (!canReceive(f.recipient.positions)) reasons.push('recipient_not_eligible');
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
  } else if (latest.witnesses.some((w) => w.declinedAt)) {
    reasons.push('witness_declined');
  } else if (latest.witnesses.some((w) => !w.confirmedAt)) {
    reasons.push('witness_unconfirmed');
  }
  if (f.holdStanding) reasons.push('hold_standing');
  if (!f.meetingsToday.some((m) => m.firearmsOnSet)) reasons.push('no_safety_meeting');
  if (f.scenePlan) reasons.push(...scenePlanReasons(f.scenePlan));
  if (f.duties) reasons.push(...otherDutyReasons(f.duties));
  reasons.push(...lotIssueReasons(f.lot ?? null));
  return { allowed: reasons.length === 0, reasons, check: reasons.length === 0 ? (latest ?? null) : null };
}

/** Only members with these positions may be named as witnesses. */
export function canWitness(positions: readonly Position[]): boolean {
  return positions.some((p) => WITNESS_POSITIONS.includes(p));
}

/**
 * The same positions may receive a weapon from the armorer, and so may the property master and the
 * assistant property master, who hold firearms in custody (rule 9, Cal. Labor Code §9153(a)(1);
 * ARCHITECTURE.md: positions).
 */
export function canReceive(positions: readonly Position[]): boolean {
  return canWitness(positions) || isCustodian(positions);
}

/**
 * Who may be named on a check: members with a witness position, never the person who performs
 * the check (the point of a witness is a second pair of eyes). Returns one message per problem.
 */
export function witnessProblems(
  performerId: string,
  named: { userId: string; positions: readonly Position[] | null }[],
): { userId: string; message: string }[] {
  const out: { userId: string; message: string }[] = [];
  for (const n of named) {
    if (n.positions === null) out.push({ userId: n.userId, message: 'A witness must be a member of this production.' });
    else if (n.userId === performerId) out.push({ userId: n.userId, message: 'The person performing the check cannot also witness it.' });
    else if (!canWitness(n.positions)) out.push({ userId: n.userId, message: 'Only an actor, stunt performer or 1st AD can witness a check.' });
  }
  return out;
}

/**
 * Whether a check may be recorded for a weapon in this state. A checked-out weapon is with
 * someone else: only its after-use check (made as it comes back) makes sense.
 */
export function checkRefusal(status: FirearmStatus, phase: CheckPhase): string | null {
  if (status === 'checked_out' && phase === 'before_use') {
    return 'This weapon is checked out. Record its return (with the after-use check) before checking it for another use.';
  }
  return null;
}

/**
 * The weapon's status after a check. A failed check puts it out of service until a later passing
 * check; a passing check brings an out-of-service weapon back to the locked store. A weapon still
 * checked out keeps that status: its return decides (see statusAfterReturn).
 */
export function statusAfterCheck(status: FirearmStatus, result: CheckResult): FirearmStatus {
  if (status === 'checked_out') return status;
  if (result === 'fail') return 'out_of_service';
  return status === 'out_of_service' ? 'locked_up' : status;
}

/** On return the weapon is locked up again, or out of service if its after-use check failed. */
export function statusAfterReturn(afterUseResult: CheckResult): FirearmStatus {
  return afterUseResult === 'fail' ? 'out_of_service' : 'locked_up';
}

/**
 * The armorer may put a weapon back in service by hand (after a repair, say) only when its latest
 * check did not fail: a failed check is cleared by a later passing check, never by a click.
 */
export function backInServiceRefusal(status: FirearmStatus, latestCheck: { result: CheckResult } | null): string | null {
  if (status !== 'out_of_service') return 'This weapon is not out of service.';
  if (latestCheck?.result === 'fail') return 'The latest check of this weapon failed: record a passing check to bring it back in service.';
  return null;
}

/** Taking a weapon out of service: only from the locked store (a checked-out weapon comes back first). */
export function outOfServiceRefusal(status: FirearmStatus): string | null {
  if (status === 'out_of_service') return 'This weapon is already out of service.';
  if (status === 'checked_out') return 'This weapon is checked out: record its return first (a failed after-use check takes it out of service).';
  return null;
}

export type ReturnCount = { roundsOut: number; roundsFired: number; roundsBack: number; kind: AmmoKind | null };

/**
 * A return's round count: every round out was either fired (a blank spent) or comes back. What
 * neither explains is the incident (`unexplained` > 0 missing, < 0 extra rounds of unknown
 * origin). Only returned rounds go back into the lot, and never more than could be unspent ones
 * of this hand-off. A dummy cannot be fired: a "fired dummy" was live, so it is refused here and
 * must be reported (rule 1), not booked as spent.
 */
export function countReturn(c: ReturnCount): { ok: true; unexplained: number; restock: number } | { ok: false; field: 'roundsFired'; message: string } {
  if (c.roundsFired > 0 && c.kind !== 'blank') {
    return {
      ok: false,
      field: 'roundsFired',
      message:
        c.kind === 'dummy'
          ? 'Dummy rounds cannot be fired. If one went off, it was live: stop work and report live ammunition found.'
          : 'No rounds went out with this weapon, so none can have been fired.',
    };
  }
  if (c.roundsFired > c.roundsOut) return { ok: false, field: 'roundsFired', message: `Only ${c.roundsOut} rounds went out.` };
  return { ok: true, unexplained: c.roundsOut - c.roundsFired - c.roundsBack, restock: Math.max(0, Math.min(c.roundsBack, c.roundsOut - c.roundsFired)) };
}
