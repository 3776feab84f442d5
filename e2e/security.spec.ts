// Sign-in hardening and transport headers (OWASP ASVS L2 sessions and headers).
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test.describe('security headers', () => {
  for (const path of ['/sign-in', '/reference/rust', '/api/auth/session']) {
    test(`${path} carries CSP, frame-ancestors and nosniff`, async ({ request }) => {
      const res = await request.get(path);
      const h = res.headers();
      expect(h['content-security-policy']).toContain("default-src 'self'");
      expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(h['content-security-policy']).toContain("object-src 'none'");
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['x-frame-options']).toBe('DENY');
      expect(h['referrer-policy']).toBe('no-referrer');
      expect(h['x-powered-by']).toBeUndefined();
    });
  }

  test('the build’s scripts keep nosniff but skip the document-only policies (bytes on a weak signal)', async ({ request }) => {
    const html = await (await request.get('/sign-in')).text();
    const script = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
    expect(script, 'a script of the build').toBeTruthy();
    const res = await request.get(script!);
    expect(res.status()).toBe(200);
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['content-security-policy']).toBeUndefined();
  });
});

test.describe('session cookie', () => {
  test('is HttpOnly, SameSite=Lax, scoped to the site and bounded in time', async ({ page, context }) => {
    await signIn(page, 'auditor');
    const cookie = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
    expect(cookie, 'a session cookie').toBeTruthy();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe('Lax');
    expect(cookie!.path).toBe('/');
    // 12-hour session: the cookie expires within a day (Secure is added when served over HTTPS).
    const hours = (cookie!.expires * 1000 - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11);
    expect(hours).toBeLessThanOrEqual(12.1);
  });
});

test.describe('sign-in throttling', () => {
  test('five failures on one account lock it for 15 minutes with a clear message', async ({ page }) => {
    const email = `throttle-${Date.now()}@setsafe.test`;
    await page.goto('/sign-in');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(`wrong-${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('main').getByRole('alert')).toHaveText('That email and password do not match an account.');
    }
    await page.getByLabel('Password').fill('wrong-again');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Too many failed sign-ins. Wait 15 minutes and try again.');
  });
});
