import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { ORIGINAL_OUTLET_HOSTS } from '../app/lib/rust/outlets';
import { createVersion1Database } from '../db/seed/reference-v1';
import { signIn } from './helpers';
import { readerOf, testDb } from './db';

const PATH = '/reference/rust';

function referenceSnapshot() {
  const db = testDb();
  try {
    return JSON.stringify({
      rows: db.prepare('select id, case_id, version, kind, seq, data from reference_records order by id').all(),
      locks: db.prepare('select * from reference_locks').all(),
      versions: db.prepare('select * from reference_versions').all(),
    });
  } finally {
    db.close();
  }
}

async function expectNoHorizontalScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** Every link off the site goes to an allowed original outlet over https: no mirror, no syndication. */
async function expectOnlyOriginalOutlets(page: Page, atLeast: number) {
  const origin = new URL(page.url()).origin;
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const external = hrefs.filter((h) => new URL(h).origin !== origin);
  expect(external.length).toBeGreaterThan(atLeast);
  for (const h of external) {
    expect(new URL(h).protocol, h).toBe('https:');
    expect(ORIGINAL_OUTLET_HOSTS as readonly string[], h).toContain(new URL(h).hostname);
  }
}

/** The case's pages (ARCHITECTURE.md: performance budget, the Rust case): the overview and one page per part. */
const PAGES = ['', '/timeline', '/rules', '/people', '/sources', '/corrections'].map((p) => `${PATH}${p}`);

async function open(page: Page, url: string) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(200);
  await expect(page).toHaveURL(new RegExp(`${url}$`));
}

