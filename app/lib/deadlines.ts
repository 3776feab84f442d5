// Legal clocks on injury incidents (DESIGN: injury privacy; DOMAIN.md section 6, 29 CFR 1904.39).
// Pure: `now` is a parameter. db/queries/dashboard.ts applies the same thresholds in SQL so
// only overdue incidents leave the database; `legalDeadlines` then names each one.
import { DAY, HOUR } from './time';

/** A death is reported to OSHA within 8 hours. */
export const OSHA_DEATH_MS = 8 * HOUR;
/** An in-patient hospitalisation, amputation or loss of an eye: within 24 hours. */
export const OSHA_SERIOUS_MS = 24 * HOUR;
/** Form 301 is completed within 7 calendar days of learning of the injury. */
export const FORM_301_MS = 7 * DAY;

export type InjuryClockFacts = {
  occurredAt: Date | null;
  reportedAt: Date;
  died: boolean;
  hospitalizedInpatient: boolean | null;
  amputation: boolean;
  lossOfEye: boolean;
  oshaReportedAt: Date | null;
  form301CompletedAt: Date | null;
};

export type DeadlineKind = 'osha_death' | 'osha_serious' | 'form301';
export type Deadline = { kind: DeadlineKind; label: string; dueAt: Date; doneAt: Date | null; overdue: boolean };

export function legalDeadlines(f: InjuryClockFacts, now: Date): Deadline[] {
  const out: Deadline[] = [];
  // The clock runs from the occurrence; a report without a time falls back to when it was filed.
  const from = (f.occurredAt ?? f.reportedAt).getTime();
  if (f.died) {
    out.push(make('osha_death', 'Report the death to OSHA (8 hours)', from + OSHA_DEATH_MS, f.oshaReportedAt, now));
  } else if (f.hospitalizedInpatient || f.amputation || f.lossOfEye) {
    out.push(make('osha_serious', 'Report to OSHA: in-patient hospitalisation, amputation or loss of an eye (24 hours)', from + OSHA_SERIOUS_MS, f.oshaReportedAt, now));
  }
  // "Within 7 calendar days of learning of it": learning = the filing.
  out.push(make('form301', 'Complete OSHA Form 301 (7 days)', f.reportedAt.getTime() + FORM_301_MS, f.form301CompletedAt, now));
  return out;
}

function make(kind: DeadlineKind, label: string, due: number, doneAt: Date | null, now: Date): Deadline {
  return { kind, label, dueAt: new Date(due), doneAt, overdue: doneAt === null && now.getTime() > due };
}
