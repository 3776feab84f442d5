import { describe, expect, it } from 'vitest';
import { dayOnly, formatStamp } from '../time';

describe('formatStamp', () => {
  it('shows a day-only stamp as its own day, not the evening before in a zone west of UTC', () => {
    // 14:37 on 24 Nov in Denver: the anonymous record keeps the start of 24 Nov there (07:00Z).
    const d = dayOnly(new Date('2026-11-24T21:37:00Z'), 'America/Denver');
    expect(formatStamp(d, 'America/Denver')).toBe('24 Nov 2026');
    expect(formatStamp(d, 'Asia/Tokyo', true)).toBe('24 Nov 2026');
  });

  it('shows any other stamp with its time in the zone', () => {
    expect(formatStamp(new Date('2026-11-24T21:37:00Z'), 'America/Denver')).toMatch(/^24 Nov 2026, 14:37/);
    expect(formatStamp(new Date('2026-11-24T21:37:00Z'), 'America/Denver', false)).toMatch(/14:37/);
  });
});
