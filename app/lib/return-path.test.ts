import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

const origin = 'https://setsafe.example';
/** What a browser would navigate to from our page, given the path. */
const followed = (p: string) => new URL(p, origin);

describe('safeReturnPath', () => {
  const hostile = [
    '//evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\t\\evil.example',
    '/%09/evil.example/..',
    'https://evil.example/',
    'javascript:alert(1)',
    ' /\\evil.example',
    '\t//evil.example',
    'evil.example',
    '',
  ];
  for (const next of hostile) {
    it(`never leaves the site for ${JSON.stringify(next)}`, () => {
      const out = safeReturnPath(next);
      expect(followed(out).origin).toBe(origin);
      expect(out.startsWith('/')).toBe(true);
      expect(out.startsWith('//')).toBe(false);
    });
  }

  it('falls back to / for the classic open-redirect forms', () => {
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('/\t/evil.example')).toBe('/');
    expect(safeReturnPath('//evil.example')).toBe('/');
  });

  it('keeps a same-site path, its query and fragment', () => {
    expect(safeReturnPath('/productions/abc/incidents?status=open#top')).toBe('/productions/abc/incidents?status=open#top');
  });

  it('ignores anything that is not a string', () => {
    expect(safeReturnPath(['/a', '/b'])).toBe('/');
    expect(safeReturnPath(undefined)).toBe('/');
  });
});
