import { describe, expect, it } from 'vitest';
import {
  backInServiceRefusal,
  canReceive,
  canWitness,
  checkRefusal,
  evaluateHandoff,
  findValidCheck,
  outOfServiceRefusal,
  countReturn,
  statusAfterCheck,
  statusAfterReturn,
  witnessProblems,
  type CheckFact,
  type HandoffFacts,
} from './custody';
import { injuryDeadlines } from './deadlines';
import { meetingCoversDay, meetingDateRefusal } from './meetings';

const at = (h: number) => new Date(Date.UTC(2026, 10, 24, h));
const passing: CheckFact = { id: 'c1', phase: 'before_use', scene: '12A', result: 'pass', performedAt: at(9), witnesses: [{ userId: 'actor', confirmedAt: at(9) }] };
const ok: HandoffFacts = {
  giver: { userId: 'arm', role: 'armorer' },
  recipient: { userId: 'actor', positions: ['actor'] },
  firearm: { id: 'f1', status: 'locked_up' },
  scene: '12A',
  checks: [passing],
  lastReturnAt: null,
  holdStanding: false,
  meetingsToday: [{ firearmsOnSet: true }],
};
const reasons = (f: Partial<HandoffFacts>) => evaluateHandoff({ ...ok, ...f }).reasons;

describe('rule 2 (custody), rule 5 (hold) and rule 6 (meeting) for a hand-off', () => {
  it('allows the armorer with a passing, witnessed check for this setup on a meeting day', () => {
    expect(evaluateHandoff(ok)).toMatchObject({ allowed: true, reasons: [], check: { id: 'c1' } });
  });
  it('no check', () => expect(reasons({ checks: [] })).toEqual(['no_check']));
  it('failed check', () => expect(reasons({ checks: [{ ...passing, result: 'fail' }] })).toEqual(['check_failed']));
  it('check for another setup', () => expect(reasons({ scene: '14B' })).toEqual(['check_other_setup']));
  it('check older than the last return', () => expect(reasons({ lastReturnAt: at(10) })).toEqual(['check_before_last_return']));
  it('a newer passing check after the return is valid again', () => {
    expect(reasons({ lastReturnAt: at(10), checks: [passing, { ...passing, id: 'c2', performedAt: at(11) }] })).toEqual([]);
  });
  it('an after-use check never counts for a hand-off', () => expect(reasons({ checks: [{ ...passing, phase: 'after_use' }] })).toEqual(['no_check']));
  it('unconfirmed witness', () => expect(reasons({ checks: [{ ...passing, witnesses: [{ userId: 'actor', confirmedAt: null }] }] })).toEqual(['witness_unconfirmed']));
  it('a witness who declined blocks it, whoever else confirmed', () => {
    const declined = { ...passing, witnesses: [{ userId: 'actor', confirmedAt: at(9) }, { userId: 'ad', confirmedAt: null, declinedAt: at(9) }] };
    expect(reasons({ checks: [declined] })).toEqual(['witness_declined']);
    expect(findValidCheck({ checks: [declined], scene: '12A', lastReturnAt: null })).toBeNull();
    // A new check with witnesses who saw it clears the weapon again.
    expect(reasons({ checks: [declined, { ...passing, id: 'c2', performedAt: at(10) }] })).toEqual([]);
  });
  it('no witness named', () => expect(reasons({ checks: [{ ...passing, witnesses: [] }] })).toEqual(['no_witness']));
  it('the latest check decides: a failure after a pass refuses', () => {
    expect(reasons({ checks: [passing, { ...passing, id: 'c2', performedAt: at(10), result: 'fail' }] })).toEqual(['check_failed']);
  });
  it('giver not the armorer', () => expect(reasons({ giver: { userId: 'ad', role: 'crew' } })).toEqual(['giver_not_armorer']));
  it('recipient not a member', () => expect(reasons({ recipient: null })).toEqual(['recipient_not_member']));
  it('recipient without an actor, stunt or 1st AD position', () => {
    expect(reasons({ recipient: { userId: 'cam', positions: ['camera'] } })).toEqual(['recipient_not_eligible']);
    expect(reasons({ recipient: { userId: 'cam', positions: [] } })).toEqual(['recipient_not_eligible']);
    expect(reasons({ recipient: { userId: 'st', positions: ['camera', 'stunt_performer'] } })).toEqual([]);
  });
  it('weapon out of service', () => expect(reasons({ firearm: { id: 'f1', status: 'out_of_service' } })).toEqual(['weapon_out_of_service']));
  it('weapon already checked out', () => expect(reasons({ firearm: { id: 'f1', status: 'checked_out' } })).toEqual(['weapon_checked_out']));
  it('hold standing', () => expect(reasons({ holdStanding: true })).toEqual(['hold_standing']));
  it('no safety meeting today', () => expect(reasons({ meetingsToday: [] })).toEqual(['no_safety_meeting']));
  it('a meeting that did not cover firearms does not count', () => expect(reasons({ meetingsToday: [{ firearmsOnSet: false }] })).toEqual(['no_safety_meeting']));
  it('reports every reason at once (the Rust hand-off)', () => {
    expect(reasons({ giver: { userId: 'ad', role: 'crew' }, checks: [], meetingsToday: [] })).toEqual(['giver_not_armorer', 'no_check', 'no_safety_meeting']);
  });
});

