// Checks one route case for one caller in a signed-in (or signed-out) page. Used by the anonymous
// spec for its own rows; authz.spec.ts may use it for all of them.
import { expect, type Page } from '@playwright/test';
import type { Who } from '../helpers';
import type { AuthzContext, Caller, RouteCase } from './types';

export { CALLERS } from './types';

/** Which demo account plays each caller. */
export const CALLER_ACCOUNT: Record<Caller, Who | null> = {
  crew: 'crew',
  armorer: 'armorer',
  producer: 'producer',
  auditor: 'auditor',
  admin: 'admin',
  other: 'otherProducer',
  anon: null,
};

export async function checkRoute(page: Page, caller: Caller, c: RouteCase, ctx: AuthzContext) {
  const want = c.expect[caller];
  const path = c.path(ctx);
  const label = `${c.name} as ${caller} (${c.method} ${path})`;
  if (c.kind === 'page') {
    const res = await page.goto(path);
    const status = res?.status();
    if (want === 'signin') expect(new URL(page.url()).pathname, label).toBe('/sign-in');
    else if (want === 'ok') {
      expect(status, label).toBe(200);
      expect(new URL(page.url()).pathname, label).not.toBe('/sign-in');
    } else expect(status, label).toBe(want === 'notfound' ? 404 : want === 'invalid' ? 400 : 403);
    return;
  }
  const res = await page.request.fetch(path, { method: c.method, data: c.body?.(ctx), maxRedirects: 0 });
  const status = res.status();
  if (want === 'ok') expect(status >= 200 && status < 300, `${label}: got ${status}`).toBe(true);
  else expect(status, label).toBe({ signin: 401, notfound: 404, forbidden: 403, invalid: 400 }[want]);
}
