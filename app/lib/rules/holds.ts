import type { ActorFact, HoldFact } from './types';

export type Verdict = { ok: true } | { ok: false; reason: string };
const yes: Verdict = { ok: true };
const no = (reason: string): Verdict => ({ ok: false, reason });

export const MIN_RESOLUTION_LENGTH = 10;

/** Rule 5: any member but an auditor may call a hold; one hold stands at a time (filings join it). */
export function canCallHold(actor: ActorFact, openHold: HoldFact | null): Verdict {
  if (actor.role === 'auditor') return no('Auditors observe; they do not call holds.');
  if (openHold) return no('A stop-work hold is already standing.');
  return yes;
}

/**
 * Rule 5: a hold from rule 1, or one that a rule-1 report (accidental discharge, live ammunition
 * found) has joined, needs a second person's concurrence: a hold called by hand for a loose cart
 * becomes a live-round hold the moment such a report joins it.
 */
export function needsConcurrence(hold: Pick<HoldFact, 'source' | 'rule1Joined'>): boolean {
  return hold.source === 'rule1' || !!hold.rule1Joined;
}

/**
 * Rule 5: a hold from rule 1 (or joined by a rule-1 report) also needs the armorer's or a second producer's concurrence, so
 * that no one person lifts it alone.
 */
export function canConcur(actor: ActorFact, hold: HoldFact): Verdict {
  if (hold.liftedAt) return no('This hold has already been lifted.');
  if (!needsConcurrence(hold)) return no('Only a hold from rule 1, or one a discharge or live-round report joined, needs a concurrence.');
  if (hold.concurredById) return no('A concurrence is already recorded.');
  if (actor.role !== 'armorer' && actor.role !== 'producer') return no('Only the armorer or a producer may concur.');
  return yes;
}

/** Rule 5: only a producer lifts a hold, in writing; a rule-1 hold needs someone else's concurrence first. */
export function canLiftHold(actor: ActorFact, hold: HoldFact, resolution: string): Verdict {
  if (hold.liftedAt) return no('This hold has already been lifted.');
  if (actor.role !== 'producer') return no('Only a producer can lift a stop-work hold.');
  if (resolution.trim().length < MIN_RESOLUTION_LENGTH) return no('Write the resolution: what was found and what changed.');
  if (needsConcurrence(hold)) {
    if (!hold.concurredById) return no("A discharge or live-round report is part of this hold: record the armorer's or a second producer's concurrence first.");
    if (hold.concurredById === actor.userId) return no('The producer who concurred cannot also lift the hold: a second person must.');
  }
  return yes;
}
