import { test } from '@playwright/test';
import { ids, signIn } from '../helpers';

for (const width of [375, 1280]) {
  test(`shots ${width}`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/sign-in');
    await page.screenshot({ path: `test-results/shots/sign-in-${width}.png`, fullPage: true });
    await signIn(page, 'producer');
    const { demo } = ids();
    await page.goto(`/productions/${demo}`);
    await page.screenshot({ path: `test-results/shots/overview-${width}.png`, fullPage: true });
  });
}
