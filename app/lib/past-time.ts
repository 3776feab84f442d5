// "Not in the future", said once: a time a person enters (when something happened, when OSHA was
// told) is read in the production's zone and refused when it is not a real time or lies ahead.
import { Refusal } from './errors';
import { fromLocalDateTime } from './time';

/** Allowance for clock skew between a phone and the server when checking "not in the future". */
export const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * A datetime-local value read as wall-clock time in the production's zone; refused when it is
 * not a real time or lies in the future. `field` names the form field for the error.
 */
export function pastLocalTime(value: string, timeZone: string, now: Date, field: string, futureMessage = 'That time is in the future.'): Date {
  const at = fromLocalDateTime(value, timeZone);
  if (!at) throw new Refusal('Some fields need attention.', 'invalid', { [field]: ['Enter a real date and time.'] });
  if (at.getTime() > now.getTime() + FUTURE_SKEW_MS) {
    throw new Refusal('Some fields need attention.', 'invalid', { [field]: [futureMessage] });
  }
  return at;
}
