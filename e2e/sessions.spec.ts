// Sign-out and password change end every session of the user (ARCHITECTURE.md: session version), so a
// copied session cookie stops working. Uses fresh accounts: the shared fixture sessions must live.
import { test, expect } from './fixtures';
import { signIn } from './helpers';
import { inviteAndActivate } from './pages/members-page';

test('a copied session cookie stops working after sign-out', async ({ producer, prod, browser }) => {
  const m = await inviteAndActivate(browser, producer, prod.demo, { role: 'crew' });
  const first = await browser.newContext();
  const a = await first.newPage();
  await signIn(a, m.email, m.password);

  // The copy: the same cookies in another browser.
  const second = await browser.newContext();
  await second.addCookies(await first.cookies());
  const b = await second.newPage();
  await b.goto('/account');
  await expect(b.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(b.getByRole('main').getByText(m.email).first()).toBeVisible();

  await a.locator('header summary').filter({ hasText: m.name }).click();
  await a.getByRole('button', { name: 'Sign out' }).click();
  await expect(a).toHaveURL(/\/sign-in$/);

  await b.goto('/account');
  await expect(b).toHaveURL(/\/sign-in$/);
  // next-auth itself no longer recognises the copy either.
  expect(await (await b.request.get('/api/auth/session')).json()).toEqual({});
  const res = await b.goto(`/productions/${prod.demo}`);
  expect(res?.url()).toMatch(/\/sign-in$/);
  await first.close();
  await second.close();
});

test.describe('password change', () => {
  test('keeps this browser signed in and ends every other session', async ({ producer, prod, browser }) => {
    const m = await inviteAndActivate(browser, producer, prod.demo, { role: 'crew' });
    const phone = await (await browser.newContext()).newPage();
    const laptop = await (await browser.newContext()).newPage();
    await signIn(phone, m.email, m.password);
    await signIn(laptop, m.email, m.password);

    await laptop.goto('/account');
    await laptop.getByLabel('Current password').fill('not my password');
    await laptop.getByLabel('New password', { exact: true }).fill('a brand new password');
    await laptop.getByLabel('Type the new password again').fill('a brand new password');
    await laptop.getByRole('button', { name: 'Change password' }).click();
    await expect(laptop.getByText('That is not your current password.').first()).toBeVisible();

    await laptop.getByLabel('Current password').fill(m.password);
    await laptop.getByLabel('Type the new password again').fill('a brand new passwore');
    await laptop.getByRole('button', { name: 'Change password' }).click();
    await expect(laptop.getByText('The two passwords differ.')).toBeVisible();
    await laptop.getByLabel('Type the new password again').fill('a brand new password');
    await laptop.getByRole('button', { name: 'Change password' }).click();
    await expect(laptop.getByText('Password changed. You are still signed in here')).toBeVisible();

    await laptop.reload();
    await expect(laptop.getByRole('heading', { name: 'Your account' })).toBeVisible();
    await phone.reload();
    await expect(phone).toHaveURL(/\/sign-in$/);

    // The old password no longer works; the new one does.
    await phone.getByLabel('Email').fill(m.email);
    await phone.getByLabel('Password').fill(m.password);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await expect(phone.getByRole('main').getByRole('alert')).toHaveText('That email and password do not match an account.');
    await signIn(phone, m.email, 'a brand new password');
    await phone.context().close();
    await laptop.context().close();
  });
});
