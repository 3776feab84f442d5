// Time helpers. Pure: no clock reads; callers pass `now`.

// Building an Intl.DateTimeFormat costs far more than using one (ARCHITECTURE.md: performance budget; the dashboard's twelve
// week edges alone built about fifty, ~5 ms). Formatters are immutable, so each one is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, opts);
    if (formatters.size > 1_000) formatters.clear(); // zones are few; this only bounds the worst case
    formatters.set(key, f);
  }
  return f;
}

/** 'YYYY-MM-DD' of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  const parts = formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * The day only, as UTC midnight of the local calendar date: what anonymous records store
 * instead of a time (ARCHITECTURE.md: anonymous reports).
 */
export function dayOnly(at: Date, timeZone: string): Date {
  return new Date(`${localDate(at, timeZone)}T00:00:00.000Z`);
}

/** Offset in ms of `timeZone` from UTC at instant `at`. */
function tzOffset(at: Date, timeZone: string): number {
  const parts = formatter('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** Interprets 'YYYY-MM-DDTHH:mm' as wall-clock time in `timeZone` and returns the instant. */
export function fromLocalDateTime(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  if (Number.isNaN(guess)) return null;
  let t = guess - tzOffset(new Date(guess), timeZone);
  t = guess - tzOffset(new Date(t), timeZone); // second pass settles DST edges
  return new Date(t);
}

/** 'YYYY-MM-DDTHH:mm' wall-clock time of an instant in `timeZone` (for datetime-local inputs). */
export function toLocalDateTime(at: Date, timeZone: string): string {
  const parts = formatter('en-CA', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Human date-time in the production's zone, e.g. "21 Oct 2021, 13:50 MDT". */
export function formatInZone(at: Date, timeZone: string, opts: { time?: boolean } = { time: true }): string {
  const date = formatter('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(opts.time === false ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  }).format(at);
  return opts.time === false ? date : `${date} ${zoneAbbreviation(at, timeZone)}`;
}

/**
 * The zone's short name at that instant as a crew reads it: "MDT"/"MST" for Denver (en-GB only
 * knows "GMT-6"); zones without a common abbreviation keep their offset, e.g. "GMT+1".
 */
export function zoneAbbreviation(at: Date, timeZone: string): string {
  const part = formatter('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Whether `tz` is an IANA time zone this runtime knows (Intl is the authority, not a hand list). */
export function isTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling of a valid zone ('america/denver' → 'America/Denver'). */
export function canonicalTimeZone(tz: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
}

/**
 * What an anonymous record keeps instead of a time is its day, stored as UTC midnight (dayOnly).
 * Such a stamp is shown as a date; every other stamp as date and time in the zone.
 */
export function formatStamp(at: Date, timeZone: string, dayOnlyStamp = at.getTime() % DAY === 0): string {
  return dayOnlyStamp ? formatInZone(at, 'UTC', { time: false }) : formatInZone(at, timeZone);
}
