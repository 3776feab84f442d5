// What the service worker and the pages say to each other about offline copies
// (ARCHITECTURE.md: phones and offline). Pure: imported by the worker and by client components.

/** Full HTML copies of pages this member opened (network first, this copy when there is no signal). */
export const PAGES_CACHE = 'setsafe-pages-v1';
/** The build's hashed scripts, styles and fonts: never change under one URL, so cache first. */
export const STATIC_CACHE = 'setsafe-static-v1';
/** Whose pages PAGES_CACHE holds (a key per member), so another member's sign-in clears them. */
export const META_CACHE = 'setsafe-meta-v1';
export const OWN_CACHES = [PAGES_CACHE, STATIC_CACHE, META_CACHE] as const;

/** Header on a stored copy: when it was saved (ms since the epoch). The copy keeps every header it came with (its CSP too). */
export const SAVED_AT_HEADER = 'x-setsafe-saved-at';
/** Header on a stored copy: the page's <title>, URI-encoded, for the list of saved pages. */
export const TITLE_HEADER = 'x-setsafe-title';

export type ToWorker =
  /** The signed-in member (an opaque key) and pages to keep a fresh copy of. */
  | { type: 'setsafe:keep'; userKey?: string; urls: string[] }
  /** Was this window served from a saved copy, and when was it saved? */
  | { type: 'setsafe:copy?' }
  /** Signing out: forget every saved page. */
  | { type: 'setsafe:clear' };

export type FromWorker = { type: 'setsafe:copy'; savedAt: number | null } | { type: 'setsafe:cleared' };

/** Pages kept at most; the oldest copy goes first. */
export const MAX_PAGES = 40;
/** Static files kept at most (older builds' files go first). */
export const MAX_STATIC = 400;
/** A kept copy younger than this is not fetched again just because a page asked to keep it. */
export const KEEP_FRESH_MS = 60_000;

/**
 * Pages that get an offline copy. Never: route handlers; the anonymous report link and its
 * follow-up (a copy on the device would show that this phone opened them — ARCHITECTURE.md:
 * anonymous reports); invitation links (a token); sign-in (useless without a session).
 */
export function keepsCopy(pathname: string): boolean {
  if (/^\/(api|report|invite|sign-in|_next)(\/|$)/.test(pathname)) return false;
  if (/\.[a-z0-9]+$/i.test(pathname)) return false; // files: /sw.js, /icon.svg, /manifest.webmanifest
  return pathname.startsWith('/');
}

/** Build output that never changes under its URL. */
export function isStaticAsset(pathname: string): boolean {
  return pathname.startsWith('/_next/static/');
}

/** Requests after which no saved page may stay: signing out, and any sign-in (it may be another member). */
export function clearsCopies(pathname: string, method: string): boolean {
  return method === 'POST' && (pathname === '/api/auth/signout' || pathname.startsWith('/api/auth/callback/'));
}

/**
 * The build files a page needs to run offline: its scripts and styles, and the client chunks its
 * inline React payload names (written there as `static/chunks/…`, sometimes JSON-escaped).
 */
export function staticAssetsIn(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/(?:\/_next\/)?(static\/(?:chunks|css|media)\/[A-Za-z0-9_\-.~%/]+?\.(?:js|css|woff2?|ttf|png|svg))/g)) {
    found.add(`/_next/${m[1]}`);
  }
  return [...found];
}

/** The text of a page's <title>, decoded the little it needs (React escapes &, <, >, ", '). */
export function titleOf(html: string): string {
  const m = /<title[^>]*>([^<]*)<\/title>/i.exec(html);
  if (!m) return '';
  return m[1]
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export type SavedCopy = { url: string; title: string; savedAt: number };

/** Headers of the page the worker writes itself: no script at all, nothing framed, nothing loaded from elsewhere. */
export const FALLBACK_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * The page shown with no signal when this page has no saved copy: says so, and lists the pages
 * that do have one (newest first). `when` formats a saved time for the reader.
 */
export function fallbackHtml(copies: SavedCopy[], when: (ms: number) => string): string {
  const list = [...copies].sort((a, b) => b.savedAt - a.savedAt);
  const items = list
    .map((c) => {
      const path = new URL(c.url).pathname + new URL(c.url).search;
      return `<li><a href="${escapeHtml(path)}">${escapeHtml(c.title || path)}</a><br><small>saved ${escapeHtml(when(c.savedAt))}</small></li>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>No signal · SetSafe</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1rem;background:#f1f5f9;color:#0f172a}main{max-width:40rem;margin:auto}h1{font-size:1.4rem}
li{margin:.5rem 0}a{display:inline-block;min-height:44px;line-height:44px;color:#0b4f6c;font-weight:600}.box{border:2px solid #b45309;background:#fef3c7;border-radius:.75rem;padding:1rem}
@media (prefers-color-scheme:dark){body{background:#0a1220;color:#e2e8f0}a{color:#7dd3fc}.box{background:#3b2a06;border-color:#f59e0b}}</style></head>
<body><main><h1>No signal</h1><div class="box"><p><strong>This page was not saved on this phone</strong>, so it cannot open without a connection.</p>
<p>Reports you file from a saved report form are kept on this phone and sent when the signal returns.</p></div>
${list.length ? `<h2>Saved on this phone</h2><ul>${items}</ul>` : '<p>No page is saved on this phone yet: open SetSafe once with a signal.</p>'}
</main></body></html>`;
}
