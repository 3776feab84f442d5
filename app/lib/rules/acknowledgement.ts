// Rule 7: acknowledgement and escalation. A critical signal waits for a producer's
// acknowledgement; unacknowledged after the production's first window it is re-sent to every
// producer and the armorer; after a second window it goes to the production's safety contacts and
// everyone on the show is shown the industry hotline. Plain facts and `now` in, due steps out:
// the live escalation run and the Rust replay call the same functions.
import type { IncidentType } from '../enums';
import type { InjuryFacts } from './deadlines';

const MINUTE = 60_000;

export const SIGNAL_KINDS = ['hold_called', 'live_ammunition', 'accidental_discharge', 'custody_breach', 'pattern', 'injury_clock'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const SIGNAL_LABELS: Record<SignalKind, string> = {
  hold_called: 'Stop-work hold called',
  live_ammunition: 'Live ammunition found',
  accidental_discharge: 'Accidental discharge',
  custody_breach: 'Custody breach',
  pattern: 'Pattern of firearm incidents (rule 3)',
  injury_clock: 'Injury with a legal clock',
};

export const SAFETY_CONTACT_KINDS = ['studio_safety_rep', 'safety_advisor', 'other'] as const;
export type SafetyContactKind = (typeof SAFETY_CONTACT_KINDS)[number];
export const SAFETY_CONTACT_LABELS: Record<SafetyContactKind, string> = {
  studio_safety_rep: 'Studio safety representative',
  safety_advisor: 'Safety advisor',
  other: 'Other',
};

export const ESCALATION_STEPS = ['resend', 'contacts'] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];

export type EscalationSettings = {
  /** Minutes from raising to the re-send to every producer and the armorer. */
  resendAfterMinutes: number;
  /** Minutes from the re-send to the safety contacts and the hotline. */
  contactsAfterMinutes: number;
};

export const DEFAULT_ESCALATION: EscalationSettings = { resendAfterMinutes: 15, contactsAfterMinutes: 15 };
/** Bounds a producer may choose: a window of a minute up to a working day. */
export const WINDOW_MIN_MINUTES = 1;
export const WINDOW_MAX_MINUTES = 12 * 60;

/** The industry hotline everyone on the show sees once a signal has gone to the safety contacts. */
export const HOTLINE = { name: 'IATSE Safety Hotline', display: '844-IA-AWARE', digits: '844-422-9273', tel: 'tel:+18444229273' } as const;

export type SignalFact = {
  id: string;
  kind: SignalKind;
  /** When the signal's clock started (the start of the local day for an anonymous report). */
  raisedAt: Date;
  acknowledgedAt: Date | null;
  resentAt: Date | null;
  contactsAt: Date | null;
};

export type DueStep = { signalId: string; step: EscalationStep; dueAt: Date };

/** When each step falls due for a signal raised at `raisedAt`. */
export function escalationSchedule(raisedAt: Date, settings: EscalationSettings): Record<EscalationStep, Date> {
  const resend = raisedAt.getTime() + settings.resendAfterMinutes * MINUTE;
  return { resend: new Date(resend), contacts: new Date(resend + settings.contactsAfterMinutes * MINUTE) };
}

/**
 * The steps due now and not yet taken, in order. Nothing is due once a producer acknowledged;
 * a step already recorded is never due again, so a run repeated after a restart does nothing twice.
 * The contact step waits for the re-send: if both windows passed while nothing ran, both are due.
 */
export function dueEscalations(s: SignalFact, settings: EscalationSettings, now: Date): DueStep[] {
  if (s.acknowledgedAt) return [];
  const at = escalationSchedule(s.raisedAt, settings);
  const out: DueStep[] = [];
  if (!s.resentAt && now.getTime() >= at.resend.getTime()) out.push({ signalId: s.id, step: 'resend', dueAt: at.resend });
  const resent = !!s.resentAt || out.length > 0;
  if (resent && !s.contactsAt && now.getTime() >= at.contacts.getTime()) out.push({ signalId: s.id, step: 'contacts', dueAt: at.contacts });
  return out;
}

/** Where a signal stands, for the record and the overview. */
export type SignalState = 'acknowledged' | 'waiting' | 'resent' | 'escalated';
export function signalState(s: Pick<SignalFact, 'acknowledgedAt' | 'resentAt' | 'contactsAt'>): SignalState {
  if (s.acknowledgedAt) return 'acknowledged';
  if (s.contactsAt) return 'escalated';
  if (s.resentAt) return 'resent';
  return 'waiting';
}

/** Rule 7: the hotline is shown once a signal went to the safety contacts, acknowledged or not. */
export function showsHotline(s: Pick<SignalFact, 'contactsAt'>): boolean {
  return s.contactsAt !== null;
}

/** Whether an injury carries an OSHA reporting clock (8 h for a death, 24 h otherwise: rules/deadlines). */
export function hasLegalClock(f: Pick<InjuryFacts, 'died' | 'hospitalizedInpatient' | 'amputation' | 'lossOfEye'>): boolean {
  return f.died || f.hospitalizedInpatient === true || f.amputation || f.lossOfEye;
}

/** The critical signals a filed incident raises (rule 7); the rule-3 pattern is raised by its flag. */
export function signalsForIncident(i: { type: IncidentType; injury?: Pick<InjuryFacts, 'died' | 'hospitalizedInpatient' | 'amputation' | 'lossOfEye'> | null }): SignalKind[] {
  const out: SignalKind[] = [];
  if (i.type === 'live_ammunition_found') out.push('live_ammunition');
  if (i.type === 'accidental_discharge') out.push('accidental_discharge');
  if (i.type === 'custody_breach') out.push('custody_breach');
  if (i.injury && hasLegalClock(i.injury)) out.push('injury_clock');
  return out;
}

/** Rule-1 kinds always come with a hold; the hold itself is covered by the incident's signal. */
export function isRule1Signal(kind: SignalKind): boolean {
  return kind === 'live_ammunition' || kind === 'accidental_discharge';
}

export function signalTitle(kind: SignalKind, subject: string): string {
  return `Critical: ${SIGNAL_LABELS[kind].toLowerCase()} — ${subject}`;
}

