// Field-ready on a phone: the bottom navigation, Stop work one tap away, a home that says what
// waits, results where the eye is, and the night theme. A describe per role; 375 px unless said.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axeViolations } from './axe';
import { one, withDb } from './db';

const PHONE = { width: 375, height: 812 };
test.use({ viewport: PHONE });

const bar = (page: Page) => page.getByRole('navigation', { name: 'Production' });

/** Every link and button of the bar lies wholly inside the screen: nothing clipped or scrolled off. */
async function expectInsideScreen(page: Page) {
  const boxes = await bar(page)
    .locator('a, button')
    .evaluateAll((els) => els.map((e) => ({ text: (e as HTMLElement).innerText, ...e.getBoundingClientRect().toJSON() })));
  expect(boxes.length).toBeGreaterThan(0);
  for (const b of boxes) {
    expect(b.left, b.text).toBeGreaterThanOrEqual(0);
    expect(b.right, b.text).toBeLessThanOrEqual(PHONE.width);
    expect(b.bottom, b.text).toBeLessThanOrEqual(PHONE.height);
    expect(b.height, b.text).toBeGreaterThanOrEqual(44);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

const standingHoldCount = (productionId: string) => one<{ n: number }>('select count(*) n from holds where production_id = ? and lifted_at is null', productionId).n;

test.describe('crew', () => {
  test('the bottom bar holds their four most used pages and More; Stop work is one tap away', async ({ crew, prod }) => {
    await crew.goto(`/productions/${prod.demo}`);
    await expect(bar(crew).getByRole('link')).toHaveText(['Home', 'Report', 'Checks', 'My reports']);
    await expect(bar(crew).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    await expectInsideScreen(crew);

    const more = bar(crew).getByRole('button', { name: 'More' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await expect(bar(crew).getByRole('link', { name: 'Holds' })).toBeVisible();
    await expect(bar(crew).getByRole('link', { name: 'Meetings' })).toBeVisible();
    await expectInsideScreen(crew);
    await crew.keyboard.press('Escape');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(more).toBeFocused();

    // Stop work from a page deep in the app: one tap, and the reason is the one thing left to give.
    await bar(crew).getByRole('link', { name: 'My reports' }).click();
    await expect(bar(crew).getByRole('link', { name: 'My reports' })).toHaveAttribute('aria-current', 'page');
    await crew.getByRole('link', { name: 'Stop work' }).click();
    await expect(crew.getByLabel('Why must work stop?')).toBeFocused();
  });

  test('the home lists what waits for them: a reply on a report they filed', async ({ crew, producer, prod }) => {
    const id = randomUUID();
    const res = await crew.request.post(`/api/productions/${prod.demo}/incidents`, {
      data: { id, type: 'unsafe_condition', description: `Home list check ${id}`, location: 'Stage 2' },
    });
    expect(res.status()).toBe(201);
    await crew.goto(`/productions/${prod.demo}`);
    const waiting = crew.getByRole('region', { name: /Waiting for you/ });
    await expect(waiting).toBeVisible();
    const { number } = one<{ number: number }>('select number from incidents where id = ?', id);
    await expect(waiting.getByRole('link', { name: new RegExp(`report #${number}\\b`) })).toHaveCount(0);

    await producer.goto(`/productions/${prod.demo}/incidents/${id}`);
    await producer.getByRole('textbox', { name: 'Add a comment' }).fill('Which door was it?');
    await producer.getByRole('button', { name: 'Post comment' }).click();
    await expect(producer.getByRole('textbox', { name: 'Add a comment' })).toHaveValue('');

    await crew.reload();
    const item = waiting.getByRole('link', { name: new RegExp(`A reply on your report #${number}\\b`) });
    await expect(item).toBeVisible();
    await item.click();
    await expect(crew).toHaveURL(new RegExp(`/incidents/${id}$`));
  });
});

test.describe('armorer', () => {
  test('the bar leads with the firearms pages; the firearms tabs (eight, with scene plans, qualifications and the firearms report) wrap instead of clipping', async ({ armorer, prod }) => {
    await armorer.goto(`/productions/${prod.demo}/ammunition`);
    await expect(bar(armorer).getByRole('link')).toHaveText(['Home', 'Firearms', 'Incidents', 'Report']);
    await expect(bar(armorer).getByRole('link', { name: 'Firearms' })).toHaveAttribute('aria-current', 'page');
    await expectInsideScreen(armorer);
    const tabs = armorer.getByRole('navigation', { name: 'Firearms' }).getByRole('link');
    await expect(tabs).toHaveCount(8);
    for (const box of await tabs.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) expect(box.right).toBeLessThanOrEqual(PHONE.width);
  });

  test('a saved lot is announced where the eye is, and the inspection tick does not carry over', async ({ armorer, prod }) => {
    await armorer.goto(`/productions/${prod.demo}/ammunition`);
    const lot = `PH-${randomUUID().slice(0, 8)}`;
    await armorer.getByLabel('Kind').selectOption({ label: 'Dummy' });
    await armorer.getByLabel('Calibre').fill('.45 Colt');
    await armorer.getByLabel('Rounds received').fill('12');
    await armorer.getByLabel('Supplier').fill('Phone test supply');
    await armorer.getByLabel('Lot number').fill(lot);
    await armorer.getByLabel('Delivery note or invoice').fill('DN-PHONE');
    await armorer.getByRole('checkbox', { name: /Rattle/ }).check();
    await armorer.getByLabel('Dummies verified').fill('12');
    const tick = armorer.getByRole('checkbox', { name: /I inspected every round/ });
    await tick.check();
    await armorer.getByRole('button', { name: 'Record the lot' }).click();
    const done = armorer.getByRole('status').filter({ hasText: `Lot ${lot} received` });
    await expect(done).toBeVisible();
    const box = await done.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    await expect(armorer.locator('[data-tone="success"]')).toBeFocused();
    await expect(tick).not.toBeChecked();
  });
});

test.describe('producer', () => {
  test('a hold: Stop work calls it, the banner is full once then compact, the home lists it first, the hand-out form says why it is shut', async ({ producer, armorer, prod }) => {
    await producer.goto(`/productions/${prod.demo}/incidents`);
    expect(standingHoldCount(prod.demo)).toBe(0);
    await producer.getByRole('link', { name: 'Stop work' }).click();
    await producer.getByLabel('Why must work stop?').fill('Smoke on stage two.');
    await producer.getByRole('button', { name: /Call stop-work hold/ }).click();
    const banner = producer.getByTestId('hold-banner');
    await expect(banner).toContainText('Smoke on stage two. No weapon');
    await expect(banner).not.toContainText('..');
    await expect(producer.getByRole('link', { name: 'Stop work' })).toHaveCount(0);

    await producer.goto(`/productions/${prod.demo}`);
    await expect(banner).toHaveAttribute('data-compact', 'true');
    const height = (await banner.boundingBox())!.height;
    expect(height).toBeLessThan(100);
    await expect(banner.getByRole('link', { name: 'Hold details' })).toBeVisible();
    const first = producer.getByTestId('waiting-list').getByRole('link').first();
    await expect(first).toContainText('A stop-work hold stands: Smoke on stage two');
    expect(standingHoldCount(prod.demo)).toBe(1);

    // Held states stay unmistakable at night too: axe finds no contrast problem in the dark theme.
    await producer.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' }); // no colour half-way through a transition
    const violations = await axeViolations(producer, ['wcag2a', 'wcag2aa']);
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // The armorer's hand-out form says why it cannot be used and is disabled; a crafted request is still refused and recorded (rule 2).
    await armorer.goto(`/productions/${prod.demo}/custody`);
    await expect(armorer.getByTestId('handoff-blocked')).toContainText('A stop-work hold stands');
    await expect(armorer.locator('#hand-out').getByRole('button', { name: 'Hand over' })).toBeDisabled();
    const { firearm, actorUser, refusedBefore } = withDb((db) => ({
      firearm: db.prepare("select id from firearms where production_id = ? and tag = 'E2E-SEED-1'").get(prod.demo) as { id: string },
      actorUser: db.prepare("select id from users where email = 'actor@setsafe.test'").get() as { id: string },
      refusedBefore: (db.prepare('select count(*) n from refused_handoffs where production_id = ?').get(prod.demo) as { n: number }).n,
    }));
    const crafted = await armorer.request.post(`/api/productions/${prod.demo}/handoffs`, {
      data: { id: randomUUID(), firearmId: firearm.id, toUserId: actorUser.id, scene: 'SEED', ammoLotId: '', roundsOut: 0 },
    });
    expect(crafted.status()).toBe(422);
    withDb((after) => {
      expect((after.prepare('select count(*) n from refused_handoffs where production_id = ?').get(prod.demo) as { n: number }).n).toBe(refusedBefore + 1);
      expect((after.prepare('select count(*) n from handoffs where firearm_id = ? and returned_at is null').get(firearm.id) as { n: number }).n).toBe(0);
    });

    // Lifted in writing, so the specs after this one start without a hold.
    await banner.getByRole('link', { name: 'Hold details' }).click();
    await producer.getByLabel('Written resolution').fill('Smoke machine re-set and tested; stage aired out.');
    await producer.getByRole('button', { name: 'Lift hold' }).click();
    await producer.getByRole('button', { name: 'Yes, lift the hold' }).click();
    await expect(banner).toHaveCount(0);
    expect(standingHoldCount(prod.demo)).toBe(0);
  });
});

test.describe('auditor', () => {
  test('observes: no Stop work anywhere, and their bar leads with the trail', async ({ auditor, prod }) => {
    await auditor.goto(`/productions/${prod.demo}`);
    await expect(bar(auditor).getByRole('link')).toHaveText(['Home', 'Incidents', 'Dashboard', 'Audit']);
    await expect(auditor.getByRole('link', { name: 'Stop work' })).toHaveCount(0);
    await expectInsideScreen(auditor);
  });
});

test.describe('any member, on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 900 } });
  test('the tab row shows every page and the bottom bar is gone', async ({ crew, prod }) => {
    await crew.goto(`/productions/${prod.demo}`);
    await expect(bar(crew).getByRole('link')).toHaveText(['Overview', 'My reports', 'Report', 'Checks', 'Meetings', 'Scene plans', 'Holds', 'Members', 'Anonymous reporting']);
    await expect(crew.getByRole('button', { name: 'More' })).toHaveCount(0);
  });
});

test.describe('night theme', () => {
  const canvas = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  test('follows the device, and the account page can fix it on this device', async ({ crew }) => {
    await crew.goto('/account');
    const light = await canvas(crew);
    await crew.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    const dark = await canvas(crew);
    expect(dark).not.toBe(light);
    await expect(crew.getByRole('radio', { name: /Follow this device/ })).toBeChecked();

    // Chosen light on a phone set to dark: stays light, after a reload too.
    await crew.getByRole('radio', { name: /^Light/ }).check();
    await expect.poll(() => canvas(crew)).toBe(light);
    await crew.reload();
    await expect(crew.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await canvas(crew)).toBe(light);

    await crew.getByRole('radio', { name: /^Dark/ }).check();
    await crew.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => canvas(crew)).toBe(dark);
    const violations = await axeViolations(crew, ['wcag2a', 'wcag2aa']);
    expect(violations.map((v) => v.id)).toEqual([]);

    await crew.getByRole('radio', { name: /Follow this device/ }).check();
    await expect(crew.locator('html')).not.toHaveAttribute('data-theme', /.+/);
    await expect.poll(() => canvas(crew)).toBe(light);
  });
});
