// The ammunition chain (ARCHITECTURE.md: ammunition chain), pure: whether a lot may be issued,
// and the daily reconciliation of a lot's ledger. Plain facts in; the caller gives each movement
// its production-local day, so no clock or time zone is read here.
// The same closed sets as AMMO_LOT_STATUSES and AMMO_MOVEMENT_KINDS in enums.ts, spelled here so the
// rules import nothing outside this folder; every caller passes the stored values, so tsc holds them equal.
type AmmoLotStatus = 'in_store' | 'frozen' | 'returned';
type AmmoMovementKind = 'received' | 'issued' | 'returned' | 'fired' | 'missing' | 'adjusted' | 'vendor_return' | 'evidence';

export const LOT_REASONS = {
  lot_frozen: 'This ammunition lot is frozen as evidence: a live round was found in it, so nothing in it can be issued (rule 1).',
  lot_returned: 'This ammunition lot was returned to the vendor and is closed: nothing in it can be issued.',
} as const;
export type LotReason = keyof typeof LOT_REASONS;

export type LotStatusFact = { status: AmmoLotStatus };

/** Why rounds of this lot may not go out with a weapon (empty = they may). A frozen lot refuses even zero rounds named from it. */
export function lotIssueReasons(lot: LotStatusFact | null): LotReason[] {
  if (!lot) return [];
  if (lot.status === 'frozen') return ['lot_frozen'];
  if (lot.status === 'returned') return ['lot_returned'];
  return [];
}

export type MovementFact = { day: string; kind: AmmoMovementKind; delta: number; rounds: number };

export type ReconciliationDay = {
  day: string;
  opening: number;
  received: number;
  issued: number;
  fired: number;
  returned: number;
  /** Rounds out with a weapon whose return counted neither fired nor back: the incident's count. */
  missing: number;
  /** Net count adjustments (with their reasons in the ledger). */
  adjusted: number;
  vendorReturned: number;
  evidence: number;
  /** On hand at the end of the day, by the ledger. */
  closing: number;
  /** Rounds issued that day and not yet back, fired or counted missing (still out with a weapon, or unexplained). */
  outstanding: number;
};

/**
 * One row per production-local day with a movement, oldest first: opening, what moved, closing.
 * `drift` compares the ledger with the lot's stored count on hand (0 when they agree; anything else
 * stands out, as does a day with rounds missing).
 */
export function reconcileLot(movements: readonly MovementFact[], countOnHand: number): { days: ReconciliationDay[]; ledgerOnHand: number; drift: number } {
  const byDay = new Map<string, MovementFact[]>();
  for (const m of movements) (byDay.get(m.day) ?? byDay.set(m.day, []).get(m.day)!).push(m);
  const days: ReconciliationDay[] = [];
  let onHand = 0;
  for (const day of [...byDay.keys()].sort()) {
    const list = byDay.get(day)!;
    const sum = (k: AmmoMovementKind) => list.filter((m) => m.kind === k).reduce((n, m) => n + m.rounds, 0);
    const net = (k: AmmoMovementKind) => list.filter((m) => m.kind === k).reduce((n, m) => n + m.delta, 0);
    const opening = onHand;
    onHand += list.reduce((n, m) => n + m.delta, 0);
    const issued = sum('issued');
    const fired = sum('fired');
    const returned = sum('returned');
    const missing = sum('missing');
    days.push({
      day,
      opening,
      received: sum('received'),
      issued,
      fired,
      returned,
      missing,
      adjusted: net('adjusted'),
      vendorReturned: sum('vendor_return'),
      evidence: sum('evidence'),
      closing: onHand,
      outstanding: Math.max(0, issued - fired - returned - missing),
    });
  }
  return { days, ledgerOnHand: onHand, drift: countOnHand - onHand };
}

/**
 * A lot goes back to the vendor whole: the count handed over must be what the ledger holds, with no
 * rounds still out with a weapon; a frozen lot goes to the authorities instead. Null when it may go.
 */
export function vendorReturnProblem(lot: { status: AmmoLotStatus; countOnHand: number }, roundsStillOut: number, countReturned: number): { field: 'countReturned' | null; message: string } | null {
  if (lot.status === 'frozen') return { field: null, message: 'This lot is frozen as evidence: it goes to the authorities, not back to the vendor.' };
  if (lot.status === 'returned') return { field: null, message: 'This lot was already returned to the vendor.' };
  if (roundsStillOut > 0) return { field: null, message: `${roundsStillOut} ${roundsStillOut === 1 ? 'round of this lot is' : 'rounds of this lot are'} still out with a weapon: record the return first.` };
  if (countReturned !== lot.countOnHand) {
    return { field: 'countReturned', message: `The ledger holds ${lot.countOnHand} rounds of this lot. Count again, or record an adjustment with its reason first.` };
  }
  return null;
}

/** A hand-out still carrying rounds of a lot: what a recall names (weapon, holder, rounds, since when, already formatted). */
export type RoundsOutFact = { handoffId: string; weapon: string; holder: string; rounds: number; since: string };

/**
 * When a live round is found in a lot, rounds of that lot already out with weapons are as suspect as
 * the ones in the store (rule 1): every hand-out still carrying them is recalled. The message to the
 * armorers and producers names each one; null when nothing of the lot is out.
 */
export function recallNotice(lot: { lotNumber: string; kind: string; calibre: string }, out: readonly RoundsOutFact[]): { title: string; body: string } | null {
  const carrying = out.filter((h) => h.rounds > 0);
  if (carrying.length === 0) return null;
  const rounds = carrying.reduce((n, h) => n + h.rounds, 0);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return {
    title: `Recall: ${plural(rounds, 'round', 'rounds')} of frozen lot ${lot.lotNumber} still out with ${plural(carrying.length, 'weapon', 'weapons')}`,
    body:
      `A live round was found in ${lot.kind} lot ${lot.lotNumber} (${lot.calibre}); the lot is frozen (rule 1). Bring back every round of it now:\n` +
      carrying.map((h) => `- ${h.weapon}, with ${h.holder}: ${plural(h.rounds, 'round', 'rounds')} since ${h.since}`).join('\n') +
      `\nRounds returned go back into the frozen lot as evidence and can never be issued again.`,
  };
}

/**
 * A return recorded into a lot after it was frozen ("returned under freeze"): the rounds join the
 * evidence and stay unissuable (`lotIssueReasons`). A frozen lot never returns to the store, so the
 * freeze time alone decides.
 */
export function returnedUnderFreeze(lot: { frozenAt: Date | null }, movement: { kind: AmmoMovementKind; at: Date }): boolean {
  return movement.kind === 'returned' && lot.frozenAt !== null && movement.at.getTime() >= lot.frozenAt.getTime();
}
