import { expect, test } from '@playwright/test';
import { ids, signIn } from './helpers';

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
