import { describe, expect, it } from 'vitest';
import { injuryDeadlines, reportableEvent, type InjuryFacts } from './deadlines';

// The legal clocks of one injured person per jurisdiction (29 CFR 1904.39; 8 CCR 342; 11.5.1.16 NMAC).
const t = new Date('2026-11-24T15:00:00Z');
const at = (h: number) => new Date(t.getTime() + h * 3_600_000);
const none: InjuryFacts = { died: false, hospitalizedInpatient: null, amputation: false, lossOfEye: false, oshaReportedAt: null, form301CompletedAt: null };
const due = (f: InjuryFacts, j: Parameters<typeof injuryDeadlines>[3], now = t) => injuryDeadlines(f, t, now, j).map((d) => [d.key, d.dueAt.toISOString()]);

describe('injuryDeadlines: federal OSHA', () => {
  it('a death: 8 hours from the death, not from the incident', () => {
    expect(due({ ...none, died: true }, 'federal')).toEqual([['osha_8h', at(8).toISOString()], ['form_301', at(168).toISOString()]]);
    expect(due({ ...none, died: true, diedAt: at(50) }, 'federal')[0]).toEqual(['osha_8h', at(58).toISOString()]);
  });
  it('a death learned of later: 8 hours from learning of it', () => {
    expect(due({ ...none, died: true, diedAt: at(2), learnedAt: at(30) }, 'federal')[0]).toEqual(['osha_8h', at(38).toISOString()]);
    // learning of it before the death does not move the clock earlier than the death
    expect(due({ ...none, died: true, diedAt: at(10), learnedAt: at(1) }, 'federal')[0]).toEqual(['osha_8h', at(18).toISOString()]);
  });
  it('a death more than 30 days after the incident is not reported (1904.39(b)(6)); within 30 days it is', () => {
    expect(reportableEvent({ ...none, died: true, diedAt: at(31 * 24) }, t, 'federal')).toBeNull();
    expect(due({ ...none, died: true, diedAt: at(31 * 24) }, 'federal').map((d) => d[0])).toEqual(['form_301']);
    expect(reportableEvent({ ...none, died: true, diedAt: at(29 * 24) }, t, 'federal')).toBe('death');
  });
  it('in-patient hospitalisation, amputation, loss of an eye: 24 hours from the event or from learning of it', () => {
    for (const f of [{ hospitalizedInpatient: true }, { amputation: true }, { lossOfEye: true }]) {
      expect(due({ ...none, ...f }, 'federal')[0]).toEqual(['osha_24h', at(24).toISOString()]);
    }
    expect(due({ ...none, amputation: true, learnedAt: at(5) }, 'federal')[0]).toEqual(['osha_24h', at(29).toISOString()]);
  });
  it('nothing reportable: only the Form 301 (7 days)', () => {
    expect(due(none, 'federal').map((d) => d[0])).toEqual(['form_301']);
    expect(due({ ...none, hospitalizedInpatient: false }, 'federal').map((d) => d[0])).toEqual(['form_301']);
  });
  it('states: open, overdue, met, met late', () => {
    const f = { ...none, hospitalizedInpatient: true };
    expect(injuryDeadlines(f, t, at(23), 'federal')[0].state).toBe('open');
    expect(injuryDeadlines(f, t, at(25), 'federal')[0].state).toBe('overdue');
    expect(injuryDeadlines({ ...f, oshaReportedAt: at(20) }, t, at(30), 'federal')[0].state).toBe('met');
    expect(injuryDeadlines({ ...f, oshaReportedAt: at(26) }, t, at(30), 'federal')[0].state).toBe('met_late');
  });
});

describe('injuryDeadlines: California (Cal/OSHA, 8 CCR 342)', () => {
  it('a serious injury, including in-patient hospitalisation, within 8 hours', () => {
    for (const f of [{ hospitalizedInpatient: true }, { amputation: true }, { lossOfEye: true }]) {
      const [first] = injuryDeadlines({ ...none, ...f }, t, t, 'california');
      expect([first.key, first.dueAt.toISOString()]).toEqual(['osha_8h', at(8).toISOString()]);
      expect(first.label).toContain('Cal/OSHA');
    }
  });
  it('from when the employer knows of it', () => {
    expect(due({ ...none, hospitalizedInpatient: true, learnedAt: at(3) }, 'california')[0]).toEqual(['osha_8h', at(11).toISOString()]);
  });
  it('a death: 8 hours, and no 30-day limit is written in 8 CCR 342', () => {
    expect(due({ ...none, died: true, diedAt: at(31 * 24) }, 'california')[0]).toEqual(['osha_8h', at(31 * 24 + 8).toISOString()]);
  });
});

describe('injuryDeadlines: New Mexico (29 CFR 1904 incorporated, reported to the OHSB)', () => {
  it('the federal clocks, addressed to the bureau', () => {
    const [death] = injuryDeadlines({ ...none, died: true }, t, t, 'new_mexico');
    expect([death.key, death.dueAt.toISOString()]).toEqual(['osha_8h', at(8).toISOString()]);
    expect(death.label).toContain('NMED OHSB');
    const [serious] = injuryDeadlines({ ...none, hospitalizedInpatient: true }, t, t, 'new_mexico');
    expect([serious.key, serious.dueAt.toISOString()]).toEqual(['osha_24h', at(24).toISOString()]);
    expect(reportableEvent({ ...none, died: true, diedAt: at(31 * 24) }, t, 'new_mexico')).toBeNull();
  });
});