describe('findValidCheck agrees with evaluateHandoff', () => {
  const cases: Partial<HandoffFacts>[] = [
    {},
    { checks: [] },
    { scene: '14B' },
    { lastReturnAt: at(10) },
    { checks: [{ ...passing, result: 'fail' }] },
    { checks: [{ ...passing, witnesses: [] }] },
    { checks: [{ ...passing, witnesses: [{ userId: 'actor', confirmedAt: null }] }] },
    { scene: ' 12a ' },
  ];
  it.each(cases.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    const f = { ...ok, ...c };
    const check = findValidCheck(f);
    const checkReasons = evaluateHandoff(f).reasons.filter((r) => r.startsWith('check_') || r === 'no_check' || r.startsWith('witness') || r === 'no_witness');
    expect(check === null).toBe(checkReasons.length > 0);
  });
});

describe('weapon status after checks, returns and by hand', () => {
  it('a failed check takes a locked-up weapon out of service', () => expect(statusAfterCheck('locked_up', 'fail')).toBe('out_of_service'));
  it('a passing check brings an out-of-service weapon back', () => expect(statusAfterCheck('out_of_service', 'pass')).toBe('locked_up'));
  it('a passing check leaves a locked-up weapon as it is', () => expect(statusAfterCheck('locked_up', 'pass')).toBe('locked_up'));
  it('a failed check stays out of service', () => expect(statusAfterCheck('out_of_service', 'fail')).toBe('out_of_service'));
  it('a checked-out weapon stays checked out until its return', () => {
    expect(statusAfterCheck('checked_out', 'fail')).toBe('checked_out');
    expect(statusAfterCheck('checked_out', 'pass')).toBe('checked_out');
  });
  it('the return: locked up, or out of service when the after-use check failed', () => {
    expect(statusAfterReturn('pass')).toBe('locked_up');
    expect(statusAfterReturn('fail')).toBe('out_of_service');
  });
  it('no before-use check of a weapon that is out', () => {
    expect(checkRefusal('checked_out', 'before_use')).toMatch(/checked out/);
    expect(checkRefusal('checked_out', 'after_use')).toBeNull();
    expect(checkRefusal('locked_up', 'before_use')).toBeNull();
    expect(checkRefusal('out_of_service', 'before_use')).toBeNull();
  });
  it('back in service by hand only when the latest check did not fail', () => {
    expect(backInServiceRefusal('out_of_service', null)).toBeNull();
    expect(backInServiceRefusal('out_of_service', { result: 'pass' })).toBeNull();
    expect(backInServiceRefusal('out_of_service', { result: 'fail' })).toMatch(/passing check/);
    expect(backInServiceRefusal('locked_up', null)).toMatch(/not out of service/);
  });
  it('out of service by hand only from the locked store', () => {
    expect(outOfServiceRefusal('locked_up')).toBeNull();
    expect(outOfServiceRefusal('checked_out')).toMatch(/return/);
    expect(outOfServiceRefusal('out_of_service')).toMatch(/already/);
  });
});

