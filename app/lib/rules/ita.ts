// OSHA's Injury Tracking Application (ITA) CSV files, built from plain facts: the Form 300A
// summary file and the case data file (Forms 300 and 301), in the column names and value codes of
// OSHA's published ITA CSV templates and data dictionary (ARCHITECTURE.md: OSHA recordkeeping, ITA
// export; the version followed is named in the README). Pure: no db, Next or clock.
//
// ITA does not collect the employee's name or address, nor the physician or the treatment
// facility (29 CFR 1904.41(b)(9) leaves them out): no column here carries them.
import type { CaseClassification, CaseType, EstablishmentType } from './osha';
import { DAYS_CAP } from './osha';

/** The 300A summary template's header, in order. */
export const ITA_SUMMARY_COLUMNS = [
  'establishment_name', 'ein', 'company_name', 'street_address', 'city', 'state', 'zip', 'naics_code', 'industry_description',
  'size', 'establishment_type', 'year_filing_for', 'annual_average_employees', 'total_hours_worked', 'no_injuries_illnesses',
  'total_deaths', 'total_dafw_cases', 'total_djtr_cases', 'total_other_cases', 'total_dafw_days', 'total_djtr_days',
  'total_injuries', 'total_skin_disorders', 'total_respiratory_conditions', 'total_poisonings', 'total_hearing_loss',
  'total_other_illnesses', 'change_reason',
] as const;

/** The case data template's header (one row per recordable case: Form 300 and Form 301 fields), in order. */
export const ITA_CASE_COLUMNS = [
  'establishment_name', 'year_of_filing', 'case_number', 'job_title', 'date_of_incident', 'incident_location', 'incident_description',
  'incident_outcome', 'dafw_num_away', 'djtr_num_tr', 'type_of_incident', 'date_of_birth', 'date_of_hire', 'sex',
  'treatment_facility_type', 'treatment_in_patient', 'time_started_work', 'time_of_incident', 'time_unknown',
  'nar_before_incident', 'nar_what_happened', 'nar_injury_illness', 'nar_object_substance', 'date_of_death',
] as const;

export type ItaSummaryColumn = (typeof ITA_SUMMARY_COLUMNS)[number];
export type ItaCaseColumn = (typeof ITA_CASE_COLUMNS)[number];

/** The coded fields and the values the data dictionary allows (a blank is allowed where a field is optional). */
export const ITA_CODES = {
  size: ['1', '21', '22', '3'],
  establishment_type: ['1', '2', '3'],
  no_injuries_illnesses: ['1', '2'],
  incident_outcome: ['1', '2', '3', '4'],
  type_of_incident: ['1', '2', '3', '4', '5', '6'],
  sex: ['M', 'F', ''],
  treatment_facility_type: ['0', '1', ''],
  treatment_in_patient: ['0', '1', ''],
  time_unknown: ['0', '1'],
} as const;

export const OUTCOME_CODE: Record<CaseClassification, string> = { death: '1', days_away: '2', job_transfer_restriction: '3', other_recordable: '4' };
export const CASE_TYPE_CODE: Record<CaseType, string> = { injury: '1', skin_disorder: '2', respiratory: '3', poisoning: '4', hearing_loss: '5', other_illness: '6' };
export const ESTABLISHMENT_TYPE_CODE: Record<EstablishmentType, string> = { private: '1', state_government: '2', local_government: '3' };

/** ITA `size`, by the most employees at any one time: 1 (< 20), 21 (20–99), 22 (100–249), 3 (250 or more). */
export function itaSize(peakEmployees: number): '1' | '21' | '22' | '3' {
  if (peakEmployees < 20) return '1';
  if (peakEmployees < 100) return '21';
  if (peakEmployees < 250) return '22';
  return '3';
}

export type EstablishmentFacts = {
  name: string;
  companyName: string;
  ein: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  naicsCode: string;
  industryDescription: string;
  establishmentType: EstablishmentType;
  peakEmployees: number | null;
};

export type YearFacts = { year: number; annualAverageEmployees: number | null; totalHoursWorked: number | null };

