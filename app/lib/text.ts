// Input hygiene for every text a user sends (issue class: NUL, control characters, lone
// surrogates, bidirectional overrides). Pure; applied by the core gateways (app/lib/core.ts,
// app/lib/user-core.ts, the anonymous cores) before zod, so every field of every form and JSON
// route gets the same treatment and no schema can forget it.
//
// - Unicode NFC, so the same words are stored (and searched) the same way.
// - Line breaks become \n; tabs stay; every other C0/C1 control character is removed (a NUL
//   breaks search and some tools cut the text at it).
// - A lone surrogate (not a character at all) becomes U+FFFD, the replacement character.
// - Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) are
//   removed: they reorder what a reader sees ("Trojan Source"), so an override could make a
//   record read differently from what is stored. Right-to-left text itself is untouched.
// Markup-like words are NOT refused: "<5 rounds" and "a <b> tag" are legitimate, and output
// escaping is the defence against markup (docs/ARCHITECTURE.md, security).

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(s: string): string {
  return s
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(BIDI, '')
    .normalize('NFC');
}

/** Fields never rewritten: a password is compared byte for byte with what its owner typed. */
const VERBATIM = /password|^confirm$|^current$/i;

/** cleanText over every string of a plain object or array (files, dates and the like untouched). */
export function cleanInput<T>(raw: T): T {
  if (typeof raw === 'string') return cleanText(raw) as T;
  if (Array.isArray(raw)) return raw.map((v) => cleanInput(v)) as T;
  if (raw !== null && typeof raw === 'object') {
    const proto = Object.getPrototypeOf(raw);
    if (proto !== Object.prototype && proto !== null) return raw;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) out[k] = VERBATIM.test(k) ? v : cleanInput(v);
    return out as T;
  }
  return raw;
}
