import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ITA_CASE_COLUMNS, ITA_CODES, ITA_SUMMARY_COLUMNS, caseRow, itaDate, itaSize, summarize, summaryRow, toItaCsv, validateIta,
  type CaseFacts, type EstablishmentFacts, type YearFacts,
} from './ita';

// The ITA CSV files against OSHA's published templates (README: OSHA recordkeeping sources): the
// header of each template, every coded field's allowed values, and a golden file for a known log.

const GOLDEN = path.join(path.dirname(new URL(import.meta.url).pathname), 'golden');

// The templates' header rows, as published (one string each, so a reordering shows).
const SUMMARY_TEMPLATE = 'establishment_name,ein,company_name,street_address,city,state,zip,naics_code,industry_description,size,establishment_type,year_filing_for,annual_average_employees,total_hours_worked,no_injuries_illnesses,total_deaths,total_dafw_cases,total_djtr_cases,total_other_cases,total_dafw_days,total_djtr_days,total_injuries,total_skin_disorders,total_respiratory_conditions,total_poisonings,total_hearing_loss,total_other_illnesses,change_reason';
const CASE_TEMPLATE = 'establishment_name,year_of_filing,case_number,job_title,date_of_incident,incident_location,incident_description,incident_outcome,dafw_num_away,djtr_num_tr,type_of_incident,date_of_birth,date_of_hire,sex,treatment_facility_type,treatment_in_patient,time_started_work,time_of_incident,time_unknown,nar_before_incident,nar_what_happened,nar_injury_illness,nar_object_substance,date_of_death';

const est: EstablishmentFacts = {
  name: 'Stage 4', companyName: 'Bonanza Creek Pictures LLC', ein: '12-3456789', street: '1 Ranch Road', city: 'Santa Fe', state: 'nm', zip: '87507',
  naicsCode: '512110', industryDescription: 'Motion Picture and Video Production', establishmentType: 'private', peakEmployees: 140,
};
const year: YearFacts = { year: 2026, annualAverageEmployees: 120, totalHoursWorked: 180000 };
const base: CaseFacts = {
  personId: 'p1', caseNumber: '7-1', jobTitle: 'Camera operator', dateOfIncident: '2026-10-21', timeOfIncident: '13:48', location: 'Church set',
  classification: 'death', caseType: 'injury', daysAway: 0, daysRestricted: 0, birthDate: '1979-04-10', hiredDate: '2026-10-01', sex: 'female',
  emergencyRoom: true, hospitalizedInpatient: false, timeBeganWork: '06:30', activityBefore: 'Setting up a camera angle, rehearsal',
  howOccurred: 'A revolver held by an actor discharged a live round', injuryDescription: 'Gunshot wound, chest', harmingObject: 'A live round from a revolver',
  deathDate: '2026-10-21',
};
const cases: CaseFacts[] = [
  base,
  { ...base, personId: 'p2', caseNumber: '7-2', jobTitle: 'Director', classification: 'days_away', daysAway: 12, sex: 'male', emergencyRoom: null, hospitalizedInpatient: true, injuryDescription: 'Gunshot wound, shoulder, "through and through"', harmingObject: 'The same round, after it passed through', deathDate: '', timeOfIncident: null },
  { ...base, personId: 'p3', caseNumber: '9-1', jobTitle: 'Grip', dateOfIncident: '2026-11-02', classification: 'job_transfer_restriction', daysRestricted: 400, caseType: 'skin_disorder', sex: '', deathDate: '' },
];

