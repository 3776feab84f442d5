// Signed-in pages per role for feature specs (ARCHITECTURE.md: tests): `test('…', async ({ crew }) => …)`.
// Each role signs in once per worker (storageState under e2e/.auth/); each test gets its own
// browser context. Roles come from the demo seed plus "Other Show (e2e)" (see auth-state.ts).
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { signIn, USERS, type Who } from './helpers';
import { roleOf, storageStateFor, type RoleName } from './auth-state';
import { ids } from './db';

export { expect };
export type { RoleName };

type Fixtures = Record<RoleName, Page> & {
  /** Ids of the seeded productions: demo ("Dry Creek (demo)") and other ("Other Show (e2e)"). */
  prod: { demo: string; other: string };
  /** A fresh signed-in page for any role, for tests that need two of the same. */
  pageAs: (role: RoleName) => Promise<Page>;
};

async function openAs(browser: Browser, role: RoleName, baseURL: string, viewport: { width: number; height: number } | null): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport, storageState: await storageStateFor(role, baseURL) });
  return awaitHydration(await context.newPage());
}

/**
 * `goto` and `reload` resolve once React has hydrated an HTML page (the root layout sets
 * `html[data-hydrated]`): filling a field earlier races react-hook-form writing its defaults back,
 * and the typed text lands after the old value (ARCHITECTURE.md: tests).
 */
export function awaitHydration(page: Page): Page {
  const settle = async <R extends Awaited<ReturnType<Page['goto']>>>(res: R): Promise<R> => {
    const type = res?.headers()['content-type'] ?? '';
    if (type.includes('text/html')) await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    return res;
  };
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, options) => settle(await goto(url, options));
  page.reload = async (options) => settle(await reload(options));
  return page;
}

/**
 * A page in a fresh context for a spec that needs its own (a viewport, downloads, two of a role):
 * signed in by the role's shared session where the account has one, by the form otherwise, and
 * signed out for `null`. Awaits hydration on every goto like the fixtures' pages.
 */
export async function openPageAs(
  browser: Browser,
  who: Who | null,
  opts: { viewport?: { width: number; height: number }; touch?: boolean; baseURL?: string } = {},
): Promise<Page> {
  const role = who ? roleOf(USERS[who]) : null;
  const baseURL = opts.baseURL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
  const context = await browser.newContext({
    baseURL,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    acceptDownloads: true,
    ...(opts.touch ? { isMobile: true, hasTouch: true } : {}),
    ...(role ? { storageState: await storageStateFor(role, baseURL) } : {}),
  });
  const page = awaitHydration(await context.newPage());
  if (who && !role) await signIn(page, who);
  return page;
}

function roleFixture(role: RoleName) {
  return async (
    { browser, baseURL, viewport }: { browser: Browser; baseURL: string | undefined; viewport: { width: number; height: number } | null },
    provide: (p: Page) => Promise<void>,
  ) => {
    const page = await openAs(browser, role, baseURL!, viewport);
    await provide(page);
    await page.context().close();
  };
}

export const test = base.extend<Fixtures>({
  page: async ({ page }, provide) => {
    await provide(awaitHydration(page));
  },
  crew: roleFixture('crew'),
  actor: roleFixture('actor'),
  ad: roleFixture('ad'),
  armorer: roleFixture('armorer'),
  producer: roleFixture('producer'),
  producer2: roleFixture('producer2'),
  auditor: roleFixture('auditor'),
  admin: roleFixture('admin'),
  other: roleFixture('other'),
  prod: async ({}, provide) => {
    await provide(ids());
  },
  pageAs: async ({ browser, baseURL, viewport }, provide) => {
    const opened: Page[] = [];
    await provide(async (role) => {
      const p = await openAs(browser, role, baseURL!, viewport);
      opened.push(p);
      return p;
    });
    for (const p of opened) await p.context().close();
  },
});