/** One recordable case as the log holds it. Dates 'YYYY-MM-DD', times 'HH:MM'. */
export type CaseFacts = {
  /** Where to fix it: the injured person's id. */
  personId: string;
  caseNumber: string;
  jobTitle: string;
  dateOfIncident: string;
  timeOfIncident: string | null;
  location: string;
  classification: CaseClassification;
  caseType: CaseType | null;
  daysAway: number;
  daysRestricted: number;
  birthDate: string;
  hiredDate: string;
  sex: '' | 'male' | 'female';
  emergencyRoom: boolean | null;
  hospitalizedInpatient: boolean | null;
  timeBeganWork: string;
  activityBefore: string;
  howOccurred: string;
  injuryDescription: string;
  harmingObject: string;
  deathDate: string;
};

/** The 300A totals: columns G–J, K–L and M(1)–M(6) (29 CFR 1904.32(b)(2)). */
export type Totals = {
  deaths: number;
  dafwCases: number;
  djtrCases: number;
  otherCases: number;
  dafwDays: number;
  djtrDays: number;
  byType: Record<CaseType, number>;
};

export function summarize(cases: readonly Pick<CaseFacts, 'classification' | 'caseType' | 'daysAway' | 'daysRestricted'>[]): Totals {
  const t: Totals = {
    deaths: 0, dafwCases: 0, djtrCases: 0, otherCases: 0, dafwDays: 0, djtrDays: 0,
    byType: { injury: 0, skin_disorder: 0, respiratory: 0, poisoning: 0, hearing_loss: 0, other_illness: 0 },
  };
  for (const c of cases) {
    if (c.classification === 'death') t.deaths++;
    else if (c.classification === 'days_away') t.dafwCases++;
    else if (c.classification === 'job_transfer_restriction') t.djtrCases++;
    else t.otherCases++;
    t.dafwDays += Math.min(c.daysAway, DAYS_CAP);
    t.djtrDays += Math.min(c.daysRestricted, DAYS_CAP);
    if (c.caseType) t.byType[c.caseType]++;
  }
  return t;
}

export const totalCases = (t: Totals) => t.deaths + t.dafwCases + t.djtrCases + t.otherCases;
export const totalByType = (t: Totals) => Object.values(t.byType).reduce((a, b) => a + b, 0);

const digits = (v: string) => v.replace(/\D/g, '');
/** 'YYYY-MM-DD' → ITA's 'MM/DD/YYYY'; blank stays blank. */
export function itaDate(v: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v ?? '');
  return m ? `${m[2]}/${m[3]}/${m[1]}` : '';
}
const flag = (v: boolean | null) => (v === null ? '' : v ? '1' : '0');

export function summaryRow(e: EstablishmentFacts, y: YearFacts, t: Totals): Record<ItaSummaryColumn, string> {
  const n = totalCases(t);
  return {
    establishment_name: e.name,
    ein: digits(e.ein),
    company_name: e.companyName,
    street_address: e.street,
    city: e.city,
    state: e.state.toUpperCase(),
    zip: digits(e.zip),
    naics_code: e.naicsCode,
    industry_description: e.industryDescription,
    size: e.peakEmployees === null ? '' : itaSize(e.peakEmployees),
    establishment_type: ESTABLISHMENT_TYPE_CODE[e.establishmentType],
    year_filing_for: String(y.year),
    annual_average_employees: y.annualAverageEmployees === null ? '' : String(y.annualAverageEmployees),
    total_hours_worked: y.totalHoursWorked === null ? '' : String(y.totalHoursWorked),
    // 1: the establishment had injuries or illnesses this year; 2: it had none.
    no_injuries_illnesses: n > 0 ? '1' : '2',
    total_deaths: String(t.deaths),
    total_dafw_cases: String(t.dafwCases),
    total_djtr_cases: String(t.djtrCases),
    total_other_cases: String(t.otherCases),
    total_dafw_days: String(t.dafwDays),
    total_djtr_days: String(t.djtrDays),
    total_injuries: String(t.byType.injury),
    total_skin_disorders: String(t.byType.skin_disorder),
    total_respiratory_conditions: String(t.byType.respiratory),
    total_poisonings: String(t.byType.poisoning),
    total_hearing_loss: String(t.byType.hearing_loss),
    total_other_illnesses: String(t.byType.other_illness),
    change_reason: '',
  };
}

