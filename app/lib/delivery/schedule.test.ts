import { describe, expect, it } from 'vitest';
import { backoffMs, quietUntil } from './schedule';

describe('quietUntil', () => {
  const tz = 'America/Denver'; // UTC-7 in December
  it('is null with no quiet hours or outside them', () => {
    expect(quietUntil(new Date('2026-12-01T18:00:00Z'), tz, null, null)).toBeNull();
    expect(quietUntil(new Date('2026-12-01T18:00:00Z'), tz, '22:00', '07:00')).toBeNull(); // 11:00 local
  });
  it('ends the same morning when inside a window after midnight', () => {
    // 03:00 Denver = 10:00Z
    expect(quietUntil(new Date('2026-12-01T10:00:00Z'), tz, '22:00', '07:00')?.toISOString()).toBe('2026-12-01T14:00:00.000Z');
  });
  it('ends the next morning when inside a window before midnight', () => {
    // 23:00 Denver on Dec 1 = 06:00Z Dec 2
    expect(quietUntil(new Date('2026-12-02T06:00:00Z'), tz, '22:00', '07:00')?.toISOString()).toBe('2026-12-02T14:00:00.000Z');
  });
  it('handles a window inside one day, in a zone east of UTC', () => {
    // 13:30 Auckland (UTC+13) = 00:30Z
    expect(quietUntil(new Date('2026-12-01T00:30:00Z'), 'Pacific/Auckland', '13:00', '14:00')?.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(quietUntil(new Date('2026-12-01T01:00:00Z'), 'Pacific/Auckland', '13:00', '14:00')).toBeNull();
  });
  it('ignores malformed times', () => {
    expect(quietUntil(new Date('2026-12-01T10:00:00Z'), tz, '25:00', '07:00')).toBeNull();
  });
});

describe('backoffMs', () => {
  it('doubles from 30 seconds and stops at an hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(3_600_000);
  });
});
