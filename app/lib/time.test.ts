import { describe, expect, it } from 'vitest';
import { formatInZone, toLocalDateTime, fromLocalDateTime } from './time';

describe('formatInZone', () => {
  it('names the zone as a crew reads it, summer and winter (Rust: 21 Oct 2021, 13:50 MDT)', () => {
    expect(formatInZone(new Date('2021-10-21T19:50:00Z'), 'America/Denver')).toBe('21 Oct 2021, 13:50 MDT');
    expect(formatInZone(new Date('2026-11-24T21:50:00Z'), 'America/Denver')).toBe('24 Nov 2026, 14:50 MST');
  });
  it('keeps an offset for zones without a common abbreviation, and drops it for dates', () => {
    expect(formatInZone(new Date('2026-07-01T12:00:00Z'), 'Europe/London')).toBe('1 Jul 2026, 13:00 GMT+1');
    expect(formatInZone(new Date('2026-07-01T12:00:00Z'), 'Europe/London', { time: false })).toBe('1 Jul 2026');
  });
});

describe('local times round-trip through the zone', () => {
  it('a local wall time stored as UTC reads back the same', () => {
    const at = fromLocalDateTime('2021-10-21T13:50', 'America/Denver');
    expect(at?.toISOString()).toBe('2021-10-21T19:50:00.000Z');
    expect(toLocalDateTime(at!, 'America/Denver')).toBe('2021-10-21T13:50');
  });
});
