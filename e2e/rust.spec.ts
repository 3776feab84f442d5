import { expect, test, type Page } from '@playwright/test';
import { signIn, testDb } from './helpers';

const PATH = '/reference/rust';

function referenceSnapshot() {
  const db = testDb();
  try {
    return JSON.stringify({
      rows: db.prepare('select id, case_id, kind, seq, data from reference_records order by id').all(),
      locks: db.prepare('select * from reference_locks').all(),
    });
  } finally {
    db.close();
  }
}

async function expectNoHorizontalScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

async function checkCasePage(page: Page) {
  const res = await page.goto(PATH);
  expect(res?.status()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`${PATH}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'The Rust shooting, 21 October 2021' })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main).toContainText('Halyna Hutchins, was killed');
  await expect(main).toContainText('Joel Souza, was wounded');

  // The timeline, with approximate and disputed markers.
  const timeline = page.locator('#timeline');
  await expect(timeline.getByRole('heading', { name: 'Sat 16 Oct 2021' })).toBeVisible();
  await expect(page.locator('#event-early-oct-discharge')).toContainText('Date unverified');
  await expect(page.locator('#event-handoff')).toContainText('Disputed');
  await expect(page.locator('#event-handoff')).toContainText('Halls later said under oath');

  // Computed firings, as the replay returned them.
  const oct16 = page.locator('#event-oct-16-discharges').getByRole('list', { name: 'Rules that would have fired' });
  await expect(oct16.getByRole('link', { name: 'Rule 1', exact: true }).first()).toBeVisible();
  await expect(oct16.getByRole('link', { name: 'Rule 3', exact: true })).toBeVisible();
  await expect(oct16).toContainText('Pattern: 2 firearm incidents within 7 days');
  const handoff = page.locator('#event-handoff').getByRole('list', { name: 'Rules that would have fired' });
  for (const n of [2, 5, 6]) await expect(handoff.getByRole('link', { name: `Rule ${n}`, exact: true })).toBeVisible();
  await expect(page.locator('#event-sheriff-ammo')).toContainText('Critical: joins the standing stop-work hold');
  await expect(page.locator('#summary')).toContainText('First moment work would have stopped');
  await expect(page.locator('#summary')).toContainText('Sat 16 Oct 2021');

  // Sources: cited by publication and date; linked only to original outlets.
  const sources = page.locator('#sources');
  await expect(sources).toContainText('Santa Fe New Mexican, 5 Oct 2022');
  await expect(sources).toContainText('Los Angeles Times, 22 Oct 2021');
  const hrefs = await page.locator('a[href^="http"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs.length).toBeGreaterThan(10);
  for (const h of hrefs) expect(h).not.toMatch(/yahoo|digismak|thecandlepublishing|newser|exbulletin|kunm|ksnt|wbrz|localnews8|abc15|owiki/);

  // Every failure point links to what answers it.
  for (const fp of ['FP1', 'FP2', 'FP3', 'FP4', 'FP5', 'FP6', 'FP7', 'FP8']) {
    await expect(page.locator(`#fp-${fp}`).locator('a[href^="#answer-"]').first()).toBeVisible();
  }
  await expect(page.locator('#fp-FP4')).toContainText('Dashboard flag: armorer holds another position');
  await expect(main).not.toContainText(/murder|misfired/i);
}

test.describe('Rust reference case, signed out', () => {
  test('renders the timeline, sources and computed firings on a 375 px phone, without horizontal scroll', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await checkCasePage(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: 'test-results/rust-375-top.png' });
    await page.locator('#event-handoff').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/rust-375-handoff.png' });
    await page.screenshot({ path: 'test-results/rust-375-full.png', fullPage: true });
  });

  test('renders the same at 1280 px', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await checkCasePage(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: 'test-results/rust-1280-top.png' });
    await page.screenshot({ path: 'test-results/rust-1280-full.png', fullPage: true });
  });

  test('the sign-in page links to it', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Why SetSafe exists: the Rust case' }).click();
    await expect(page).toHaveURL(new RegExp(`${PATH}$`));
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
      expect(() => db.prepare('delete from reference_locks').run()).toThrow(/read-only/);
    } finally {
      db.close();
    }
    expect(referenceSnapshot()).toBe(before);
  });

  test('no request to the page writes it, signed out or signed in', async ({ page, request }) => {
    const before = referenceSnapshot();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await request.fetch(PATH, { method, data: { data: '{}' }, maxRedirects: 0 });
      expect(res.status(), method).not.toBe(500);
    }
    await signIn(page, 'producer');
    const res = await page.request.post(PATH, { data: { data: '{}' }, maxRedirects: 0 });
    expect(res.status()).not.toBe(500);
    await page.goto(PATH);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Rust shooting, 21 October 2021');
    expect(referenceSnapshot()).toBe(before);
  });
});
