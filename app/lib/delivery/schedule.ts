// When a message may leave: quiet hours and retry backoff. Pure: `now` is a parameter.
import { fromLocalDateTime, localDate, toLocalDateTime } from '../time';

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const isClockTime = (s: string) => HHMM.test(s);

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The end of the quiet hours `now` falls in (the production's zone), or null when `now` is outside
 * them. A window may cross midnight (22:00 to 07:00). Critical kinds never come here.
 */
export function quietUntil(now: Date, timeZone: string, from: string | null, to: string | null): Date | null {
  if (!from || !to || !isClockTime(from) || !isClockTime(to) || from === to) return null;
  const local = toLocalDateTime(now, timeZone); // 'YYYY-MM-DDTHH:mm'
  const m = minutes(local.slice(11, 16));
  const f = minutes(from);
  const t = minutes(to);
  const inside = f < t ? m >= f && m < t : m >= f || m < t;
  if (!inside) return null;
  const today = localDate(now, timeZone);
  // The end is today at `to`, unless the window crosses midnight and we are before midnight.
  let day = today;
  if (f > t && m >= f) {
    const next = new Date(`${today}T12:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    day = next.toISOString().slice(0, 10);
  }
  return fromLocalDateTime(`${day}T${to}`, timeZone);
}

/** Retry delays: 30 s, 1, 2, 4 ... minutes, capped at an hour; after MAX_ATTEMPTS the row fails. */
export const MAX_ATTEMPTS = 8;
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}
