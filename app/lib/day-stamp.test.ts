// Day-only stamps (ARCHITECTURE.md: anonymous reports keep no time finer than the day) must read as the
// production's local day wherever a reader works in the production's zone: pages, printable
// report, exports, day filters, the dashboard's waits and week buckets. Property-tested over zones
// either side of UTC, where storing UTC midnight of the local date read as the evening before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayRange, lastWeeks } from './calendar';
import { dayOfStamp, dayOnly, exportLocal, formatInZone, formatStamp, isDayStamp, localDate, startOfLocalDay, toLocalDateTime, waitedSince } from './time';

const ZONES = ['America/Denver', 'America/Los_Angeles', 'Europe/London', 'Pacific/Auckland'] as const;
// 2020-2032: several daylight-saving changes in every zone, both hemispheres.
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2032, 0, 1) }).map((t) => new Date(t));
const zone = fc.constantFrom(...ZONES);

describe('a day-only stamp is the production’s local day everywhere (property)', () => {
  it('keeps the local day, and nothing finer: every instant of one local day gives the same stamp', () => {
    fc.assert(
      fc.property(instant, zone, fc.integer({ min: 0, max: 86_399_999 }), (at, tz, offset) => {
        const stamp = dayOnly(at, tz);
        expect(localDate(stamp, tz)).toBe(localDate(at, tz));
        expect(isDayStamp(stamp, tz)).toBe(true);
        expect(dayOnly(stamp, tz).getTime()).toBe(stamp.getTime());
        expect(stamp.getTime()).toBeLessThanOrEqual(at.getTime());
        const other = new Date(stamp.getTime() + offset);
        if (localDate(other, tz) === localDate(at, tz)) expect(dayOnly(other, tz).getTime()).toBe(stamp.getTime());
      }),
      { numRuns: 400 },
    );
  });

  it('reads as that day on pages, the printable report and in exports', () => {
    fc.assert(
      fc.property(instant, zone, (at, tz) => {
        const stamp = dayOnly(at, tz);
        const day = localDate(at, tz);
        expect(formatStamp(stamp, tz)).toBe(formatInZone(at, tz, { time: false }));
        expect(formatStamp(stamp, tz, true)).toBe(formatInZone(at, tz, { time: false }));
        expect(exportLocal(stamp, tz, true)).toBe(day);
        // A reader that knows nothing of day-only stamps still lands on the right day.
        expect(toLocalDateTime(stamp, tz).slice(0, 10)).toBe(day);
        expect(dayOfStamp(stamp, tz)).toBe(day);
      }),
      { numRuns: 400 },
    );
  });

  it('falls inside that day’s filter range and that week’s bucket on the dashboard chart', () => {
    fc.assert(
      fc.property(instant, zone, (at, tz) => {
        const stamp = dayOnly(at, tz).getTime();
        const day = localDate(at, tz);
        const r = dayRange(day, day, tz);
        expect(stamp).toBeGreaterThanOrEqual(r.start!.getTime());
        expect(stamp).toBeLessThan(r.end!.getTime());
        const week = lastWeeks(at, tz, 1)[0];
        expect(stamp).toBeGreaterThanOrEqual(week.startAt.getTime());
        expect(stamp).toBeLessThan(week.endAt.getTime());
      }),
      { numRuns: 400 },
    );
  });

  it('has waited “since today” on the day it was filed, never hours from midnight', () => {
    fc.assert(
      fc.property(instant, zone, (at, tz) => {
        expect(waitedSince(dayOnly(at, tz), at, tz, true)).toBe('since today');
      }),
      { numRuns: 300 },
    );
  });

  it('rewrites an old stamp (UTC midnight of the local date) to the new form, and leaves a new one alone', () => {
    fc.assert(
      fc.property(instant, zone, (at, tz) => {
        const old = new Date(`${localDate(at, tz)}T00:00:00.000Z`);
        expect(dayOfStamp(old, tz)).toBe(localDate(at, tz));
        const migrated = startOfLocalDay(old.toISOString().slice(0, 10), tz);
        expect(migrated.getTime()).toBe(dayOnly(at, tz).getTime());
        // Idempotent: a migrated stamp is a whole number of days only where the offset is 0 that day.
        if (migrated.getTime() % 86_400_000 === 0) expect(migrated.getTime()).toBe(old.getTime());
      }),
      { numRuns: 300 },
    );
  });
});

describe('the cases the issue reported (Denver, after 17:00)', () => {
  const tz = 'America/Denver';
  const filed = new Date('2026-12-01T23:10:00Z'); // 16:10 MST on 1 Dec

  it('a report filed at 16:10 is shown as 1 Dec, not 30 Nov 17:00', () => {
    const stamp = dayOnly(filed, tz);
    expect(formatStamp(stamp, tz)).toBe('1 Dec 2026');
    expect(exportLocal(stamp, tz, true)).toBe('2026-12-01');
  });

  it('minutes after filing the dashboard says it has waited since today, not 23 hours', () => {
    expect(waitedSince(dayOnly(filed, tz), new Date(filed.getTime() + 5 * 60_000), tz, true)).toBe('since today');
    expect(waitedSince(dayOnly(filed, tz), new Date('2026-12-02T18:00:00Z'), tz, true)).toBe('since yesterday');
    expect(waitedSince(dayOnly(filed, tz), new Date('2026-12-05T18:00:00Z'), tz, true)).toBe('4 days');
  });

  it('a timed stamp still waits in hours', () => {
    expect(waitedSince(filed, new Date(filed.getTime() + 5 * 60_000), tz, false)).toBe('under an hour');
    expect(waitedSince(filed, new Date(filed.getTime() + 3 * 3_600_000), tz, false)).toBe('3 hours');
    expect(waitedSince(filed, new Date(filed.getTime() + 50 * 3_600_000), tz, false)).toBe('2 days');
  });
});