async function checkCasePage(page: Page) {
  // The overview: what happened, where work would have stopped, the eight failure points.
  await open(page, PATH);
  await expect(page.getByRole('heading', { level: 1, name: 'The Rust shooting, 21 October 2021' })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main).toContainText('Halyna Hutchins, was killed');
  await expect(main).toContainText('Joel Souza, was wounded');
  // Only the correction log may quote the withdrawn wording.
  for (const id of ['#summary', '#failure-points']) await expect(page.locator(id)).not.toContainText(/without (the|an) armorer.s check/);
  // Summary first: what happened, where work would have stopped, the eight failure points; then the timeline, the next page.
  const stops = page.getByRole('heading', { name: 'Where SetSafe would have stopped work' });
  const fps = page.getByRole('heading', { name: 'The eight failure points investigators named' });
  const y = async (l: import('@playwright/test').Locator) => (await l.boundingBox())!.y;
  expect(await y(stops)).toBeLessThan(await y(fps));
  await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toHaveCount(0);
  const tabs = page.getByRole('navigation', { name: 'The Rust case' }).getByRole('link');
  await expect(tabs).toHaveText(['Overview', 'Timeline', 'Rules and features', 'People', 'Sources', 'Corrections']);
  await expect(tabs.first()).toHaveAttribute('aria-current', 'page');
  await expect(main.getByRole('link', { name: /^Next: Timeline/ })).toHaveAttribute('href', `${PATH}/timeline`);
  await expect(page.getByRole('list', { name: 'Events where a rule would have fired' })).toContainText('Sat 16 Oct 2021');
  await expect(page.locator('#failure-points details')).toHaveCount(8);
  // Every failure point links to what answers it, on the page of rules and features.
  for (const fp of ['FP1', 'FP2', 'FP3', 'FP4', 'FP5', 'FP6', 'FP7', 'FP8']) {
    await page.locator(`#fp-${fp} > summary`).click();
    await expect(page.locator(`#fp-${fp}`).locator(`a[href^="${PATH}/rules#answer-"]`).first()).toBeVisible();
  }
  await expect(page.locator('#fp-FP4')).toContainText('Dashboard flag: armorer holds another position');
  await expectOnlyOriginalOutlets(page, 0);

  // The timeline, with approximate and disputed markers.
  await open(page, `${PATH}/timeline`);
  await expect(page.getByRole('navigation', { name: 'The Rust case' }).getByRole('link', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page');
  const timeline = page.locator('#timeline');
  await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeVisible();
  await expect(timeline.getByRole('heading', { name: 'Sat 16 Oct 2021' })).toBeVisible();
  await expect(page.locator('#event-early-oct-discharge')).toContainText('Date unverified');
  await expect(page.locator('#event-handoff')).toContainText('Disputed');
  await expect(page.locator('#event-handoff')).toContainText('testimony at the armorer\u2019s trial on 29 February 2024');
  await expect(page.locator('#event-handoff')).toContainText('incomplete check');
  for (const id of ['#timeline', '#assumptions']) await expect(page.locator(id)).not.toContainText(/without (the|an) armorer.s check/);

  // Computed firings, as the replay returned them.
  // One report for the stunt double's two rounds; the shooting is one report with two injured people.
  const oct16 = page.locator('#event-oct-16-discharges').getByRole('list', { name: 'Rules that would have fired' });
  await expect(oct16.getByRole('link', { name: 'Rule 1', exact: true })).toHaveCount(1);
  await expect(page.locator('#event-oct-16-discharges')).toContainText('Accidental discharge report: two rounds fired by the stunt double');
  const shooting = page.locator('#event-discharge');
  await expect(shooting.getByRole('list', { name: 'Rules that would have fired' })).toContainText('Pattern: 2 firearm incidents within 7 days');
  await expect(shooting).toContainText('Halyna Hutchins: Report the death to the NMED OHSB (8 hours)');
  await expect(shooting).toContainText('What the model cannot yet express');
  // Assumptions sit next to the firing they affect, with what changes without them.
  await expect(page.locator('#assumption-no-meeting-on-21-oct')).toContainText('Without it');
  await expect(page.locator('#assumption-no-meeting-on-21-oct')).toContainText('rules 2, 5, 6 and 8 as replayed; rules 2, 5 and 8 without it.');
  await expect(page.locator('#event-walk-out #assumption-walk-out-as-hold')).toBeVisible();
  const handoff = page.locator('#event-handoff').getByRole('list', { name: 'Rules that would have fired' });
  for (const n of [2, 5, 6, 8]) await expect(handoff.getByRole('link', { name: `Rule ${n}`, exact: true })).toBeVisible();
  // A rule's tag leads to where the rule is explained, on the page of rules and features.
  await expect(handoff.getByRole('link', { name: 'Rule 2', exact: true }).first()).toHaveAttribute('href', `${PATH}/rules#answer-rule-2`);
  await expect(page.locator('#event-sheriff-ammo')).toContainText('Critical: joins the standing stop-work hold');
  await expectOnlyOriginalOutlets(page, 0);

  // The correction log, newest version.
  await open(page, `${PATH}/corrections`);
  await expect(page.locator('#corrections')).toContainText('Version 4, corrected 1 Dec 2026');
  await expect(page.locator('#corrections')).toContainText('Version 3, corrected 1 Dec 2026');
  await expect(page.locator('#corrections')).toContainText('Version 2, corrected 1 Dec 2026');
  await expect(page.locator('#corrections')).toContainText('The firearm enhancement was dropped in February 2023, not July 2024.');

  // Sources: cited by publication and date; linked only to original outlets.
  await open(page, `${PATH}/sources`);
  const sources = page.locator('#sources');
  await expect(sources).toContainText('Santa Fe New Mexican, 5 Oct 2022');
  await expect(sources).toContainText('Los Angeles Times, 22 Oct 2021');
  await expectOnlyOriginalOutlets(page, 10);

  // Every page: one title, no site off the allowed outlets, and no word the sources do not use.
  for (const url of PAGES) {
    await open(page, url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expectOnlyOriginalOutlets(page, -1);
    await expect(page.getByRole('main')).not.toContainText(/murder|misfired/i);
  }
}

test.describe('Rust reference case, signed out', () => {
  test('renders the timeline, sources and computed firings on a 375 px phone, without horizontal scroll', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 375, height: 812 });
    await checkCasePage(page);
    for (const url of PAGES) {
      await open(page, url);
      await expectNoHorizontalScroll(page);
    }
    await open(page, PATH);
    await page.screenshot({ path: 'test-results/rust-375-top.png' });
    await open(page, `${PATH}/timeline`);
    await page.locator('#event-handoff').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/rust-375-handoff.png' });
    await page.screenshot({ path: 'test-results/rust-375-full.png', fullPage: true });
  });

  test('on a phone the case’s tabs stay in reach and take the reader to the sources and back to the overview', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await open(page, `${PATH}/timeline`);
    const nav = page.getByRole('navigation', { name: 'The Rust case' });
    await page.locator('#event-sheriff-ammo').scrollIntoViewIfNeeded();
    await expect(nav).toBeInViewport();
    await nav.getByRole('link', { name: 'Sources' }).click();
    await expect(page).toHaveURL(new RegExp(`${PATH}/sources$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Sources' })).toBeInViewport();
    // A later page opens with its own tab in view, not scrolled off the row's right edge.
    await expect(nav.getByRole('link', { name: 'Sources' })).toBeInViewport({ ratio: 1 });
    await open(page, `${PATH}/corrections`);
    await expect(nav.getByRole('link', { name: 'Corrections' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Corrections' })).toBeInViewport({ ratio: 1 });
    await nav.getByRole('link', { name: 'Overview' }).click();
    await expect(page).toHaveURL(new RegExp(`${PATH}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
    // A failure point named at an event opens where it is explained, on the overview.
    await open(page, `${PATH}/timeline`);
    await page.locator('#event-oct-16-discharges').getByRole('link', { name: 'FP2', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${PATH}#fp-FP2$`));
    await expect(page.locator('#fp-FP2')).toHaveAttribute('open', '');
    await expect(page.locator('#fp-FP2').getByRole('link', { name: 'Rule 3: patterns escalate' })).toBeInViewport();
    await page.screenshot({ path: 'test-results/rust-375-summary.png' });
  });

  test('a link to where a part of the case used to be on its one page reaches the page that now holds it', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    for (const [hash, to] of [
      ['#corrections', '/corrections'],
      ['#sources', '/sources'],
      ['#event-handoff', '/timeline'],
      ['#assumption-no-meeting-on-21-oct', '/timeline'],
      ['#answer-rule-6', '/rules'],
      ['#people', '/people'],
    ] as const) {
      await page.goto(`${PATH}${hash}`);
      await expect(page).toHaveURL(new RegExp(`${PATH}${to}${hash}$`));
      await expect(page.locator(hash)).toBeInViewport();
    }
    // The dashboard's link to failure point 4 stays on the overview and opens it.
    await page.goto(`${PATH}#fp-FP4`);
    await expect(page.locator('#fp-FP4')).toHaveAttribute('open', '');
  });

  test('axe finds no WCAG 2.1 AA violation at 375 px, with every fold open, on every page of the case', async ({ page }) => {
    // The timeline is long; axe over all of it takes longer than the default budget on a shared machine.
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 375, height: 812 });
    for (const url of PAGES) {
      await open(page, url);
      await page.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const violations = await axeViolations(page);
      expect(violations.map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });

  test('a version that is not a number, or not held, answers 404 and changes nothing', async ({ page }) => {
    const before = referenceSnapshot();
    for (const url of PAGES) {
      for (const v of ['abc', '0', '-1', '99', '1e3']) {
        const res = await page.goto(`${url}?version=${v}`);
        expect(res?.status(), `${url} ${v}`).toBe(404);
      }
    }
    expect(referenceSnapshot()).toBe(before);
  });

  test('renders the same at 1280 px', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await checkCasePage(page);
    for (const url of PAGES) {
      await open(page, url);
      await expectNoHorizontalScroll(page);
    }
    await open(page, PATH);
    await page.screenshot({ path: 'test-results/rust-1280-top.png' });
    await page.screenshot({ path: 'test-results/rust-1280-full.png', fullPage: true });
  });

  test('the sign-in page links to it', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Why SetSafe exists: the Rust case' }).click();
    await expect(page).toHaveURL(new RegExp(`${PATH}$`));
  });
});

