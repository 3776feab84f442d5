// Rule 7 in the Rust replay: which records of an event would have raised a critical signal, and
// when, unacknowledged, it would have been re-sent and then taken to the safety contacts. On Rust
// no producer acted on the warnings, so each signal is replayed as never acknowledged; the steps are
// what dueEscalations (the function the live escalation run calls) returns. Pure.
import {
  DEFAULT_ESCALATION, dueEscalations, hasLegalClock, signalsForIncident, SIGNAL_LABELS,
  type DueStep, type EscalationSettings, type SignalKind,
} from '../rules';
import type { EventReplay } from './replay';
import type { RustEvent } from './types';

export type Rule7Signal = { kind: SignalKind; label: string; raisedAt: Date; steps: DueStep[] };

/** A day after the event: long enough for every step of an unacknowledged signal to fall due. */
const HORIZON_MS = 24 * 3_600_000;

export function rule7ForEvent(event: RustEvent, replay: EventReplay, settings: EscalationSettings = DEFAULT_ESCALATION): Rule7Signal[] {
  if (event.phase !== 'on-set') return [];
  const kinds: SignalKind[] = [];
  for (const r of event.records) {
    if (r.kind === 'incident') kinds.push(...signalsForIncident({ type: r.type }));
    // A producer calling a hold has acknowledged it by doing so (as in the live app).
    if (r.kind === 'hold_call' && r.by.role !== 'producer') kinds.push('hold_called');
    if (r.kind === 'injury' && hasLegalClock({ died: r.died, hospitalizedInpatient: r.hospitalizedInpatient, amputation: false, lossOfEye: false })) kinds.push('injury_clock');
  }
  // A refused hand-off files a custody breach (rule 2); a rule-3 firing is a pattern signal.
  if (replay.firings.some((f) => f.rule === 2)) kinds.push('custody_breach');
  if (replay.firings.some((f) => f.rule === 3)) kinds.push('pattern');
  const unique = [...new Set(kinds)];
  const now = new Date(replay.at.getTime() + HORIZON_MS);
  return unique.map((kind, i) => ({
    kind,
    label: SIGNAL_LABELS[kind],
    raisedAt: replay.at,
    steps: dueEscalations({ id: `${event.key}-${i}`, kind, raisedAt: replay.at, acknowledgedAt: null, resentAt: null, contactsAt: null }, settings, now),
  }));
}
