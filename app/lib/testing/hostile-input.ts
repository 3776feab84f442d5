// Generated hostile input shared by the unit fuzz test (app/lib/fuzz.test.ts) and the HTTP fuzz
// spec (e2e/fuzz-http.spec.ts; ARCHITECTURE.md: no 500 from user input): one place says what "bad input" means. Pure: fast-check only.
import fc from 'fast-check';

/** Strings that have broken real systems: markup, SQL, formulas, control and bidi characters. */
export const NASTY: readonly string[] = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'; DROP TABLE incidents;--",
  "' OR '1'='1",
  '1 OR 1=1',
  '\u0000',
  'a\u0000b',
  '\u202e\u200b',
  '\u202eevil.exe',
  'שלום עולם — مرحبا بالعالم',
  '𝕊𝕖𝕥𝕊𝕒𝕗𝕖 🔫',
  '👩🏽‍🚒👨‍👩‍👧‍👦',
  '\ud800',
  'lone \udfff surrogate',
  "{{constructor.constructor('alert(1)')()}}",
  '${7*7}',
  '=cmd|/C calc!A0',
  '=HYPERLINK("https://evil.example","click")',
  '+1+1',
  '@SUM(1)',
  'javascript:alert(1)',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '\r\n\r\nX-Injected: 1',
  ' '.repeat(300),
  'null',
  'undefined',
  'NaN',
  '__proto__',
  'constructor',
];

/** Dates the parsers must refuse or handle: year 0001 and 9999, impossible days, invalid stamps. */
export const HOSTILE_DATES: readonly string[] = [
  '0001-01-01',
  '0001-01-01T00:00',
  '9999-12-31',
  '9999-12-31T23:59',
  '2026-02-30',
  '2026-02-30T10:00',
  '2026-13-01T00:00',
  '2026-11-24T25:61',
  '2026-11-24T08:00:00+14:00',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20',
  'Invalid Date',
  '1970-01-01T00:00:00Z',
  '24/11/2026',
  'yesterday',
];

/** Numbers in the wrong shape: as strings, out of range, not finite in JSON terms. */
export const numberAsString = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom('1e400', '-0', '0x10', '007', 'Infinity', '-1', '9'.repeat(40)),
);

/** Any date stamp, valid or not, as a string (invalid dates become the string 'Invalid'). */
export const anyDateString = fc.oneof(
  fc.constantFrom(...HOSTILE_DATES),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid' : d.toISOString())),
);

/** Long text: past every field's limit (the largest is 5,000 characters). */
export const longString = fc.string({ minLength: 5000, maxLength: 20000 });

/** 100 kB and more, built by repetition so generating it stays cheap. */
export const hugeString = fc
  .tuple(fc.integer({ min: 100_000, max: 300_000 }), fc.constantFrom('a', 'é', '🔫', '<b>', "';--", '\u202e', '\u0000'))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

/** One value of any type a client could send in a field. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...NASTY),
  longString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  anyDateString,
  numberAsString,
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 4 }),
);

/**
 * Any value as the text a form field carries. Not `String(v)`: about half of `anyValue`'s
 * dictionaries are made without a prototype (fast-check's default), and `String` cannot convert
 * those — it threw "Cannot convert object to primitive value" inside fast-check for whichever seed
 * drew one, so a target added mid-list (shifting every later seed) broke the sign-in target. Objects
 * go as their JSON.
 */
export const asFieldText = (v: unknown): string => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/** Objects with some of the real field names and arbitrary values. */
export const shaped = (keys: readonly string[], value: fc.Arbitrary<unknown> = anyValue) =>
  fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });

/** A JSON body of the wrong shape: any value, the right keys with wrong values, arrays for objects. */
export const wrongJsonBody = (keys: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: shaped(keys) },
    { weight: 1, arbitrary: anyValue },
    { weight: 1, arbitrary: fc.array(shaped(keys), { maxLength: 3 }) },
    { weight: 1, arbitrary: shaped(keys, hugeString) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