export function caseRow(e: Pick<EstablishmentFacts, 'name'>, year: number, c: CaseFacts): Record<ItaCaseColumn, string> {
  return {
    establishment_name: e.name,
    year_of_filing: String(year),
    case_number: c.caseNumber,
    job_title: c.jobTitle,
    date_of_incident: itaDate(c.dateOfIncident),
    incident_location: c.location,
    incident_description: c.injuryDescription,
    incident_outcome: OUTCOME_CODE[c.classification],
    dafw_num_away: c.classification === 'days_away' ? String(Math.min(c.daysAway, DAYS_CAP)) : '',
    djtr_num_tr: c.classification === 'days_away' || c.classification === 'job_transfer_restriction' ? String(Math.min(c.daysRestricted, DAYS_CAP)) : '',
    type_of_incident: c.caseType ? CASE_TYPE_CODE[c.caseType] : '',
    date_of_birth: itaDate(c.birthDate),
    date_of_hire: itaDate(c.hiredDate),
    sex: c.sex === 'male' ? 'M' : c.sex === 'female' ? 'F' : '',
    treatment_facility_type: flag(c.emergencyRoom),
    treatment_in_patient: flag(c.hospitalizedInpatient),
    time_started_work: c.timeBeganWork,
    time_of_incident: c.timeOfIncident ?? '',
    time_unknown: c.timeOfIncident ? '0' : '1',
    nar_before_incident: c.activityBefore,
    nar_what_happened: c.howOccurred,
    nar_injury_illness: c.injuryDescription,
    nar_object_substance: c.harmingObject,
    date_of_death: c.classification === 'death' ? itaDate(c.deathDate) : '',
  };
}