test.describe('Corrections reach a database that exists', () => {
  // A second server of the same build, on the next port, started on a database as it stood
  // before versions: the first four migrations and version 1 of the case (frozen fixture).
  const port = Number(process.env.E2E_PORT ?? 3100) + 1;
  const base = `http://127.0.0.1:${port}`;
  let dir = '';
  let server: ChildProcess | null = null;

  test.beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-upgrade-'));
    createVersion1Database(path.join(dir, 'setsafe.db'));
    server = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port)], {
      env: { ...process.env, DATABASE_PATH: path.join(dir, 'setsafe.db'), NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: '1' },
      detached: true,
      stdio: 'ignore',
    });
    await expect
      .poll(async () => fetch(`${base}/sign-in`).then((r) => r.status, () => 0), { timeout: 60_000 })
      .toBe(200);
  });

  test.afterAll(() => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the upgraded database shows the corrected case and its correction log; version 1 stays readable, its withdrawn links unlinked', async ({ page }) => {
    expect(readerOf(path.join(dir, 'setsafe.db')).query('select version from reference_versions order by version')).toEqual([{ version: 1 }, { version: 4 }]);
    await page.setViewportSize({ width: 375, height: 812 });
    expect((await page.goto(`${base}${PATH}/corrections`))?.status()).toBe(200);
    const log = page.locator('#corrections');
    await expect(log.getByRole('heading', { name: 'Version 4, corrected 1 Dec 2026' })).toBeVisible();
    await expect(log.getByRole('heading', { name: 'Version 3, corrected 1 Dec 2026' })).toBeVisible();
    await expect(log).toContainText('the limit stated in version 2');
    await expect(log.getByRole('heading', { name: 'Version 2, corrected 1 Dec 2026' })).toBeVisible();
    await expect(log).toContainText('The undated early-October discharge is placed between 6 October');
    await expect(log.getByRole('link', { name: /^Version 1, added 30 Nov 2026/ })).toBeVisible();
    await log.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/rust-375-corrections.png' });
    expect((await page.goto(`${base}${PATH}/timeline`))?.status()).toBe(200);
    await expect(page.locator('#event-early-oct-discharge')).toContainText('Between 6 and 15 Oct 2021');
    for (const p of PAGES) {
      expect((await page.goto(`${base}${p}`))?.status(), p).toBe(200);
      await expectOnlyOriginalOutlets(page, p.endsWith('/sources') ? 10 : -1);
    }

    await page.goto(`${base}${PATH}/corrections`);
    await page.locator('#corrections').getByRole('link', { name: /^Version 1/ }).click();
    await expect(page).toHaveURL(new RegExp(`${PATH}\\?version=1$`));
    await expect(page.getByRole('status').filter({ hasText: 'You are reading version 1' })).toBeVisible();
    // The tabs keep the version read.
    const nav = page.getByRole('navigation', { name: 'The Rust case' });
    await nav.getByRole('link', { name: 'Timeline' }).click();
    await expect(page).toHaveURL(new RegExp(`${PATH}/timeline\\?version=1$`));
    await expect(page.getByRole('status').filter({ hasText: 'You are reading version 1' })).toBeVisible();
    await expect(page.locator('#event-early-oct-discharge')).toContainText('Early October 2021');
    await expect(page.locator('#event-handoff')).toContainText('Halls later said under oath');
    await expectOnlyOriginalOutlets(page, -1);
    // The old version's links to weak outlets are shown unlinked: no mirror or syndication link anywhere.
    await nav.getByRole('link', { name: 'Sources' }).click();
    await expect(page).toHaveURL(new RegExp(`${PATH}/sources\\?version=1$`));
    await expect(page.locator('#src-SUN-OHSB')).toContainText('a later correction withdrew this link');
    await expectOnlyOriginalOutlets(page, 5);
    await page.screenshot({ path: 'test-results/rust-375-version1.png' });
    // An old one-page link keeps the version it names.
    await page.goto(`${base}${PATH}?version=1#event-early-oct-discharge`);
    await expect(page).toHaveURL(new RegExp(`${PATH}/timeline\\?version=1#event-early-oct-discharge$`));
    await expect(page.locator('#event-early-oct-discharge')).toContainText('Early October 2021');
    await page.getByRole('link', { name: /Read the current version/ }).click();
    await expect(page).toHaveURL(new RegExp(`${PATH}/timeline$`));
    await nav.getByRole('link', { name: 'Corrections' }).click();
    await expect(page.locator('#corrections')).toContainText('Version 2, corrected 1 Dec 2026');
  });
});

