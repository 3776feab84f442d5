// The authorization matrix (ARCHITECTURE.md: tests): every route in
// e2e/authz/* × every caller, against the expected answer; and every page.tsx / route.ts under
// app/ must be in the table. Entries whose page does not exist yet (a feature still being built)
// are skipped rather than failed.
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect, test } from './fixtures';
import { routes } from './authz';
import { CALLERS, type AuthzContext, type Caller, type Expectation, type RouteCase } from './authz/types';
import { authzCtx } from './authz/ctx';
import { appRoutes, pathOnly, routeExists } from './authz/app-routes';
import { storageStateFor } from './auth-state';

/** Calls one route as it would be called, following redirects by hand to see where they go. */
async function probe(api: APIRequestContext, r: RouteCase, ctx: AuthzContext): Promise<Expectation | string> {
  let url = r.path(ctx);
  let res: APIResponse;
  for (let hop = 0; ; hop++) {
    res = await api.fetch(url, {
      method: r.method,
      maxRedirects: 0,
      ...(r.body && hop === 0 ? { data: r.body(ctx) } : {}),
    });
    const location = res.headers()['location'];
    if (res.status() >= 300 && res.status() < 400 && location) {
      const next = new URL(location, 'http://x');
      if (next.pathname === '/sign-in') return 'signin';
      if (hop >= 5) return `too many redirects (${url})`;
      url = next.pathname + next.search;
      continue;
    }
    break;
  }
  const s = res.status();
  if (s === 401) return 'signin';
  if (s === 403) return 'forbidden';
  if (s === 404) return 'notfound';
  if (s === 400) return 'invalid';
  if (s === 409) return 'conflict';
  if (s === 422) return 'refused';
  if (s === 429) return 'throttled';
  if (s >= 200 && s < 300) {
    if (r.kind === 'api') return 'ok';
    const html = await res.text();
    // Streamed responses cannot change their status: Next marks these in the HTML instead.
    if (/<meta[^>]+content="\d+;url=\/sign-in/.test(html)) return 'signin';
    if (/<meta name="next-error" content="not-found"/.test(html)) return 'notfound';
    if (html.includes('data-refusal="forbidden"')) return 'forbidden';
    return 'ok';
  }
  return `HTTP ${s}`;
}

const existing = appRoutes();
const exists = (r: RouteCase, ctx: AuthzContext) => routeExists(existing, r, ctx);

test.describe('authorization matrix', () => {
  test('every page and route handler under app/ is in the route table', () => {
    const ctx = authzCtx();
    const urls = routes.map((r) => pathOnly(r.path(ctx)));
    const missing = existing.filter((f) => !urls.some((u) => f.re.test(u))).map((f) => `${f.pattern}  (app/${f.file})`);
    expect(missing, 'add these to e2e/authz/<feature>.ts').toEqual([]);
  });

  test('the table has no duplicate names and covers every caller', () => {
    const names = routes.map((r) => r.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    for (const r of routes) expect(Object.keys(r.expect).sort(), r.name).toEqual([...CALLERS].sort());
  });

  for (const caller of CALLERS) {
    test(`${caller}: every route answers as expected`, async ({ playwright, baseURL }) => {
      const ctx = authzCtx();
      const storageState = caller === 'anon' ? undefined : await storageStateFor(caller as Exclude<Caller, 'anon'>, baseURL!);
      const api = await playwright.request.newContext({ baseURL, storageState });
      const wrong: string[] = [];
      let skipped = 0;
      try {
        for (const r of routes) {
          if (!exists(r, ctx)) {
            skipped++;
            continue;
          }
          const got = await probe(api, r, ctx);
          if (got !== r.expect[caller]) wrong.push(`${r.method} ${r.path(ctx)} (${r.name}): expected ${r.expect[caller]}, got ${got}`);
        }
      } finally {
        await api.dispose();
      }
      if (skipped) test.info().annotations.push({ type: 'skipped routes', description: `${skipped} whose page does not exist yet` });
      expect(wrong, `${caller}`).toEqual([]);
    });
  }
});
