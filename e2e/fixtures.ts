// Signed-in pages per role for feature specs (ARCHITECTURE.md: tests): `test('…', async ({ crew }) => …)`.
// Each role signs in once per worker (storageState under e2e/.auth/); each test gets its own
// browser context. Roles come from the demo seed plus "Other Show (e2e)" (see auth-state.ts).
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
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
  return context.newPage();
}

const hydrating = new WeakSet<Page>();

/**
 * `goto` and `reload` resolve once React has hydrated an HTML page (the root layout sets
 * `html[data-hydrated]`): filling a field earlier races react-hook-form writing its defaults back,
 * and the typed text lands after the old value (ARCHITECTURE.md: tests). A document with no script
 * (the service worker's own offline page) has nothing to hydrate, so it is not waited for.
 */
function awaitHydration(page: Page): Page {
  if (hydrating.has(page)) return page;
  hydrating.add(page);
  const settle = async <R extends Awaited<ReturnType<Page['goto']>>>(res: R): Promise<R> => {
    const type = res?.headers()['content-type'] ?? '';
    if (type.includes('text/html')) await page.locator('html[data-hydrated], html:not(:has(script))').waitFor({ state: 'attached' });
    return res;
  };
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, options) => settle(await goto(url, options));
  page.reload = async (options) => settle(await reload(options));
  return page;
}

/** Every page of the context awaits hydration: those it opens and those opened in it (popups). */
function hydratingPages(context: BrowserContext): BrowserContext {
  const newPage = context.newPage.bind(context);
  context.newPage = async () => awaitHydration(await newPage());
  context.on('page', awaitHydration);
  return context;
}

/**
 * A page in a fresh context for a spec that needs its own (a viewport, downloads, two of a role):
 * signed in by the role's shared session where the account has one, by the form otherwise, and
 * signed out for `null`.
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
  const page = await context.newPage();
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
  // One place for the hydration wait (ARCHITECTURE.md: tests): every context this browser makes, so
  // the role fixtures, openPageAs, a spec's own browser.newContext or browser.newPage, and
  // Playwright's own context and page fixtures (made by browser.newContext) all wait. Playwright's
  // reuseContext mode, off in this suite, makes its context another way and would not.
  browser: [
    async ({ browser }, provide) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => hydratingPages(await newContext(options));
      await provide(browser);
    },
    { scope: 'worker' },
  ],
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
