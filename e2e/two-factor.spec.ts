// Two-factor sign-in: a member enrols from the account page with the QR
// code's key, keeps the recovery codes, and from then on signs in with password + code. A wrong
// code is refused with a message and counts as a failed sign-in. Fresh accounts only: the shared
// demo accounts must keep signing in with a password (e2e/auth-state.ts).
import { generateSync } from 'otplib';
import { expect, test } from './fixtures';

import { inviteAndActivate } from './pages/members-page';
import { one, testDb } from './db';

const codeAt = (secret: string, ms: number) => generateSync({ secret, epoch: Math.floor(ms / 1000) });

test.describe('auditor (a fresh account)', () => {
  test('enrols with the QR key, then signs in with a code; a wrong code is refused', async ({ browser, producer, prod, baseURL }, info) => {
    test.setTimeout(180_000); // an invitation and four sign-ins
    const who = await inviteAndActivate(browser, producer, prod.demo, { role: 'auditor' });
    const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).not.toHaveURL(/sign-in/);

    await page.goto('/account');
    const card = page.getByRole('region', { name: 'Two-factor sign-in' });
    await card.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await expect(card.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
    const secret = (await card.getByTestId('totp-secret').textContent())!.trim();
    await page.screenshot({ path: info.outputPath('two-factor-setup-375.png'), fullPage: true });

    await card.getByLabel('2. Enter the 6 digits your app shows').fill('000000');
    await card.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await expect(card.getByText('That code does not match. Enter the 6 digits your app shows now.')).toBeVisible();
    await card.getByLabel('2. Enter the 6 digits your app shows').fill(codeAt(secret, Date.now()));
    await card.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const codes = card.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    const recovery = (await codes.first().textContent())!.trim();
    await page.screenshot({ path: info.outputPath('two-factor-codes-375.png'), fullPage: true });
    await card.getByRole('button', { name: 'I have kept my recovery codes' }).click();
    await expect(card.getByText('✓ On. Sign-in asks for a code from your authenticator app.')).toBeVisible();

    const row = one<{ totp_enabled_at: number | null; recovery_code_hashes: string }>('select totp_enabled_at, recovery_code_hashes from users where email = ?', who.email);
    expect(row.totp_enabled_at).not.toBeNull();
    expect(JSON.parse(row.recovery_code_hashes)).toHaveLength(10);
    expect(row.recovery_code_hashes).not.toContain(recovery);

    // A second browser: password alone is not enough.
    const other = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
    const p2 = await other.newPage();
    await p2.goto('/sign-in');
    await p2.getByLabel('Email').fill(who.email);
    await p2.getByLabel('Password').fill(who.password);
    await p2.getByRole('button', { name: 'Sign in' }).click();
    await expect(p2.getByLabel('Code from your authenticator app')).toBeVisible();
    await expect(p2).toHaveURL(/sign-in/);
    await p2.screenshot({ path: info.outputPath('two-factor-sign-in-1280.png'), fullPage: true });
    await p2.getByLabel('Code from your authenticator app').fill('123 456');
    await p2.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect(p2.getByRole('main').getByRole('alert')).toHaveText('That code is not right. Check the time on your phone, or use a recovery code.');
    await expect(p2).toHaveURL(/sign-in/);
    // A recovery code signs in once.
    await p2.getByLabel('Code from your authenticator app').fill(recovery);
    await p2.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect(p2).not.toHaveURL(/sign-in/);
    const session = (await (await p2.request.get('/api/auth/session')).json()) as { user?: { email?: string } };
    expect(session.user?.email).toBe(who.email);

    // The next time step's code (the enrolment code's step is used up: no replay) signs in too.
    const third = await browser.newContext({ baseURL });
    const p3 = await third.newPage();
    await p3.goto('/sign-in');
    await p3.getByLabel('Email').fill(who.email);
    await p3.getByLabel('Password').fill(who.password);
    await p3.getByRole('button', { name: 'Sign in' }).click();
    await p3.getByLabel('Code from your authenticator app').fill(codeAt(secret, Date.now() + 30_000));
    await p3.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect(p3).not.toHaveURL(/sign-in/);

    const db2 = testDb();
    expect((JSON.parse((db2.prepare('select recovery_code_hashes h from users where email = ?').get(who.email) as { h: string }).h) as string[]).length).toBe(9);
    db2.close();
    for (const c of [context, other, third]) await c.close();
  });
});
