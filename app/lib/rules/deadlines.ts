import { DAY, HOUR } from '../time';

// Legal clocks on injury incidents (29 CFR 1904.39):
// a death is reported to OSHA within 8 hours; an in-patient hospitalisation, amputation or loss of
// an eye within 24 hours; Form 301 is completed within 7 calendar days.

export type InjuryFacts = {
  died: boolean;
  hospitalizedInpatient: boolean | null;
  amputation: boolean;
  lossOfEye: boolean;
  oshaReportedAt: Date | null;
  form301CompletedAt: Date | null;
};

export type DeadlineState = 'met' | 'met_late' | 'open' | 'overdue';
export type Deadline = { key: 'osha_8h' | 'osha_24h' | 'form_301'; label: string; dueAt: Date; doneAt: Date | null; state: DeadlineState };

function state(dueAt: Date, doneAt: Date | null, now: Date): DeadlineState {
  if (doneAt) return doneAt.getTime() <= dueAt.getTime() ? 'met' : 'met_late';
  return now.getTime() > dueAt.getTime() ? 'overdue' : 'open';
}

/** The clocks that apply, from when the injury happened (or was learned of). */
export function injuryDeadlines(f: InjuryFacts, occurredAt: Date, now: Date): Deadline[] {
  const t = occurredAt.getTime();
  const out: Deadline[] = [];
  if (f.died) {
    const dueAt = new Date(t + 8 * HOUR);
    out.push({ key: 'osha_8h', label: 'Report the death to OSHA (8 hours)', dueAt, doneAt: f.oshaReportedAt, state: state(dueAt, f.oshaReportedAt, now) });
  } else if (f.hospitalizedInpatient || f.amputation || f.lossOfEye) {
    const dueAt = new Date(t + 24 * HOUR);
    out.push({
      key: 'osha_24h',
      label: 'Report the in-patient hospitalisation, amputation or loss of an eye to OSHA (24 hours)',
      dueAt,
      doneAt: f.oshaReportedAt,
      state: state(dueAt, f.oshaReportedAt, now),
    });
  }
  const formDue = new Date(t + 7 * DAY);
  out.push({ key: 'form_301', label: 'Complete OSHA Form 301 (7 days)', dueAt: formDue, doneAt: f.form301CompletedAt, state: state(formDue, f.form301CompletedAt, now) });
  return out;
}
