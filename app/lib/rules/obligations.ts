// Which OSHA recordkeeping obligations apply to one establishment, and why, with the rule cited
// (ARCHITECTURE.md: OSHA recordkeeping, obligations). Pure. SetSafe keeps the records either way:
// this says what the law asks, not what the app stores.
//
// Encoded, as verified (README: OSHA recordkeeping sources):
// - 29 CFR 1904.1: a company with 10 or fewer employees at all times in the last calendar year
//   need not keep the records unless OSHA or BLS asks in writing (1904.41, 1904.42).
// - 29 CFR 1904.2 and its appendix A to subpart B: partially exempt industries, per establishment.
//   SetSafe encodes only the motion picture entry (NAICS 5121, Motion Picture and Video
//   Industries); any other code is treated as not exempt, so the answer errs towards keeping them.
// - 29 CFR 1904.41: electronic submission through ITA — (a)(1)(i) 20–249 employees in the
//   industries of appendix A to subpart E, (a)(1)(ii) 250 or more in an industry that must keep
//   records, (a)(2) 100 or more in appendix B also send the 300/301 case data (the appendices to
//   subpart E are not encoded: SetSafe says to check); (a)(3) whenever OSHA asks in writing.
// - California (8 CCR 14300.1, 14300.2): the same size exemption; Cal/OSHA's own table of
//   partially exempt industries (14300.2, appendix A, table 1) is not encoded, so a California
//   establishment is told to keep the log.
// - Every employer, exempt or not, reports a death and the 24-hour events (1904.39; 8 CCR 342).
import type { Jurisdiction } from './osha';

export type ObligationFacts = {
  naicsCode: string;
  /** Two-letter state of the establishment. */
  state: string;
  jurisdiction: Jurisdiction;
  /** The most employees at any one time in the last calendar year (company-wide for 1904.1). */
  peakEmployees: number | null;
  /** A written request from OSHA or BLS, as recorded; empty when none. */
  writtenRequest: string;
};

export type ObligationStatus = 'required' | 'not_required' | 'check';
export type Obligation = { key: 'report' | 'keep_log' | 'post_300a' | 'submit_ita'; label: string; status: ObligationStatus; why: string; rule: string };

/** NAICS industry groups partially exempt under appendix A to subpart B of 29 CFR 1904, as encoded here. */
export const PARTIALLY_EXEMPT_NAICS: Readonly<Record<string, string>> = { '5121': 'Motion Picture and Video Industries' };

export function partiallyExemptIndustry(naicsCode: string): string | null {
  const group = naicsCode.slice(0, 4);
  return PARTIALLY_EXEMPT_NAICS[group] ? `${group} ${PARTIALLY_EXEMPT_NAICS[group]}` : null;
}

export function obligationsFor(f: ObligationFacts): Obligation[] {
  const california = f.jurisdiction === 'california' || f.state.toUpperCase() === 'CA';
  const request = f.writtenRequest.trim();
  const out: Obligation[] = [{
    key: 'report',
    label: 'Report a death, and an in-patient hospitalisation, amputation or loss of an eye',
    status: 'required',
    why: 'Every employer, whatever its size or industry.',
    rule: california ? '8 CCR 342; 29 CFR 1904.39' : '29 CFR 1904.39',
  }];

  let keep: { status: ObligationStatus; why: string; rule: string };
  const exemptIndustry = partiallyExemptIndustry(f.naicsCode);
  if (request) keep = { status: 'required', why: `Asked in writing: ${request}.`, rule: california ? '8 CCR 14300.41, 14300.42; 29 CFR 1904.41(a)(3), 1904.42' : '29 CFR 1904.41(a)(3), 1904.42' };
  else if (f.peakEmployees === null) keep = { status: 'check', why: 'Give the most employees at any one time last year: 10 or fewer at all times is partially exempt.', rule: california ? '8 CCR 14300.1' : '29 CFR 1904.1' };
  else if (f.peakEmployees <= 10) keep = { status: 'not_required', why: `At most ${f.peakEmployees} employees at any time: partially exempt for size, unless asked in writing.`, rule: california ? '8 CCR 14300.1' : '29 CFR 1904.1' };
  else if (california) keep = { status: 'required', why: 'California keeps its own table of partially exempt industries, which SetSafe does not encode: keep the log unless Cal/OSHA’s table lists this establishment’s industry.', rule: '8 CCR 14300.2' };
  else if (exemptIndustry) keep = { status: 'not_required', why: `NAICS ${exemptIndustry} is a partially exempt industry: no routine log unless asked in writing.`, rule: '29 CFR 1904.2 and appendix A to subpart B' };
  else keep = { status: 'required', why: `NAICS ${f.naicsCode} is not on the partially exempt list SetSafe encodes, and the company had more than 10 employees.`, rule: '29 CFR 1904.1, 1904.2' };

  out.push({ key: 'keep_log', label: 'Keep the Form 300 log and a Form 301 per case', ...keep });
  out.push({
    key: 'post_300a',
    label: 'Post the Form 300A summary from February 1 to April 30',
    status: keep.status,
    why: keep.status === 'required' ? 'Whoever keeps the log posts its summary, even with no cases.' : keep.why,
    rule: california ? '8 CCR 14300.32' : '29 CFR 1904.32',
  });

  let ita: { status: ObligationStatus; why: string; rule: string };
  if (request) ita = { status: 'required', why: `Asked in writing: ${request}.`, rule: '29 CFR 1904.41(a)(3)' };
  else if (keep.status === 'not_required') ita = { status: 'not_required', why: 'Partially exempt from keeping records, and not asked in writing.', rule: '29 CFR 1904.41(a)(1)–(a)(2)' };
  else if (f.peakEmployees === null) ita = { status: 'check', why: 'Give the establishment’s size: 250 or more employees submit the 300A; 20–249 in the listed industries.', rule: '29 CFR 1904.41(a)' };
  else if (f.peakEmployees >= 250) ita = { status: 'required', why: `${f.peakEmployees} employees: 250 or more in an industry that keeps records submits the 300A each year by March 2.`, rule: '29 CFR 1904.41(a)(1)(ii)' };
  else if (f.peakEmployees >= 20) ita = { status: 'check', why: `${f.peakEmployees} employees: 20–249 submit when the industry is listed in appendix A to subpart E (and 100 or more in appendix B also send the 300 and 301 case data). Check NAICS ${f.naicsCode} there.`, rule: '29 CFR 1904.41(a)(1)(i), (a)(2) and appendices A and B to subpart E' };
  else ita = { status: 'not_required', why: `${f.peakEmployees} employees: under 20, no routine submission unless asked in writing.`, rule: '29 CFR 1904.41(a)' };
  out.push({ key: 'submit_ita', label: 'Submit through OSHA’s Injury Tracking Application (ITA)', ...ita });
  return out;
}
