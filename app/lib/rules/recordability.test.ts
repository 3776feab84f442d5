import { describe, expect, it } from 'vitest';
import { decideRecordability, type RecordabilityFacts } from './recordability';

// The recordability decision of 29 CFR 1904.4-1904.7 and 1904.29(b)(7), with plain facts.
const blank: RecordabilityFacts = {
  workRelated: null, newCase: null, died: false, daysAwayFromWork: null, daysAway: null, restrictedOrTransferred: null, daysRestricted: null,
  medicalTreatment: null, firstAid: [], lossOfConsciousness: null, significantDiagnosis: null, caseType: null, privacyReason: null,
};
const answered: RecordabilityFacts = {
  ...blank, workRelated: true, newCase: true, daysAwayFromWork: false, restrictedOrTransferred: false, medicalTreatment: false, lossOfConsciousness: false, significantDiagnosis: false, caseType: 'injury',
};

describe('decideRecordability', () => {
  it('nothing answered: undecided, naming every question', () => {
    const d = decideRecordability(blank);
    expect(d.status).toBe('undecided');
    expect(d.missing).toEqual(['workRelated', 'newCase', 'daysAwayFromWork', 'restrictedOrTransferred', 'medicalTreatment', 'lossOfConsciousness', 'significantDiagnosis']);
  });
  it('not work-related (1904.5) or not a new case (1904.6): not recordable, whatever else', () => {
    expect(decideRecordability({ ...answered, workRelated: false, medicalTreatment: true })).toMatchObject({ status: 'not_recordable', classification: null });
    expect(decideRecordability({ ...answered, newCase: false, died: true }).reason).toContain('1904.6');
  });
  it('first aid only (1904.7(b)(5)(ii)): not recordable', () => {
    const d = decideRecordability({ ...answered, firstAid: ['C', 'D', 'E'] });
    expect(d).toMatchObject({ status: 'not_recordable', classification: null });
    expect(d.reason).toContain('First aid only');
  });
  it('each general criterion makes it recordable, classified by the most serious outcome (columns G-J)', () => {
    expect(decideRecordability({ ...answered, died: true, daysAwayFromWork: true, daysAway: 4 })).toMatchObject({ status: 'recordable', classification: 'death' });
    expect(decideRecordability({ ...answered, daysAwayFromWork: true, daysAway: 4, restrictedOrTransferred: true, daysRestricted: 2 })).toMatchObject({ classification: 'days_away', daysAway: 4, daysRestricted: 2 });
    expect(decideRecordability({ ...answered, restrictedOrTransferred: true, daysRestricted: 9 })).toMatchObject({ classification: 'job_transfer_restriction', daysAway: 0, daysRestricted: 9 });
    for (const k of ['medicalTreatment', 'lossOfConsciousness', 'significantDiagnosis'] as const) {
      expect(decideRecordability({ ...answered, [k]: true })).toMatchObject({ status: 'recordable', classification: 'other_recordable' });
    }
  });
  it('a met criterion decides even when other criteria are unanswered', () => {
    expect(decideRecordability({ ...answered, medicalTreatment: true, lossOfConsciousness: null })).toMatchObject({ status: 'recordable' });
    expect(decideRecordability({ ...answered, lossOfConsciousness: null })).toMatchObject({ status: 'undecided', missing: ['lossOfConsciousness'] });
  });
  it('work-related and new case must be answered before anything is recorded', () => {
    expect(decideRecordability({ ...answered, workRelated: null, died: true })).toMatchObject({ status: 'undecided', missing: ['workRelated'] });
  });
  it('days away and restricted are capped at 180 (1904.7(b)(3)(vii))', () => {
    expect(decideRecordability({ ...answered, daysAwayFromWork: true, daysAway: 240, restrictedOrTransferred: true, daysRestricted: 181 })).toMatchObject({ daysAway: 180, daysRestricted: 180 });
  });
  it('a recordable case without its type (column M) names the missing column', () => {
    expect(decideRecordability({ ...answered, caseType: null, medicalTreatment: true }).missing).toEqual(['caseType']);
  });
  it('a privacy case (1904.29(b)(7)) keeps the name off the log', () => {
    expect(decideRecordability({ ...answered, medicalTreatment: true, privacyReason: 'contaminated_sharps' }).privacyCase).toBe(true);
    expect(decideRecordability({ ...answered, medicalTreatment: true }).privacyCase).toBe(false);
  });
});
