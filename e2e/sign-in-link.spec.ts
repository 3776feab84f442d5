// Sign-in link by email (README: Security): the owner's way in while guessing on their account has
// paused password sign-in. The guesser is throttled; the owner asks for a link, reads it from the
// outbox row (the email the worker sends), and gets in — and still gives their second factor when
// the account has one. Fresh accounts only: the shared demo accounts must keep signing in (e2e/auth-state.ts).
import { generateSync } from 'otplib';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';

import { inviteAndActivate } from './pages/members-page';
import { one, query } from './db';

const SAME_ANSWER = 'If that address has a SetSafe account, a sign-in link is on its way to it. The link works once, for 15 minutes.';

/** The newest sign-in link emailed to `email`, read from its outbox row. */
function linkFor(email: string): string | null {
  const row = one<{ text: string } | undefined>("select text from deliveries where kind = 'sign_in_link' and to_address = ? order by created_at desc limit 1", email);
  return row ? (/\/sign-in\/link\/[A-Za-z0-9_-]{43}/.exec(row.text)?.[0] ?? null) : null;
}

const rand = () => Math.floor(Math.random() * 200) + 1;

async function askForLink(browser: Browser, baseURL: string, email: string, xff: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': xff } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Email me a sign-in link instead' }).click();
  await expect(page).toHaveURL(/\/sign-in\/link$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in by email' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('status').filter({ hasText: SAME_ANSWER })).toBeVisible();
  return page;
}

test.describe('the owner while a guesser is throttled', () => {
  test('guessing from many addresses pauses password sign-in from new devices; the owner gets in with a link from their mailbox', async ({ browser, producer, prod, baseURL, playwright }, info) => {
    test.setTimeout(240_000);
    const who = await inviteAndActivate(browser, producer, prod.demo, { role: 'crew' });

    // The guesser: 100 wrong passwords from 100 addresses within the hour (the account-wide limit).
    const api = await playwright.request.newContext({ baseURL });
    const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
    for (let i = 0; i < 100; i++) {
      await api.post('/api/auth/callback/credentials', {
        form: { csrfToken, email: who.email, password: `guess-${i}`, json: 'true' },
        headers: { 'X-Forwarded-For': `203.0.${113 + (i % 3)}.${(i % 250) + 1}` },
        maxRedirects: 0,
      });
    }
    await api.dispose();

    // The owner, on a phone they never signed in from: the right password is refused for now.
    const ownerAddress = `198.51.100.${rand()}`;
    const phone = await browser.newContext({ baseURL, viewport: { width: 375, height: 800 }, extraHTTPHeaders: { 'X-Forwarded-For': ownerAddress } });
    const page = await phone.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('sign-in is paused from new devices');
    await expect(page).toHaveURL(/sign-in/);

    // So they ask for a link, from the same phone. The link is a client-side navigation: the
    // sign-in form's own Email field is still on screen until the new page has rendered.
    await page.getByRole('link', { name: 'Email me a sign-in link instead' }).click();
    await expect(page).toHaveURL(/\/sign-in\/link$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in by email' })).toBeVisible();
    await page.getByLabel('Email').fill(who.email);
    await expect(page.getByLabel('Email')).toHaveValue(who.email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByRole('status').filter({ hasText: SAME_ANSWER })).toBeVisible();
    await page.screenshot({ path: info.outputPath('sign-in-link-request-375.png'), fullPage: true });
    await expect.poll(() => linkFor(who.email)).not.toBeNull();
    const link = linkFor(who.email)!;

    await page.goto(link);
    await expect(page.getByText(`Sign in as ${who.email}. This link works once.`)).toBeVisible();
    await page.screenshot({ path: info.outputPath('sign-in-link-follow-375.png'), fullPage: true });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).not.toHaveURL(/sign-in/);
    const session = (await (await page.request.get('/api/auth/session')).json()) as { user?: { email?: string } };
    expect(session.user?.email).toBe(who.email);

    // The link worked once: opened again (a forwarded email, a second tab), it says so.
    const other = await browser.newContext({ baseURL });
    const p2 = await other.newPage();
    await p2.goto(link);
    await expect(p2.getByTestId('link-problem')).toHaveText('This sign-in link has already been used. Ask for a new one.');
    // The token is stored only as its hash.
    const token = link.split('/').pop()!;
    const stored = query<{ token_hash: string; used_at: number | null }>('select token_hash, used_at from sign_in_links where user_id = (select id from users where email = ?)', who.email);
    expect(stored.some((s) => s.used_at !== null)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(token);
    await phone.close();
    await other.close();
  });

  test('an unknown address gets the same answer, and no email', async ({ browser, baseURL }) => {
    const email = `nobody.${Date.now()}@setsafe.test`;
    const page = await askForLink(browser, baseURL!, email, `192.0.2.${rand()}`);
    expect(linkFor(email)).toBeNull();
    await page.screenshot({ path: test.info().outputPath('sign-in-link-request-1280.png'), fullPage: true });
    await page.context().close();
  });

  test('with two-factor on, the link still asks for the code', async ({ browser, producer, prod, baseURL }) => {
    test.setTimeout(180_000);
    const who = await inviteAndActivate(browser, producer, prod.demo, { role: 'crew' });
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).not.toHaveURL(/sign-in/);
    await page.goto('/account');
    const card = page.getByRole('region', { name: 'Two-factor sign-in' });
    await card.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const secret = (await card.getByTestId('totp-secret').textContent())!.trim();
    await card.getByLabel('2. Enter the 6 digits your app shows').fill(generateSync({ secret, epoch: Math.floor(Date.now() / 1000) }));
    await card.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await card.getByRole('button', { name: 'I have kept my recovery codes' }).click();
    await expect(card.getByText('✓ On. Sign-in asks for a code from your authenticator app.')).toBeVisible();
    await context.close();

    const asker = await askForLink(browser, baseURL!, who.email, `192.0.2.${rand()}`);
    await expect.poll(() => linkFor(who.email)).not.toBeNull();
    await asker.goto(linkFor(who.email)!);
    await asker.getByRole('button', { name: 'Sign in' }).click();
    await expect(asker.getByLabel('Code from your authenticator app')).toBeVisible();
    await asker.getByLabel('Code from your authenticator app').fill('000000');
    await asker.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect(asker.getByRole('main').getByRole('alert')).toHaveText('That code is not right. Check the time on your phone, or use a recovery code.');
    await expect(asker).toHaveURL(/sign-in\/link/);
    // A wrong code does not use the link up; the right one (next time step: the enrolment's is spent) signs in.
    await asker.getByLabel('Code from your authenticator app').fill(generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await asker.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect(asker).not.toHaveURL(/sign-in/);
    const session = (await (await asker.request.get('/api/auth/session')).json()) as { user?: { email?: string } };
    expect(session.user?.email).toBe(who.email);
    await asker.context().close();
  });
});
