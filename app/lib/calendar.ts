// Calendar days and weeks in a production's time zone. Pure: callers pass `now`.
import { localDate, startOfLocalDay } from './time';

/** 'YYYY-MM-DD' plus n days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The instant a local calendar day starts in `timeZone`: the same instant a day-only stamp of that
 * day holds (time.ts dayOnly), so a day filter and a day-only record always agree.
 */
export function dayStart(day: string, timeZone: string): Date {
  return startOfLocalDay(day, timeZone);
}

/** [start, end) of a from/to day range in the zone; `to` is inclusive as people read it. */
export function dayRange(from: string | undefined, to: string | undefined, timeZone: string): { start?: Date; end?: Date } {
  return { start: from ? dayStart(from, timeZone) : undefined, end: to ? dayStart(addDays(to, 1), timeZone) : undefined };
}

/** Monday of the week holding `day` (ISO weeks: shooting weeks are planned Monday to Sunday). */
export function mondayOf(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((dow + 6) % 7));
}

const WEEK_LABEL = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export type Week = { start: string; startAt: Date; endAt: Date; label: string };

/** The last `count` weeks up to and including the current one, oldest first. */
export function weeksUpTo(now: Date, timeZone: string, count: number): Week[] {
  const thisMonday = mondayOf(localDate(now, timeZone));
  const weeks: Week[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = addDays(thisMonday, -7 * i);
    const d = new Date(`${start}T00:00:00Z`);
    weeks.push({
      start,
      startAt: dayStart(start, timeZone),
      endAt: dayStart(addDays(start, 7), timeZone),
      label: WEEK_LABEL.format(d),
    });
  }
  return weeks;
}

// The same weeks stand from one local Monday midnight to the next, and each costs two zone
// conversions: the dashboard's weekly chart asked for them on every recompute (about a millisecond
// for twelve; ARCHITECTURE.md: dashboard aggregates). Kept per zone and count while `now` is
// inside the newest week.
const keptWeeks = new Map<string, readonly Week[]>();

/** weeksUpTo, kept until the current week ends; the weeks are shared, so read-only. */
export function lastWeeks(now: Date, timeZone: string, count: number): readonly Week[] {
  const key = `${timeZone} ${count}`;
  const kept = keptWeeks.get(key);
  const t = now.getTime();
  const newest = kept?.[kept.length - 1];
  if (kept && newest && t >= newest.startAt.getTime() && t < newest.endAt.getTime()) return kept;
  const weeks = Object.freeze(weeksUpTo(now, timeZone, count));
  if (keptWeeks.size >= 200) keptWeeks.clear();
  keptWeeks.set(key, weeks);
  return weeks;
}
