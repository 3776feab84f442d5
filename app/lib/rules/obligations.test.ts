import { describe, expect, it } from 'vitest';
import { obligationsFor, partiallyExemptIndustry, type ObligationFacts } from './obligations';

// Which OSHA obligations apply to an establishment, and why (README: OSHA recordkeeping sources).

const film: ObligationFacts = { naicsCode: '512110', state: 'NM', jurisdiction: 'federal', peakEmployees: 140, writtenRequest: '' };
const status = (f: ObligationFacts) => Object.fromEntries(obligationsFor(f).map((o) => [o.key, o.status]));
const rule = (f: ObligationFacts, key: string) => obligationsFor(f).find((o) => o.key === key)?.rule;

describe('obligationsFor', () => {
  it('motion picture production (NAICS 5121) is partially exempt federally: no routine log, 300A or ITA, but deaths and 24-hour events are always reported', () => {
    expect(status(film)).toEqual({ report: 'required', keep_log: 'not_required', post_300a: 'not_required', submit_ita: 'not_required' });
    expect(rule(film, 'keep_log')).toBe('29 CFR 1904.2 and appendix A to subpart B');
    expect(rule(film, 'report')).toBe('29 CFR 1904.39');
    expect(partiallyExemptIndustry('512191')).toBe('5121 Motion Picture and Video Industries');
  });

  it('a written request from OSHA or BLS makes the log and the ITA submission required, and says so', () => {
    const asked = { ...film, writtenRequest: 'OSHA letter of 2026-01-12' };
    expect(status(asked)).toMatchObject({ keep_log: 'required', post_300a: 'required', submit_ita: 'required' });
    expect(obligationsFor(asked).find((o) => o.key === 'submit_ita')?.why).toContain('OSHA letter of 2026-01-12');
    expect(rule(asked, 'submit_ita')).toBe('29 CFR 1904.41(a)(3)');
  });

  it('a studio establishment with another NAICS keeps the log; 250 or more submit the 300A through ITA', () => {
    const studio = { ...film, naicsCode: '531120', peakEmployees: 300 };
    expect(status(studio)).toMatchObject({ keep_log: 'required', post_300a: 'required', submit_ita: 'required' });
    expect(rule(studio, 'submit_ita')).toBe('29 CFR 1904.41(a)(1)(ii)');
  });

  it('20–249 employees in a non-exempt industry: check appendix A to subpart E; under 20: no routine submission', () => {
    expect(status({ ...film, naicsCode: '531120', peakEmployees: 60 }).submit_ita).toBe('check');
    expect(status({ ...film, naicsCode: '531120', peakEmployees: 15 }).submit_ita).toBe('not_required');
  });

  it('10 or fewer employees at all times is partially exempt for size (1904.1); unknown size asks for it', () => {
    expect(status({ ...film, naicsCode: '531120', peakEmployees: 10 })).toMatchObject({ keep_log: 'not_required', submit_ita: 'not_required' });
    expect(rule({ ...film, peakEmployees: 10 }, 'keep_log')).toBe('29 CFR 1904.1');
    expect(status({ ...film, peakEmployees: null })).toMatchObject({ keep_log: 'check', submit_ita: 'check' });
  });

  it('California: Cal/OSHA’s own exemption table is not the federal one, so the log is kept; reports follow 8 CCR 342', () => {
    const ca = { ...film, state: 'CA', jurisdiction: 'california' as const };
    expect(status(ca)).toMatchObject({ report: 'required', keep_log: 'required', post_300a: 'required' });
    expect(rule(ca, 'keep_log')).toBe('8 CCR 14300.2');
    expect(rule(ca, 'report')).toBe('8 CCR 342; 29 CFR 1904.39');
    expect(rule({ ...ca, peakEmployees: 8 }, 'keep_log')).toBe('8 CCR 14300.1');
  });
});