/** RFC 4180: CRLF line ends, a field quoted when it holds a comma, a quote or a line break (quotes doubled). */
export function toItaCsv<C extends string>(columns: readonly C[], rows: readonly Record<C, string>[]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

// ───────── validation: what ITA refuses, shown where it can be fixed ─────────

/** Characters ITA's file upload refuses in text fields. */
export const ITA_REFUSED_CHARACTERS = ['(', ')', '~', '@', '#', '$', '%', '^', '&', '*', '?', '/', '\\', '!'] as const;
const REFUSED_RE = /[()~@#$%^&*?/\\!]/g;

export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN',
  'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA',
  'WV', 'WI', 'WY', 'AS', 'GU', 'MP', 'PR', 'VI',
] as const;

/** Where a problem is fixed: the establishment's form, the year's figures, or one case (its report or its log entry). */
export type ItaProblem = {
  where: 'establishment' | 'year' | 'case' | 'totals';
  /** The app's field name, so the page can put the message by the input. */
  field: string;
  message: string;
  personId?: string;
};

function refused(v: string): string[] {
  return [...new Set(v.match(REFUSED_RE) ?? [])];
}

export function validateIta(e: EstablishmentFacts, y: YearFacts, cases: readonly CaseFacts[]): ItaProblem[] {
  const out: ItaProblem[] = [];
  const est = (field: string, message: string) => out.push({ where: 'establishment', field, message });
  const text = (push: (f: string, m: string) => void, field: string, label: string, v: string, max: number, required: boolean) => {
    if (required && !v.trim()) push(field, `${label} is required.`);
    if (v.length > max) push(field, `${label} must be at most ${max} characters (it has ${v.length}).`);
    const bad = refused(v);
    if (bad.length) push(field, `${label} has characters ITA refuses: ${bad.join(' ')}`);
    // The files are also opened in spreadsheets: a cell starting like a formula would run there.
    if (/^[=+\-\t\r]/.test(v)) push(field, `${label} starts with = + - or a tab, which a spreadsheet would run as a formula.`);
  };

  text(est, 'name', 'The establishment name', e.name, 100, true);
  text(est, 'companyName', 'The company name', e.companyName, 100, true);
  text(est, 'street', 'The street address', e.street, 100, true);
  text(est, 'city', 'The city', e.city, 100, true);
  text(est, 'industryDescription', 'The industry description', e.industryDescription, 300, false);
  if (!/^\d{9}$/.test(digits(e.ein)) || digits(e.ein).length !== e.ein.replace(/[\s-]/g, '').length) est('ein', 'The EIN must be 9 digits (12-3456789).');
  if (!(US_STATES as readonly string[]).includes(e.state.toUpperCase())) est('state', 'The state must be a two-letter US postal code (CA, NM, GA …).');
  const zip = digits(e.zip);
  if (!(zip.length === 5 || zip.length === 9) || zip.length !== e.zip.replace(/[\s-]/g, '').length) est('zip', 'The zip code must have 5 or 9 digits.');
  if (!/^\d{6}$/.test(e.naicsCode)) est('naicsCode', 'The NAICS code must have 6 digits (512110 for motion picture production).');
  if (e.peakEmployees === null) est('peakEmployees', 'Give the most employees at any one time this year: ITA’s size comes from it.');

  const yr = (field: string, message: string) => out.push({ where: 'year', field, message });
  if (!y.annualAverageEmployees || y.annualAverageEmployees < 1) yr('annualAverageEmployees', 'The annual average number of employees is required (a whole number, at least 1).');
  if (!y.totalHoursWorked || y.totalHoursWorked < 1) yr('totalHoursWorked', 'The total hours worked by all employees is required (a whole number, at least 1).');
  // No one works more than every hour of the year: ITA refuses an average above 8,760 hours.
  if (y.annualAverageEmployees && y.totalHoursWorked && y.totalHoursWorked / y.annualAverageEmployees > 8760) {
    yr('totalHoursWorked', 'The total hours worked divided by the average employees is more than 8,760 hours (a whole year): check both figures.');
  }

  for (const c of cases) {
    const push = (field: string, message: string) => out.push({ where: 'case', field, message, personId: c.personId });
    text(push, 'caseNumber', 'The case number', c.caseNumber, 100, true);
    text(push, 'jobTitle', 'The job title', c.jobTitle, 100, true);
    text(push, 'location', 'Where the event occurred', c.location, 100, true);
    text(push, 'injuryDescription', 'The injury or illness', c.injuryDescription, 1000, true);
    text(push, 'activityBefore', 'What the employee was doing', c.activityBefore, 1000, true);
    text(push, 'howOccurred', 'What happened', c.howOccurred, 1000, true);
    text(push, 'harmingObject', 'The object or substance', c.harmingObject, 1000, true);
    if (!c.dateOfIncident.startsWith(`${y.year}-`)) push('dateOfIncident', `The date of the injury is not in ${y.year}.`);
    if (!c.caseType) push('caseType', 'Choose the type of case (Form 300 column M).');
    if (c.classification === 'days_away' && c.daysAway < 1) push('daysAway', 'A days-away case needs the number of days away (at least 1).');
    if (c.classification === 'job_transfer_restriction' && c.daysRestricted < 1) push('daysRestricted', 'A job-transfer or restriction case needs the number of days (at least 1).');
    if (c.classification === 'death' && !c.deathDate) push('deathDate', 'A death case needs the date of death.');
    if (c.timeBeganWork && !/^\d{2}:\d{2}$/.test(c.timeBeganWork)) push('timeBeganWork', 'The time the employee began work must look like 07:30.');
  }

  // The 300A's two ways of counting the same cases must agree: outcomes (G–J) and types (M1–M6).
  const t = summarize(cases);
  if (totalCases(t) !== totalByType(t)) {
    out.push({ where: 'totals', field: 'byType', message: `The cases by outcome (${totalCases(t)}) and by type (${totalByType(t)}) must be equal: give every case its type.` });
  }
  return out;
}
