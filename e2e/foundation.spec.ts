import { expect, test } from './fixtures';
import { signIn } from './helpers';
import { ids } from './db';

test.describe('sign-in', () => {
  test('wrong password and unknown email get the same message', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('producer@setsafe.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('That email and password do not match an account.');
    await page.getByLabel('Email').fill('nobody@setsafe.test');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('That email and password do not match an account.');
  });

  test('producer signs in and lands on the demo production', async ({ page }) => {
    const { demo } = ids();
    await signIn(page, 'producer');
    await expect(page).toHaveURL(new RegExp(`/productions/${demo}$`));
    await expect(page.getByRole('heading', { name: 'Dry Creek (demo)' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Production' }).getByRole('link', { name: 'Members' })).toBeVisible();
  });
});

// The permission matrix (ARCHITECTURE.md), read as a person sees it: which sections each role's production nav offers.
const NAV: Record<'crew' | 'armorer' | 'producer' | 'auditor', string[]> = {
  crew: ['Overview', 'My reports', 'Report', 'Checks', 'Meetings', 'Scene plans', 'Holds', 'Members', 'Anonymous reporting'],
  armorer: ['Overview', 'Incidents', 'Report', 'Firearms', 'Holds', 'Dashboard', 'Members', 'Anonymous reporting'],
  producer: ['Overview', 'Incidents', 'Report', 'Firearms', 'Holds', 'Dashboard', 'Audit', 'OSHA', 'Members', 'Anonymous reporting', 'Settings'],
  auditor: ['Overview', 'Incidents', 'Firearms', 'Holds', 'Dashboard', 'Audit', 'OSHA', 'Members', 'Anonymous reporting'],
};
const ROLE_LABEL = { crew: 'Crew', armorer: 'Armorer', producer: 'Producer', auditor: 'Auditor' } as const;
const NAME = { crew: 'Cody Camera', armorer: 'Ana Armorer', producer: 'Priya Producer', auditor: 'Aldo Auditor' } as const;

test.describe('each role signs in and sees its nav', () => {
  for (const role of Object.keys(NAV) as (keyof typeof NAV)[]) {
    test(role, async ({ page }) => {
      const { demo } = ids();
      await signIn(page, role);
      await expect(page).toHaveURL(new RegExp(`/productions/${demo}$`));
      await expect(page.getByText(`you are ${ROLE_LABEL[role]}`)).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Production' }).getByRole('link')).toHaveText(NAV[role]);
      await page.locator('header summary').filter({ hasText: NAME[role] }).click();
      await expect(page.getByRole('link', { name: 'Account and password' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Site admin' })).toHaveCount(0);
    });
  }

  test('site admin sees site admin and no production of their own', async ({ page }) => {
    await signIn(page, 'admin');
    await expect(page.getByRole('heading', { name: 'Your productions' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Production' })).toHaveCount(0);
    await page.locator('header summary').filter({ hasText: 'Sam Admin' }).click();
    await expect(page.getByRole('link', { name: 'Site admin' })).toBeVisible();
  });
});

test('a signed-out visitor is sent to sign-in from every page that needs an account', async ({ page }) => {
  const { demo, other } = ids();
  const pages = ['/', '/account', '/notifications', '/admin', `/productions/${demo}`, `/productions/${demo}/members`, `/productions/${demo}/settings`, `/productions/${other}`];
  for (const url of pages) {
    await page.goto(url);
    await expect(page, url).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }
});

test.describe('a member of one production gets 404 for another', () => {
  test('other show’s producer cannot open the demo production', async ({ page }) => {
    const { demo } = ids();
    await signIn(page, 'otherProducer');
    for (const url of [`/productions/${demo}`, `/productions/${demo}/members`, `/productions/${demo}/settings`]) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(404);
      await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
      await expect(page.getByText('Dry Creek (demo)')).toHaveCount(0);
    }
  });

  test('demo producer cannot open the other production', async ({ page }) => {
    const { other } = ids();
    await signIn(page, 'producer');
    for (const url of [`/productions/${other}`, `/productions/${other}/members`]) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(404);
      await expect(page.getByText('Other Show (e2e)')).toHaveCount(0);
    }
  });
});
