import { DAYS_CAP, type CaseClassification, type CaseType, type FirstAid, type PrivacyReason } from './osha';

// The recordability decision of one case, step by step as 29 CFR 1904 asks it
// (ARCHITECTURE.md: OSHA recordkeeping): is it work-related (1904.5)? is it a new case (1904.6)?
// does it meet a general recording criterion (1904.7): death, days away from work, restricted
// work or job transfer, medical treatment beyond first aid, loss of consciousness, or a
// significant injury or illness diagnosed by a physician or other licensed health care
// professional? Unanswered questions (null) leave the decision open and are named.

export type RecordabilityFacts = {
  workRelated: boolean | null;
  newCase: boolean | null;
  died: boolean;
  daysAwayFromWork: boolean | null;
  daysAway: number | null;
  restrictedOrTransferred: boolean | null;
  daysRestricted: number | null;
  /** Treatment beyond the first-aid list of 1904.7(b)(5)(ii). */
  medicalTreatment: boolean | null;
  /** Treatment given that is on the first-aid list: on its own it does not make a case recordable. */
  firstAid: readonly FirstAid[];
  lossOfConsciousness: boolean | null;
  significantDiagnosis: boolean | null;
  caseType: CaseType | null;
  privacyReason: PrivacyReason | null;
};

export type RecordabilityQuestion =
  | 'workRelated' | 'newCase' | 'daysAwayFromWork' | 'restrictedOrTransferred' | 'medicalTreatment' | 'lossOfConsciousness' | 'significantDiagnosis' | 'caseType';

export type RecordabilityDecision = {
  status: 'recordable' | 'not_recordable' | 'undecided';
  /** Why, with the paragraph of 29 CFR 1904 it rests on. */
  reason: string;
  /** Questions still to answer before the decision (or, for a recordable case, the log entry) is complete. */
  missing: RecordabilityQuestion[];
  classification: CaseClassification | null;
  /** Capped at 180 (1904.7(b)(3)(vii), (b)(4)(x)). */
  daysAway: number;
  daysRestricted: number;
  /** 1904.29(b)(7): "privacy case" stands on the log instead of the name. */
  privacyCase: boolean;
};

const cap = (n: number | null) => Math.min(Math.max(0, Math.floor(n ?? 0)), DAYS_CAP);

export function decideRecordability(f: RecordabilityFacts): RecordabilityDecision {
  const base = { daysAway: 0, daysRestricted: 0, classification: null, privacyCase: f.privacyReason !== null };
  if (f.workRelated === false) return { ...base, status: 'not_recordable', reason: 'Not work-related (29 CFR 1904.5): it is not recorded.', missing: [] };
  if (f.newCase === false) return { ...base, status: 'not_recordable', reason: 'Not a new case (29 CFR 1904.6): update the original case instead.', missing: [] };
  const gate: RecordabilityQuestion[] = [];
  if (f.workRelated === null) gate.push('workRelated');
  if (f.newCase === null) gate.push('newCase');

  const away = f.daysAwayFromWork === true;
  const restricted = f.restrictedOrTransferred === true;
  const met: string[] = [];
  if (f.died) met.push('death (1904.7(b)(2))');
  if (away) met.push('days away from work (1904.7(b)(3))');
  if (restricted) met.push('restricted work or job transfer (1904.7(b)(4))');
  if (f.medicalTreatment) met.push('medical treatment beyond first aid (1904.7(b)(5))');
  if (f.lossOfConsciousness) met.push('loss of consciousness (1904.7(b)(6))');
  if (f.significantDiagnosis) met.push('a significant injury or illness diagnosed by a physician or other licensed health care professional (1904.7(b)(7))');

  const unanswered = (['daysAwayFromWork', 'restrictedOrTransferred', 'medicalTreatment', 'lossOfConsciousness', 'significantDiagnosis'] as const).filter((k) => f[k] === null);
  if (gate.length) return { ...base, status: 'undecided', reason: 'Answer whether the case is work-related and new first.', missing: [...gate, ...unanswered] };

  if (met.length === 0) {
    if (unanswered.length) return { ...base, status: 'undecided', reason: 'Answer each general recording criterion (29 CFR 1904.7).', missing: unanswered };
    const reason = f.firstAid.length
      ? 'First aid only (29 CFR 1904.7(b)(5)(ii)) and no other general recording criterion: not recordable.'
      : 'No general recording criterion of 29 CFR 1904.7 is met: not recordable.';
    return { ...base, status: 'not_recordable', reason, missing: [] };
  }

  // Form 300 columns G–J: the most serious outcome (1904.29(b)(1), instructions of Form 300).
  const classification: CaseClassification = f.died ? 'death' : away ? 'days_away' : restricted ? 'job_transfer_restriction' : 'other_recordable';
  return {
    status: 'recordable',
    reason: `Recordable: work-related, a new case, and ${met.join('; ')}.`,
    missing: f.caseType ? [] : ['caseType'],
    classification,
    daysAway: away ? cap(f.daysAway) : 0,
    daysRestricted: restricted ? cap(f.daysRestricted) : 0,
    privacyCase: f.privacyReason !== null,
  };
}
