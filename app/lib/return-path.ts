// Where the sign-in page may send a member back to (issue class: open redirect). Pure.
//
// A prefix test ("starts with / and not //") is not enough: browsers read "/\evil.example" and
// "/<TAB>/evil.example" as another site, because the URL parser turns a backslash into a slash and
// drops tabs and line breaks. So the path is parsed the way a browser parses it, against a fixed
// origin, and only a result on that same origin is followed — and what is followed is the parsed
// form, never the raw text, so the check and the navigation read the same URL.
const BASE = 'https://setsafe.invalid';

export function safeReturnPath(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The parsed path itself must not read as protocol-relative either ("//host" after normalising).
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}
