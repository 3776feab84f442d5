import { describe, expect, it } from 'vitest';
import { canWitness, evaluateHandoff, roundsDiscrepancy, type CheckFact, type HandoffFacts } from './custody';
import { injuryDeadlines } from './deadlines';
import { meetingCoversDay } from './meetings';

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
  it('no witness named', () => expect(reasons({ checks: [{ ...passing, witnesses: [] }] })).toEqual(['no_witness']));
  it('the latest check decides: a failure after a pass refuses', () => {
    expect(reasons({ checks: [passing, { ...passing, id: 'c2', performedAt: at(10), result: 'fail' }] })).toEqual(['check_failed']);
  });
  it('giver not the armorer', () => expect(reasons({ giver: { userId: 'ad', role: 'crew' } })).toEqual(['giver_not_armorer']));
  it('recipient not a member', () => expect(reasons({ recipient: null })).toEqual(['recipient_not_member']));
  it('weapon out of service', () => expect(reasons({ firearm: { id: 'f1', status: 'out_of_service' } })).toEqual(['weapon_out_of_service']));
  it('weapon already checked out', () => expect(reasons({ firearm: { id: 'f1', status: 'checked_out' } })).toEqual(['weapon_checked_out']));
  it('hold standing', () => expect(reasons({ holdStanding: true })).toEqual(['hold_standing']));
  it('no safety meeting today', () => expect(reasons({ meetingsToday: [] })).toEqual(['no_safety_meeting']));
  it('a meeting that did not cover firearms does not count', () => expect(reasons({ meetingsToday: [{ firearmsOnSet: false }] })).toEqual(['no_safety_meeting']));
  it('reports every reason at once (the Rust hand-off)', () => {
    expect(reasons({ giver: { userId: 'ad', role: 'crew' }, checks: [], meetingsToday: [] })).toEqual(['giver_not_armorer', 'no_check', 'no_safety_meeting']);
  });
});

describe('witnesses, rounds, meetings, deadlines', () => {
  it('only actors, stunt performers and 1st ADs witness', () => {
    expect(canWitness(['actor'])).toBe(true);
    expect(canWitness(['first_ad', 'camera'])).toBe(true);
    expect(canWitness(['camera', 'props'])).toBe(false);
  });
  it('counts rounds', () => {
    expect(roundsDiscrepancy(6, 5)).toBe(1);
    expect(roundsDiscrepancy(6, 6)).toBe(0);
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
