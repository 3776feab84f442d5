// Sign-in hardening and transport headers (OWASP ASVS L2 sessions and headers).
import { expect, test } from './fixtures';
import { PASSWORD, signIn, USERS } from './helpers';

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

// Guessing is slowed per account and address; the owner is never locked out.
// Addresses come from X-Forwarded-For (rightmost entry, as a proxy writes it; README: deployment).
test.describe('sign-in throttling', () => {
  test('the guesser is made to wait longer and longer; the owner on another address signs in at once', async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    const guesser = await browser.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': `203.0.113.${Math.floor(Math.random() * 200) + 1}` } });
    const page = await guesser.newPage();
    await page.goto('/sign-in');
    const attempt = async (password: string) => {
      await page.getByLabel('Email').fill(USERS.auditor);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    };
    const alert = page.getByRole('main').getByRole('alert');
    for (let i = 0; i < 3; i++) {
      await attempt(`wrong-${i}`);
      await expect(alert).toHaveText('That email and password do not match an account.');
    }
    // From here each failure doubles the wait (2 s, 4 s, 8 s, 16 s). The guesser retries until each
    // guess is taken again (a try inside the wait is refused and not counted), four more times.
    for (let i = 3; i < 7; i++) {
      await expect(async () => {
        await attempt(`wrong-${i}`);
        await expect(alert).toHaveText('That email and password do not match an account.', { timeout: 5_000 });
      }).toPass({ timeout: 60_000 });
    }
    // Seven failures: the next try from here waits 32 s.
    // Even the right password waits now, from this address: guessing gets slower, not locked.
    await attempt(PASSWORD);
    await expect(alert).toHaveText(/^Too many wrong passwords\. Wait \d+ (seconds?|minutes) and try again\.$/);
    await expect(page).toHaveURL(/sign-in/);

    const owner = await browser.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': `198.51.100.${Math.floor(Math.random() * 200) + 1}` } });
    const ownerPage = await owner.newPage();
    await signIn(ownerPage, 'auditor');
    await expect(ownerPage).not.toHaveURL(/sign-in/);
    await guesser.close();
    await owner.close();
  });
});

// Only same-site return paths are followed after sign-in, checked in a real
// browser (a backslash or a tab makes a browser read "/\\evil" and "/\t/evil" as another site).
test.describe('return path after sign-in', () => {
  const hostile = ['/\\evil.example', '/\\/evil.example', '/\t/evil.example', '/%09/evil.example', '//evil.example', '/\n/evil.example', 'https://evil.example/'];
  for (const next of hostile) {
    test(`stays on the site for next=${JSON.stringify(next)}`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL });
      // Nothing may leave for another site, even if the page tried.
      await context.route((url) => url.hostname.endsWith('evil.example'), (route) => route.fulfill({ status: 200, body: 'left the site' }));
      const page = await context.newPage();
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByLabel('Email').fill(USERS.auditor);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).not.toHaveURL(/sign-in/);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      await context.close();
    });
  }

  test('a same-site return path is followed', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto(`/sign-in?next=${encodeURIComponent('/reference/rust?from=sign-in')}`);
    await page.getByLabel('Email').fill(USERS.auditor);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/reference\/rust\?from=sign-in$/);
    await context.close();
  });
});

// Scripts run only with the request's nonce; no 'unsafe-inline' for scripts.
test.describe('script policy', () => {
  test('every script carries the nonce of its own response, and the page still works', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const res = await page.goto('/sign-in');
    const csp = res!.headers()['content-security-policy'];
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).toContain("'strict-dynamic'");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce, 'a nonce in script-src').toBeTruthy();
    const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((n) => n === nonce)).toBe(true);
    // A second request gets another nonce.
    const again = (await page.request.get('/sign-in')).headers()['content-security-policy'];
    expect(/'nonce-([^']+)'/.exec(again)?.[1]).not.toBe(nonce);
    // Hydrated: the form validates on the client (no request, a message beside the field).
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your email.')).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('an inline script without the nonce does not run', async ({ page }) => {
    await page.goto('/sign-in');
    type W = { __injected?: boolean; __violations?: string[] };
    await page.evaluate(() => {
      const w = window as unknown as W;
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations!.push(e.violatedDirective));
      // Markup as it would arrive if stored text ever reached the page unescaped: an inline handler.
      const div = document.createElement('div');
      div.innerHTML = '<img src="/icon.svg?inj" onload="window.__injected=true">';
      document.body.appendChild(div);
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as W).__violations!.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as W).__injected ?? false)).toBe(false);
  });
});