function parse(csv: string): string[][] {
  // RFC 4180, enough for the files made here: quoted fields may hold commas, quotes and line breaks.
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && csv[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  return rows;
}

describe('ITA CSV columns', () => {
  it('are the templates’ headers, in order', () => {
    expect(ITA_SUMMARY_COLUMNS.join(',')).toBe(SUMMARY_TEMPLATE);
    expect(ITA_CASE_COLUMNS.join(',')).toBe(CASE_TEMPLATE);
  });
  it('carry no employee name or address, physician or facility', () => {
    for (const c of [...ITA_SUMMARY_COLUMNS, ...ITA_CASE_COLUMNS]) expect(c).not.toMatch(/employee_name|address_of|physician|facility_name|health_care/);
  });
});

describe('ITA CSV files', () => {
  const t = summarize(cases);
  const summaryCsv = toItaCsv(ITA_SUMMARY_COLUMNS, [summaryRow(est, year, t)]);
  const casesCsv = toItaCsv(ITA_CASE_COLUMNS, cases.map((c) => caseRow(est, 2026, c)));

  it('match the golden files byte for byte', () => {
    expect(summaryCsv).toBe(fs.readFileSync(path.join(GOLDEN, 'ita-summary.csv'), 'utf8'));
    expect(casesCsv).toBe(fs.readFileSync(path.join(GOLDEN, 'ita-cases.csv'), 'utf8'));
  });

  it('parse back to the template header and only allowed codes', () => {
    for (const [csv, header] of [[summaryCsv, SUMMARY_TEMPLATE], [casesCsv, CASE_TEMPLATE]] as const) {
      const [head, ...rows] = parse(csv);
      expect(head.join(',')).toBe(header);
      for (const r of rows) {
        expect(r).toHaveLength(head.length);
        for (const [field, allowed] of Object.entries(ITA_CODES)) {
          const i = head.indexOf(field);
          if (i >= 0) expect(allowed as readonly string[], `${field} = ${r[i]}`).toContain(r[i]);
        }
      }
    }
  });

  it('sum the 300A: outcomes equal types, days capped at 180', () => {
    const [, row] = parse(summaryCsv);
    const v = (c: string) => Number(row[ITA_SUMMARY_COLUMNS.indexOf(c as (typeof ITA_SUMMARY_COLUMNS)[number])]);
    expect([v('total_deaths'), v('total_dafw_cases'), v('total_djtr_cases'), v('total_other_cases')]).toEqual([1, 1, 1, 0]);
    expect([v('total_dafw_days'), v('total_djtr_days')]).toEqual([12, 180]);
    expect(v('total_injuries') + v('total_skin_disorders')).toBe(3);
    expect(v('no_injuries_illnesses')).toBe(1);
    expect(v('size')).toBe(22);
  });

  it('write an empty year as "no injuries or illnesses" (2)', () => {
    expect(summaryRow(est, year, summarize([])).no_injuries_illnesses).toBe('2');
  });
});

describe('ITA codes', () => {
  it('size follows the employee bands', () => {
    expect([0, 19, 20, 99, 100, 249, 250].map(itaSize)).toEqual(['1', '1', '21', '21', '22', '22', '3']);
  });
  it('dates are MM/DD/YYYY', () => {
    expect(itaDate('2026-10-21')).toBe('10/21/2026');
    expect(itaDate('')).toBe('');
  });
});

describe('validateIta: what ITA refuses', () => {
  const fields = (ps: ReturnType<typeof validateIta>) => ps.map((p) => `${p.where}:${p.field}`);
  it('finds nothing in a complete log', () => {
    expect(validateIta(est, year, cases)).toEqual([]);
  });
  it('refuses characters ITA rejects, long names, bad EIN, zip, NAICS and state', () => {
    const bad = { ...est, name: 'Stage #4 (north)', companyName: 'x'.repeat(101), ein: '12345', zip: '8750', naicsCode: '5121', state: 'ZZ' };
    expect(fields(validateIta(bad, year, []))).toEqual(expect.arrayContaining([
      'establishment:name', 'establishment:companyName', 'establishment:ein', 'establishment:zip', 'establishment:naicsCode', 'establishment:state',
    ]));
    expect(validateIta(bad, year, []).find((p) => p.field === 'name')?.message).toContain('# ( )');
  });
  it('refuses a text that a spreadsheet opening the file would run as a formula', () => {
    const ps = validateIta({ ...est, city: '=HYPERLINK("x")' }, year, [{ ...base, jobTitle: '+cmd' }]);
    expect(fields(ps)).toEqual(expect.arrayContaining(['establishment:city', 'case:jobTitle']));
    expect(ps.find((p) => p.field === 'jobTitle')?.message).toContain('formula');
  });
  it('accepts a 9-digit zip and a dashed EIN', () => {
    expect(validateIta({ ...est, zip: '87507-1234', ein: '123456789' }, year, [])).toEqual([]);
  });
  it('needs the year’s figures and a believable ratio', () => {
    expect(fields(validateIta(est, { year: 2026, annualAverageEmployees: null, totalHoursWorked: null }, []))).toEqual(['year:annualAverageEmployees', 'year:totalHoursWorked']);
    expect(fields(validateIta(est, { year: 2026, annualAverageEmployees: 1, totalHoursWorked: 9000 }, []))).toEqual(['year:totalHoursWorked']);
  });
  it('needs every case’s type, so the totals by outcome equal the totals by type', () => {
    const ps = validateIta(est, year, [{ ...base, caseType: null }]);
    expect(fields(ps)).toEqual(['case:caseType', 'totals:byType']);
    expect(ps[1].message).toContain('(1) and by type (0)');
  });
  it('names the case, and the field, of each case problem', () => {
    const ps = validateIta(est, year, [{ ...base, jobTitle: '', howOccurred: 'Shot!', dateOfIncident: '2025-12-31', classification: 'days_away', daysAway: 0 }]);
    expect(ps.every((p) => p.personId === 'p1')).toBe(true);
    expect(fields(ps)).toEqual(['case:jobTitle', 'case:howOccurred', 'case:dateOfIncident', 'case:daysAway']);
  });
});
