// Everything works by keyboard (ARCHITECTURE.md: phones and offline): signing in, filing a report, and the errors a form
// shows — announced in live regions, the field marked invalid, focus taken to the first one.
// Only the keyboard moves between controls here; no click and no locator.fill.
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PASSWORD, USERS } from './helpers';
import { one, testDb } from './db';

test.use({ viewport: { width: 375, height: 812 } });

/** Presses Tab until `target` has focus; fails if it is not reachable within `max` presses. */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Not reachable by Tab within ${max} presses: ${target}`);
}

test('signing in by keyboard alone', async ({ page }) => {
  await page.goto('/sign-in');
  await tabTo(page, page.getByLabel('Email'));
  await page.keyboard.type(USERS.crew);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  await expect(page.getByRole('navigation', { name: 'Production' })).toBeVisible();
});

test('a report filed by keyboard alone; its errors are announced and take focus', async ({ crew, prod }) => {
  const page = crew;
  await page.goto(`/productions/${prod.demo}/incidents/new`);
  const file = page.getByRole('button', { name: 'File report' });

  // Submitting the empty form: every required answer says what is missing, nothing is stored.
  await tabTo(page, file);
  await page.keyboard.press('Enter');
  await expect(page.locator('#type-error')).toContainText('Choose what kind of incident this is.');
  await expect(page.locator('#description-error')).toContainText('Say briefly what happened.');
  await expect(page.locator('#location-error')).toContainText('Say where it happened.');
  for (const id of ['type-error', 'description-error', 'location-error']) await expect(page.locator(`#${id}`)).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByLabel('What happened?')).toHaveAttribute('aria-invalid', 'true');
  // Focus goes to the first unanswered question (the kind), so a keyboard or screen-reader user starts there.
  await expect(page.getByRole('radio', { name: 'Accidental discharge', exact: true })).toBeFocused();

  // Arrow keys choose within the radio group: down four from the first is "Near miss".
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Near miss', exact: true })).toBeChecked();
  const description = `Keyboard-only report ${randomUUID()}`;
  await tabTo(page, page.getByLabel('What happened?'));
  await page.keyboard.type(description);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Where?')).toBeFocused();
  await page.keyboard.type('Stage 2, east door');
  await page.keyboard.press('Enter');

  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}\?filed=1/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Near miss');
  const db = testDb();
  try {
    const rows = db.prepare('select type, location from incidents where description = ?').all(description);
    expect(rows).toEqual([{ type: 'near_miss', location: 'Stage 2, east door' }]);
  } finally {
    db.close();
  }
});

test('the stop-work hold form refuses a missing reason by keyboard, announced, storing nothing', async ({ crew, prod }) => {
  // Only the refusal is exercised: a real hold would stop work for the other specs.
  const page = crew;
  const before = countHolds(prod.demo);
  await page.goto(`/productions/${prod.demo}/hold`);
  await tabTo(page, page.getByRole('button', { name: 'Call stop-work hold' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('#hold-reason-error')).toContainText('Say why work must stop');
  await expect(page.locator('#hold-reason-error')).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByLabel('Why must work stop?')).toBeFocused();
  expect(countHolds(prod.demo)).toBe(before);
});

function countHolds(productionId: string): number {
  return one<{ n: number }>('select count(*) n from holds where production_id = ?', productionId).n;
}
