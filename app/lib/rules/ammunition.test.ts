import { describe, expect, it } from 'vitest';
import { evaluateHandoff, HANDOFF_REASONS, lotIssueReasons, recallNotice, reconcileLot, returnedUnderFreeze, vendorReturnProblem, type HandoffFacts, type MovementFact } from './index';

const at = (iso: string) => new Date(iso);
const allowedFacts = (): HandoffFacts => ({
  giver: { userId: 'arm', role: 'armorer' },
  recipient: { userId: 'act', positions: ['actor'] },
  firearm: { id: 'f1', status: 'locked_up' },
  scene: '12A',
  checks: [{ id: 'c1', phase: 'before_use', scene: '12A', result: 'pass', performedAt: at('2026-11-24T15:00:00Z'), witnesses: [{ userId: 'act', confirmedAt: at('2026-11-24T15:05:00Z') }] }],
  lastReturnAt: null,
  holdStanding: false,
  meetingsToday: [{ firearmsOnSet: true }],
});

describe('lotIssueReasons', () => {
  it('a lot in the store issues; a frozen or returned one does not; no lot asks nothing', () => {
    expect(lotIssueReasons({ status: 'in_store' })).toEqual([]);
    expect(lotIssueReasons({ status: 'frozen' })).toEqual(['lot_frozen']);
    expect(lotIssueReasons({ status: 'returned' })).toEqual(['lot_returned']);
    expect(lotIssueReasons(null)).toEqual([]);
  });

  it('evaluateHandoff refuses a hand-out from a frozen lot even when rules 2, 5 and 6 clear it', () => {
    expect(evaluateHandoff({ ...allowedFacts(), lot: { status: 'in_store' } })).toMatchObject({ allowed: true, reasons: [] });
    const frozen = evaluateHandoff({ ...allowedFacts(), lot: { status: 'frozen' } });
    expect(frozen).toMatchObject({ allowed: false, reasons: ['lot_frozen'], check: null });
    expect(HANDOFF_REASONS.lot_frozen).toMatch(/frozen as evidence/);
    expect(evaluateHandoff({ ...allowedFacts(), lot: { status: 'returned' } }).reasons).toEqual(['lot_returned']);
  });

  it('a frozen lot adds its reason to every other refusal, so the breach report records the whole picture', () => {
    const r = evaluateHandoff({ ...allowedFacts(), holdStanding: true, lot: { status: 'frozen' } });
    expect(r.reasons).toEqual(['hold_standing', 'lot_frozen']);
  });
});

describe('reconcileLot', () => {
  const m = (day: string, kind: MovementFact['kind'], delta: number, rounds = Math.abs(delta)): MovementFact => ({ day, kind, delta, rounds });

  it('gives each day its opening, movements and closing; the closing carries to the next opening', () => {
    const r = reconcileLot(
      [m('2026-11-23', 'received', 50), m('2026-11-24', 'issued', -12), m('2026-11-24', 'fired', 0, 4), m('2026-11-24', 'returned', 8), m('2026-11-25', 'issued', -6)],
      40,
    );
    expect(r.days).toEqual([
      { day: '2026-11-23', opening: 0, received: 50, issued: 0, fired: 0, returned: 0, missing: 0, adjusted: 0, vendorReturned: 0, evidence: 0, closing: 50, outstanding: 0 },
      { day: '2026-11-24', opening: 50, received: 0, issued: 12, fired: 4, returned: 8, missing: 0, adjusted: 0, vendorReturned: 0, evidence: 0, closing: 46, outstanding: 0 },
      { day: '2026-11-25', opening: 46, received: 0, issued: 6, fired: 0, returned: 0, missing: 0, adjusted: 0, vendorReturned: 0, evidence: 0, closing: 40, outstanding: 6 },
    ]);
    expect(r).toMatchObject({ ledgerOnHand: 40, drift: 0 });
  });

  it('a stored count that disagrees with the ledger stands out as drift', () => {
    expect(reconcileLot([m('2026-11-23', 'received', 50)], 49).drift).toBe(-1);
  });

  it('rounds counted missing on a return, adjustments, evidence and the vendor return each show on their day', () => {
    const r = reconcileLot(
      [m('d1', 'received', 20), m('d1', 'issued', -6), m('d1', 'fired', 0, 4), m('d1', 'returned', 1), m('d1', 'missing', 0, 1), m('d2', 'adjusted', -2), m('d2', 'evidence', -3), m('d3', 'vendor_return', -10)],
      0,
    );
    expect(r.days.map((d) => [d.day, d.missing, d.adjusted, d.evidence, d.vendorReturned, d.closing, d.outstanding])).toEqual([
      ['d1', 1, 0, 0, 0, 15, 0],
      ['d2', 0, -2, 3, 0, 10, 0],
      ['d3', 0, 0, 0, 10, 0, 0],
    ]);
    expect(r.drift).toBe(0);
  });
});