describe('witnesses, rounds, meetings, deadlines', () => {
  it('who may be named on a check', () => {
    expect(witnessProblems('arm', [{ userId: 'actor', positions: ['actor'] }])).toEqual([]);
    expect(witnessProblems('arm', [{ userId: 'x', positions: null }])[0].message).toMatch(/member/);
    expect(witnessProblems('arm', [{ userId: 'cam', positions: ['camera'] }])[0].message).toMatch(/actor, stunt performer or 1st AD/);
    expect(witnessProblems('arm', [{ userId: 'arm', positions: ['actor'] }])[0].message).toMatch(/cannot also witness/);
  });
  it('the same positions receive a weapon', () => {
    expect(canReceive(['first_ad'])).toBe(true);
    expect(canReceive(['props'])).toBe(false);
  });
  it('a meeting cannot be recorded for a future day', () => {
    expect(meetingDateRefusal('2026-11-25', '2026-11-24')).toMatch(/future/);
    expect(meetingDateRefusal('2026-11-24', '2026-11-24')).toBeNull();
    expect(meetingDateRefusal('2026-11-20', '2026-11-24')).toBeNull();
  });
  it('only actors, stunt performers and 1st ADs witness', () => {
    expect(canWitness(['actor'])).toBe(true);
    expect(canWitness(['first_ad', 'camera'])).toBe(true);
    expect(canWitness(['camera', 'props'])).toBe(false);
  });
  it('counts rounds: out = fired + back; what neither explains is the incident; only returned rounds restock', () => {
    expect(countReturn({ roundsOut: 6, roundsFired: 0, roundsBack: 5, kind: 'dummy' })).toEqual({ ok: true, unexplained: 1, restock: 5 });
    expect(countReturn({ roundsOut: 6, roundsFired: 0, roundsBack: 6, kind: 'dummy' })).toEqual({ ok: true, unexplained: 0, restock: 6 });
    // Four blanks spent, two back: nothing is missing, two go back into the lot.
    expect(countReturn({ roundsOut: 6, roundsFired: 4, roundsBack: 2, kind: 'blank' })).toEqual({ ok: true, unexplained: 0, restock: 2 });
    // Four spent, one back: one is missing.
    expect(countReturn({ roundsOut: 6, roundsFired: 4, roundsBack: 1, kind: 'blank' })).toEqual({ ok: true, unexplained: 1, restock: 1 });
    // Four spent, four back: two rounds of unknown origin, and only two can be ours.
    expect(countReturn({ roundsOut: 6, roundsFired: 4, roundsBack: 4, kind: 'blank' })).toEqual({ ok: true, unexplained: -2, restock: 2 });
    expect(countReturn({ roundsOut: 0, roundsFired: 0, roundsBack: 0, kind: null })).toEqual({ ok: true, unexplained: 0, restock: 0 });
  });
  it('a dummy cannot be fired (it would have been live), nor rounds that never went out', () => {
    expect(countReturn({ roundsOut: 6, roundsFired: 1, roundsBack: 5, kind: 'dummy' })).toMatchObject({ ok: false, field: 'roundsFired', message: expect.stringMatching(/cannot be fired.*live ammunition found/) });
    expect(countReturn({ roundsOut: 0, roundsFired: 1, roundsBack: 0, kind: null })).toMatchObject({ ok: false, field: 'roundsFired' });
    expect(countReturn({ roundsOut: 6, roundsFired: 7, roundsBack: 0, kind: 'blank' })).toMatchObject({ ok: false, message: 'Only 6 rounds went out.' });
  });
  it('a meeting covers its own day only', () => {
    expect(meetingCoversDay([{ date: '2026-11-24', firearmsOnSet: true }], '2026-11-24')).toBe(true);
    expect(meetingCoversDay([{ date: '2026-11-23', firearmsOnSet: true }], '2026-11-24')).toBe(false);
  });
  it('legal clocks: death 8 h, hospitalisation 24 h, Form 301 7 days', () => {
    const none = { died: false, hospitalizedInpatient: false, amputation: false, lossOfEye: false, oshaReportedAt: null, form301CompletedAt: null };
    const t = at(0);
    expect(injuryDeadlines({ ...none, died: true }, t, at(9)).map((d) => [d.key, d.state])).toEqual([['osha_8h', 'overdue'], ['form_301', 'open']]);
    expect(injuryDeadlines({ ...none, died: true }, t, at(7)).map((d) => d.state)).toEqual(['open', 'open']);
    expect(injuryDeadlines({ ...none, hospitalizedInpatient: true, oshaReportedAt: at(20) }, t, at(30))[0]).toMatchObject({ key: 'osha_24h', state: 'met' });
    expect(injuryDeadlines({ ...none, lossOfEye: true, oshaReportedAt: at(25) }, t, at(30))[0].state).toBe('met_late');
    expect(injuryDeadlines(none, t, at(0)).map((d) => d.key)).toEqual(['form_301']);
  });
});