test.describe('Rust reference data is read-only', () => {
  test('the database refuses UPDATE, DELETE and INSERT on the seeded records', () => {
    const before = referenceSnapshot();
    const db = testDb();
    try {
      expect(() => db.prepare("update reference_records set data = '{}' where case_id = 'rust'").run()).toThrow(/read-only/);
      expect(() => db.prepare("delete from reference_records where case_id = 'rust'").run()).toThrow(/read-only/);
      expect(() => db.prepare("insert into reference_records (id, case_id, kind, seq, data) values ('rust:event:x', 'rust', 'event', 99, '{}')").run()).toThrow(/read-only/);
      expect(() => db.prepare("insert into reference_records (id, case_id, version, kind, seq, data) values ('rust@3:event:x', 'rust', 3, 'event', 99, '{}')").run()).toThrow(/read-only/);
      expect(() => db.prepare("update reference_versions set corrections = '[]'").run()).toThrow(/read-only/);
      expect(() => db.prepare('delete from reference_locks').run()).toThrow(/read-only/);
    } finally {
      db.close();
    }
    expect(referenceSnapshot()).toBe(before);
  });

  test('no request to the page writes it, signed out or signed in', async ({ page, request }) => {
    const before = referenceSnapshot();
    for (const url of PAGES) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        const res = await request.fetch(url, { method, data: { data: '{}' }, maxRedirects: 0 });
        expect(res.status(), `${method} ${url}`).not.toBe(500);
      }
    }
    await signIn(page, 'producer');
    for (const url of PAGES) {
      const res = await page.request.post(url, { data: { data: '{}' }, maxRedirects: 0 });
      expect(res.status(), url).not.toBe(500);
    }
    await page.goto(PATH);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Rust shooting, 21 October 2021');
    expect(referenceSnapshot()).toBe(before);
  });
});