describe('vendorReturnProblem', () => {
  it('the whole ledger count goes back, nothing still out, and never a frozen or closed lot', () => {
    expect(vendorReturnProblem({ status: 'in_store', countOnHand: 20 }, 0, 20)).toBeNull();
    expect(vendorReturnProblem({ status: 'in_store', countOnHand: 20 }, 0, 19)).toMatchObject({ field: 'countReturned' });
    expect(vendorReturnProblem({ status: 'in_store', countOnHand: 20 }, 6, 20)!.message).toMatch(/6 rounds of this lot are still out/);
    expect(vendorReturnProblem({ status: 'frozen', countOnHand: 20 }, 0, 20)!.message).toMatch(/authorities/);
    expect(vendorReturnProblem({ status: 'returned', countOnHand: 0 }, 0, 0)!.message).toMatch(/already returned/);
  });
});

describe('recallNotice', () => {
  const lot = { lotNumber: 'D-7', kind: 'dummy', calibre: '.45 Colt' };
  it('names every hand-out still carrying rounds of the frozen lot: weapon, holder, rounds, since when', () => {
    const n = recallNotice(lot, [
      { handoffId: 'h1', weapon: 'REV-1 (Colt SAA)', holder: 'Cal Actor', rounds: 2, since: 'Dec 1, 09:10' },
      { handoffId: 'h2', weapon: 'REV-2 (Colt SAA)', holder: 'Dee Double', rounds: 1, since: 'Dec 1, 09:30' },
    ])!;
    expect(n.title).toBe('Recall: 3 rounds of frozen lot D-7 still out with 2 weapons');
    expect(n.body).toContain('- REV-1 (Colt SAA), with Cal Actor: 2 rounds since Dec 1, 09:10');
    expect(n.body).toContain('- REV-2 (Colt SAA), with Dee Double: 1 round since Dec 1, 09:30');
    expect(n.body).toMatch(/can never be issued again/);
  });
  it('nothing out (or hand-outs with no rounds of the lot) recalls nothing', () => {
    expect(recallNotice(lot, [])).toBeNull();
    expect(recallNotice(lot, [{ handoffId: 'h1', weapon: 'REV-1', holder: 'Cal', rounds: 0, since: 'x' }])).toBeNull();
    expect(recallNotice(lot, [{ handoffId: 'h1', weapon: 'REV-1', holder: 'Cal', rounds: 1, since: 'x' }])!.title).toBe('Recall: 1 round of frozen lot D-7 still out with 1 weapon');
  });
});

describe('returnedUnderFreeze', () => {
  const frozenAt = at('2026-12-01T17:00:00Z');
  it('a return into the lot at or after its freeze is under freeze; one before it, or another kind, is not', () => {
    expect(returnedUnderFreeze({ frozenAt }, { kind: 'returned', at: at('2026-12-01T17:30:00Z') })).toBe(true);
    expect(returnedUnderFreeze({ frozenAt }, { kind: 'returned', at: frozenAt })).toBe(true);
    expect(returnedUnderFreeze({ frozenAt }, { kind: 'returned', at: at('2026-12-01T16:59:59Z') })).toBe(false);
    expect(returnedUnderFreeze({ frozenAt }, { kind: 'fired', at: at('2026-12-01T17:30:00Z') })).toBe(false);
    expect(returnedUnderFreeze({ frozenAt: null }, { kind: 'returned', at: at('2026-12-01T17:30:00Z') })).toBe(false);
  });
  it('rounds returned under freeze stay unissuable: the lot is still frozen', () => {
    expect(lotIssueReasons({ status: 'frozen' })).toEqual(['lot_frozen']);
  });
});
