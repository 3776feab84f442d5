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

/**
 * The instant the local calendar day `day` ('YYYY-MM-DD') begins in `timeZone`. Where a
 * daylight-saving change skips midnight, the day begins at its first minute that exists.
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const at = fromLocalDateTime(`${day}T00:00`, timeZone);
  if (!at) throw new Error(`bad day ${day}`);
  let t = at.getTime();
  while (localDate(new Date(t), timeZone) < day) t += 15 * 60_000;
  while (localDate(new Date(t - 15 * 60_000), timeZone) === day) t -= 15 * 60_000;
  return new Date(t);
}

/**
 * The day only: what anonymous records keep instead of a time (ARCHITECTURE.md, anonymous reports: no time finer than the
 * day). Stored as the instant the production's local day began, so that every reader working in
 * the production's zone (pages, exports, day filters, week buckets) lands on the same local day
 * without knowing the stamp is day-only. Storing UTC midnight of the local date instead read as
 * the evening before in zones west of UTC (17:00 the day before in Denver).
 */
export function dayOnly(at: Date, timeZone: string): Date {
  return startOfLocalDay(localDate(at, timeZone), timeZone);
}

/** Whether a stamp is a day-only one of `timeZone` (the start of a local day there). */
export function isDayStamp(at: Date, timeZone: string): boolean {
  return at.getTime() === dayOnly(at, timeZone).getTime();
}

/**
 * Before day-only stamps were kept as the local day's start they were UTC midnight of the local
 * date. Audit entries written then cannot be rewritten (the hash chain covers `at` and the
 * before/after values), so such a stamp is still read as the date it names.
 */
function isLegacyDayStamp(at: Date): boolean {
  return at.getTime() % DAY === 0;
}

/** Whether a stored stamp is day-only by its value, in either encoding. */
export function isStoredDayOnly(at: Date, timeZone: string): boolean {
  return isDayStamp(at, timeZone) || isLegacyDayStamp(at);
}

/** 'YYYY-MM-DD' a day-only stamp stands for, in either encoding. */
export function dayOfStamp(at: Date, timeZone: string): string {
  return !isDayStamp(at, timeZone) && isLegacyDayStamp(at) ? at.toISOString().slice(0, 10) : localDate(at, timeZone);
}

/**
 * How long something has waited, as people read it. A day-only stamp has no hour, so its wait is
 * counted in the production's calendar days ("since today"), never in hours from midnight.
 */
export function waitedSince(at: Date, now: Date, timeZone: string, dayOnlyStamp: boolean): string {
  if (dayOnlyStamp) {
    const days = Math.round((Date.parse(localDate(now, timeZone)) - Date.parse(dayOfStamp(at, timeZone))) / DAY);
    if (days <= 0) return 'since today';
    if (days === 1) return 'since yesterday';
    return `${days} days`;
  }
  const h = Math.floor((now.getTime() - at.getTime()) / HOUR);
  if (h < 1) return 'under an hour';
  if (h < 48) return `${h} ${h === 1 ? 'hour' : 'hours'}`;
  const d = Math.floor(h / 24);
  return `${d} days`;
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
 * A stamp as people read it: a day-only one (anonymous records) as its date, every other one as
 * date and time in the zone. Callers that know whether the record is anonymous say so; the default
 * recognises the stamp by its value.
 */
export function formatStamp(at: Date, timeZone: string, dayOnlyStamp = isStoredDayOnly(at, timeZone)): string {
  if (!dayOnlyStamp) return formatInZone(at, timeZone);
  return formatInZone(new Date(`${dayOfStamp(at, timeZone)}T12:00:00Z`), 'UTC', { time: false });
}

/** 'YYYY-MM-DD HH:mm' in the zone for exports, or 'YYYY-MM-DD' alone for a day-only stamp. */
export function exportLocal(at: Date, timeZone: string, dayOnlyStamp: boolean): string {
  return dayOnlyStamp ? dayOfStamp(at, timeZone) : toLocalDateTime(at, timeZone).replace('T', ' ');
}
