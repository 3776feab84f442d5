// Opening SetSafe with no signal, from a cold start (ARCHITECTURE.md: phones and offline): pages
// seen with a signal, the member's report form and holds open from the copies the service worker
// kept, say they are copies and when they were saved, still carry their Content-Security-Policy
// (their scripts run with the nonce they were saved with), and a report filed there is queued and
// sent when the signal returns. Copies are one member's: sign-out and another member's sign-in
// clear them. "Unsafe condition" is used so no hold or pattern rule fires.
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signIn } from './helpers';
import { inviteAndActivate } from './pages/members-page';
import { query } from './db';

// The service worker is what these tests are about (the suite blocks it elsewhere, playwright.config.ts).
test.use({ viewport: { width: 375, height: 812 }, serviceWorkers: 'allow' });
test.setTimeout(120_000);

const PAGES = 'setsafe-pages-v1';

/** The pages the worker holds a copy of, as paths. */
const keptPaths = (page: Page) =>
  page.evaluate(async (name) => {
    if (!(await caches.has(name))) return [] as string[];
    const keys = await (await caches.open(name)).keys();
    return keys.map((k) => new URL(k.url).pathname).sort();
  }, PAGES);

/** Waits until the service worker controls the page (the first visit installs it). */
async function controlled(page: Page) {
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker?.controller), { timeout: 30_000 }).toBe(true);
}

/** With no network, the page and the service worker both (the worker's own requests fail too). */
async function setOffline(context: BrowserContext, offline: boolean) {
  await context.setOffline(offline);
}

/** A new tab in the same browser, opened cold at `path`. */
async function openCold(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const res = await page.goto(path);
  expect(res, path).not.toBeNull();
  return page;
}

function incidentsWith(description: string) {
  return query<{ id: string }>('select id from incidents where description = ?', description);
}

test('pages seen with a signal, the report form and the holds open offline from a cold start; a report filed there is sent when the signal returns', async ({ crew, prod }) => {
  const base = `/productions/${prod.demo}`;
  const context = crew.context();
  await crew.goto(base);
  await controlled(crew);
  // The layout asks for the overview, the holds and the report form; the incidents list is a page seen.
  await crew.goto(`${base}/incidents`);
  await expect.poll(() => keptPaths(crew), { timeout: 30_000 }).toEqual(expect.arrayContaining(['/', base, `${base}/hold`, `${base}/incidents`, `${base}/incidents/new`]));
  await crew.close();

  await setOffline(context, true);
  const holds = await openCold(context, `${base}/hold`);
  await expect(holds.getByTestId('offline-copy')).toContainText('Offline copy saved on this phone');
  await expect(holds.getByTestId('offline-copy')).toContainText('No signal');
  await expect(holds.getByRole('heading', { name: 'Stop-work holds', level: 1 })).toBeVisible();
  await holds.screenshot({ path: 'test-results/screens/375/crew/offline-copy-holds.png', fullPage: true });
  await holds.setViewportSize({ width: 1280, height: 900 });
  await holds.screenshot({ path: 'test-results/screens/1280/crew/offline-copy-holds.png', fullPage: true });
  await holds.close();

  const seen = await openCold(context, `${base}/incidents`);
  await expect(seen.getByTestId('offline-copy')).toBeVisible();
  await seen.close();

  // The report form, cold and offline: the copy kept its policy, and its scripts ran under it
  // (its goto waited for hydration, which only a script carrying the saved nonce can mark).
  const form = await context.newPage();
  const res = await form.goto(`${base}/incidents/new`);
  expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(res?.headers()['x-frame-options']).toBe('DENY');
  const nonce = /'nonce-([^']+)'/.exec(res!.headers()['content-security-policy'])![1];
  expect(await form.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  expect(await form.evaluate(() => [...document.scripts].filter((s) => s.nonce).map((s) => s.nonce))).toContain(nonce);
  await expect(form.getByTestId('offline-copy')).toBeVisible();
  const description = `Extension lead across the stage door, filed from a cold start offline ${randomUUID()}`;
  await form.getByRole('radio', { name: 'Unsafe condition', exact: true }).check();
  await form.getByLabel('What happened?').fill(description);
  await form.getByLabel('Where?').fill('Stage 2 door');
  await form.getByRole('button', { name: 'File report' }).click();
  await expect(form.getByTestId('queued-notice')).toContainText('No signal — your report is saved on this phone');
  await form.screenshot({ path: 'test-results/screens/375/crew/offline-cold-queued.png', fullPage: true });
  expect(incidentsWith(description)).toHaveLength(0);

  // A page never opened has no copy: the worker's own page says so and lists the saved ones.
  const none = await context.newPage();
  await none.goto(`${base}/members`);
  await expect(none.getByRole('heading', { name: 'No signal' })).toBeVisible();
  await expect(none.getByText('This page was not saved on this phone')).toBeVisible();
  await expect(none.getByRole('link', { name: /New incident report|Report/ }).first()).toBeVisible();
  await none.screenshot({ path: 'test-results/screens/375/crew/offline-no-copy.png', fullPage: true });
  await none.close();

  await setOffline(context, false); // the `online` event: the outbox sends
  await expect(form.getByTestId('outbox-status')).toContainText('A report saved on this phone was sent');
  await expect(form.getByTestId('queued-notice')).toContainText('Sent: your report is filed');
  await expect(form.getByTestId('offline-copy')).toContainText('The connection is back');
  await expect.poll(() => incidentsWith(description).length).toBe(1);
  await form.getByRole('button', { name: 'Load the current page' }).click();
  await expect(form.getByTestId('offline-copy')).toHaveCount(0);
});

test('signing out clears the copies; another member signing in never sees the previous one’s', async ({ producer, prod, browser }) => {
  const base = `/productions/${prod.demo}`;
  const first = await inviteAndActivate(browser, producer, prod.demo, { role: 'crew' });
  const second = await inviteAndActivate(browser, producer, prod.demo, { role: 'crew' });
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  try {
    const page = await context.newPage();
    await signIn(page, first.email, first.password);
    await page.goto('/account');
    await controlled(page);
    await page.goto('/account');
    await expect.poll(() => keptPaths(page), { timeout: 30_000 }).toEqual(expect.arrayContaining(['/', '/account']));

    await page.getByLabel(`Account: ${first.name}`).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect.poll(() => keptPaths(page)).toEqual([]);

    // Signed in again, copies are kept; then the session goes (cookies cleared, as on a shared
    // phone handed over) and another member signs in: nothing of the first stays.
    await signIn(page, first.email, first.password);
    await page.goto('/account');
    await expect.poll(() => keptPaths(page), { timeout: 30_000 }).toEqual(expect.arrayContaining(['/', '/account']));
    await context.clearCookies();
    await signIn(page, second.email, second.password);
    await page.goto(base);
    await expect.poll(() => keptPaths(page), { timeout: 30_000 }).toEqual(expect.arrayContaining(['/', base]));
    expect(await keptPaths(page)).not.toContain('/account');

    await setOffline(context, true);
    const home = await openCold(context, '/');
    await expect(home.getByTestId('offline-copy')).toBeVisible();
    // Both are members, so the first one's name may be in the member list; never as the account.
    await expect(home.getByLabel(`Account: ${second.name}`)).toBeAttached();
    await expect(home.getByLabel(`Account: ${first.name}`)).toHaveCount(0);
    expect(await home.content()).not.toContain(first.email);
    const account = await context.newPage();
    await account.goto('/account');
    await expect(account.getByText('This page was not saved on this phone')).toBeVisible();
    expect(await account.content()).not.toContain(first.email);
  } finally {
    await context.close();
  }
});
