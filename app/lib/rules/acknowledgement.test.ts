import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ESCALATION, dueEscalations, escalationSchedule, hasLegalClock, HOTLINE, showsHotline, signalState, signalsForIncident, type SignalFact,
} from './acknowledgement';

const raised = new Date('2026-11-24T15:00:00Z');
const min = (n: number) => new Date(raised.getTime() + n * 60_000);
const fact = (over: Partial<SignalFact> = {}): SignalFact => ({ id: 's1', kind: 'live_ammunition', raisedAt: raised, acknowledgedAt: null, resentAt: null, contactsAt: null, ...over });

describe('rule 7: escalation of an unacknowledged critical signal', () => {
  it('nothing is due inside the first window (default 15 minutes)', () => {
    expect(dueEscalations(fact(), DEFAULT_ESCALATION, min(14.99))).toEqual([]);
  });
  it('after the first window it is re-sent; after the second, it goes to the safety contacts', () => {
    expect(dueEscalations(fact(), DEFAULT_ESCALATION, min(15))).toEqual([{ signalId: 's1', step: 'resend', dueAt: min(15) }]);
    expect(dueEscalations(fact({ resentAt: min(15) }), DEFAULT_ESCALATION, min(29))).toEqual([]);
    expect(dueEscalations(fact({ resentAt: min(15) }), DEFAULT_ESCALATION, min(30))).toEqual([{ signalId: 's1', step: 'contacts', dueAt: min(30) }]);
  });
  it('a step already recorded is never due again', () => {
    expect(dueEscalations(fact({ resentAt: min(15), contactsAt: min(30) }), DEFAULT_ESCALATION, min(600))).toEqual([]);
  });
  it('when the clock was down through both windows, both steps are due, in order', () => {
    expect(dueEscalations(fact(), DEFAULT_ESCALATION, min(120)).map((s) => s.step)).toEqual(['resend', 'contacts']);
  });
  it('a producer’s acknowledgement stops every step', () => {
    expect(dueEscalations(fact({ acknowledgedAt: min(3) }), DEFAULT_ESCALATION, min(600))).toEqual([]);
    expect(dueEscalations(fact({ resentAt: min(15), acknowledgedAt: min(20) }), DEFAULT_ESCALATION, min(600))).toEqual([]);
  });
  it('follows the production’s own windows', () => {
    const settings = { resendAfterMinutes: 5, contactsAfterMinutes: 60 };
    expect(escalationSchedule(raised, settings)).toEqual({ resend: min(5), contacts: min(65) });
    expect(dueEscalations(fact(), settings, min(5)).map((s) => s.step)).toEqual(['resend']);
    expect(dueEscalations(fact({ resentAt: min(5) }), settings, min(64))).toEqual([]);
    expect(dueEscalations(fact({ resentAt: min(5) }), settings, min(65)).map((s) => s.step)).toEqual(['contacts']);
  });
  it('states and the hotline: shown once escalated to the contacts, acknowledged or not', () => {
    expect(signalState(fact())).toBe('waiting');
    expect(signalState(fact({ resentAt: min(15) }))).toBe('resent');
    expect(signalState(fact({ resentAt: min(15), contactsAt: min(30) }))).toBe('escalated');
    expect(signalState(fact({ resentAt: min(15), contactsAt: min(30), acknowledgedAt: min(40) }))).toBe('acknowledged');
    expect(showsHotline(fact({ contactsAt: min(30), acknowledgedAt: min(40) }))).toBe(true);
    expect(showsHotline(fact({ resentAt: min(15) }))).toBe(false);
    expect(HOTLINE.display).toBe('844-IA-AWARE');
    expect(HOTLINE.digits).toBe('844-422-9273'); // I=4 A=2 A=2 W=9 A=2 R=7 E=3
  });
});

describe('rule 7: which facts are critical signals', () => {
  const none = { died: false, hospitalizedInpatient: null, amputation: false, lossOfEye: false };
  it('live ammunition, a discharge and a custody breach', () => {
    expect(signalsForIncident({ type: 'live_ammunition_found' })).toEqual(['live_ammunition']);
    expect(signalsForIncident({ type: 'accidental_discharge' })).toEqual(['accidental_discharge']);
    expect(signalsForIncident({ type: 'custody_breach' })).toEqual(['custody_breach']);
    expect(signalsForIncident({ type: 'near_miss' })).toEqual([]);
    expect(signalsForIncident({ type: 'unsafe_condition' })).toEqual([]);
  });
  it('an injury only when an OSHA reporting clock runs (death, in-patient stay, amputation, loss of an eye)', () => {
    expect(signalsForIncident({ type: 'injury', injury: none })).toEqual([]);
    expect(signalsForIncident({ type: 'injury', injury: null })).toEqual([]);
    for (const k of ['died', 'amputation', 'lossOfEye'] as const) expect(signalsForIncident({ type: 'injury', injury: { ...none, [k]: true } })).toEqual(['injury_clock']);
    expect(hasLegalClock({ ...none, hospitalizedInpatient: true })).toBe(true);
    expect(hasLegalClock({ ...none, hospitalizedInpatient: false })).toBe(false);
  });
});
