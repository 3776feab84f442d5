import { DAY, HOUR } from '../time';
import type { Jurisdiction } from './osha';

// Legal clocks of one injured person (ARCHITECTURE.md: OSHA recordkeeping).
// Federal OSHA, 29 CFR 1904.39: a death is reported within 8 hours of the death, an in-patient
// hospitalisation, amputation or loss of an eye within 24 hours; when the employer learns of it
// later, the clock runs from learning of it (1904.39(b)(7)-(8)); a death more than 30 days after
// the incident, or a 24-hour event more than 24 hours after it, need not be reported
// (1904.39(b)(6)) — it is still recorded.
// New Mexico incorporates 29 CFR 1904 (11.5.1.16 NMAC): the same clocks, reported to the OHSB.
// California, 8 CCR 342(a): a death or serious injury or illness (in-patient hospitalisation
// other than for observation, amputation, loss of an eye) is reported within 8 hours of when the
// employer knows of it; no 30-day limit is written there.
// Form 301 is completed within 7 calendar days of learning of a recordable case (1904.29(b)(3)).

export type InjuryFacts = {
  died: boolean;
  hospitalizedInpatient: boolean | null;
  amputation: boolean;
  lossOfEye: boolean;
  oshaReportedAt: Date | null;
  form301CompletedAt: Date | null;
  /** When the person died, if known; the incident's time stands in (the earlier, stricter start). */
  diedAt?: Date | null;
  /** When the employer learned of the death or the serious injury, if later than the event. */
  learnedAt?: Date | null;
};

export type DeadlineState = 'met' | 'met_late' | 'open' | 'overdue';
export type Deadline = { key: 'osha_8h' | 'osha_24h' | 'form_301'; label: string; dueAt: Date; doneAt: Date | null; state: DeadlineState };

const AGENCY: Record<Jurisdiction, string> = { federal: 'OSHA', california: 'Cal/OSHA', new_mexico: 'the NMED OHSB' };
const FEDERAL_DEATH_WINDOW = 30 * DAY;

function state(dueAt: Date, doneAt: Date | null, now: Date): DeadlineState {
  if (doneAt) return doneAt.getTime() <= dueAt.getTime() ? 'met' : 'met_late';
  return now.getTime() > dueAt.getTime() ? 'overdue' : 'open';
}

/** The later of the event and the moment the employer learned of it. */
function startOf(event: Date, learnedAt: Date | null | undefined): number {
  return Math.max(event.getTime(), learnedAt ? learnedAt.getTime() : -Infinity);
}

/** Whether the death or serious injury must be reported at all under the jurisdiction's rule. */
export function reportableEvent(f: InjuryFacts, occurredAt: Date, jurisdiction: Jurisdiction = 'federal'): 'death' | 'serious' | null {
  if (f.died) {
    const late = f.diedAt && f.diedAt.getTime() - occurredAt.getTime() > FEDERAL_DEATH_WINDOW;
    return late && jurisdiction !== 'california' ? null : 'death';
  }
  return f.hospitalizedInpatient || f.amputation || f.lossOfEye ? 'serious' : null;
}

/** The clocks that apply to one injured person, from the death or the event, or from learning of it. */
export function injuryDeadlines(f: InjuryFacts, occurredAt: Date, now: Date, jurisdiction: Jurisdiction = 'federal'): Deadline[] {
  const out: Deadline[] = [];
  const agency = AGENCY[jurisdiction];
  const event = reportableEvent(f, occurredAt, jurisdiction);
  if (event === 'death') {
    const dueAt = new Date(startOf(f.diedAt ?? occurredAt, f.learnedAt) + 8 * HOUR);
    out.push({ key: 'osha_8h', label: `Report the death to ${agency} (8 hours)`, dueAt, doneAt: f.oshaReportedAt, state: state(dueAt, f.oshaReportedAt, now) });
  } else if (event === 'serious') {
    const hours = jurisdiction === 'california' ? 8 : 24;
    const dueAt = new Date(startOf(occurredAt, f.learnedAt) + hours * HOUR);
    out.push({
      key: hours === 8 ? 'osha_8h' : 'osha_24h',
      label: jurisdiction === 'california'
        ? 'Report the serious injury (in-patient hospitalisation, amputation or loss of an eye) to Cal/OSHA (8 hours)'
        : `Report the in-patient hospitalisation, amputation or loss of an eye to ${agency} (24 hours)`,
      dueAt,
      doneAt: f.oshaReportedAt,
      state: state(dueAt, f.oshaReportedAt, now),
    });
  }
  const formDue = new Date(startOf(occurredAt, f.learnedAt) + 7 * DAY);
  out.push({ key: 'form_301', label: 'Complete OSHA Form 301 (7 days)', dueAt: formDue, doneAt: f.form301CompletedAt, state: state(formDue, f.form301CompletedAt, now) });
  return out;
}
