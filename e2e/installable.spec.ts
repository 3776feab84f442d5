// Installable (ARCHITECTURE.md: phones and offline): a crew member can add SetSafe to the home screen. The manifest is
// served and linked from every page, and every icon it or the page names loads as an image.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

type Manifest = {
  name?: string;
  short_name?: string;
  start_url?: string;
  display?: string;
  icons?: { src: string; sizes?: string; type?: string; purpose?: string }[];
};

async function expectImage(api: APIRequestContext, url: string) {
  const res = await api.get(url);
  expect(res.status(), url).toBe(200);
  expect(res.headers()['content-type'], url).toMatch(/^image\//);
  expect((await res.body()).length, url).toBeGreaterThan(100);
}

/** The manifest the page links to, fetched through that link. */
async function linkedManifest(page: Page): Promise<{ href: string; manifest: Manifest }> {
  const href = await page.locator('head link[rel="manifest"]').getAttribute('href');
  expect(href, 'the page links a manifest').toBeTruthy();
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/application\/(manifest\+)?json/);
  return { href: href!, manifest: (await res.json()) as Manifest };
}

test('the manifest has a name, icons, a start URL and standalone display; every icon loads', async ({ page, request }) => {
  await page.goto('/sign-in');
  const { manifest } = await linkedManifest(page);
  expect(manifest.name).toContain('SetSafe');
  expect(manifest.short_name).toBe('SetSafe');
  expect(manifest.start_url).toBe('/');
  expect(manifest.display).toBe('standalone');
  const icons = manifest.icons ?? [];
  // Chromium's install criteria: a 192 px and a 512 px PNG.
  expect(icons.some((i) => i.sizes === '192x192' && i.type === 'image/png')).toBe(true);
  expect(icons.some((i) => i.sizes === '512x512' && i.type === 'image/png')).toBe(true);
  for (const icon of icons) await expectImage(request, icon.src);
  // The tab icon and the iOS home-screen icon the page names.
  for (const rel of ['icon', 'apple-touch-icon']) {
    const href = await page.locator(`head link[rel="${rel}"]`).first().getAttribute('href');
    expect(href, rel).toBeTruthy();
    await expectImage(request, href!);
  }
});

test('signed-in pages and the public case page link the same manifest', async ({ crew, page }) => {
  await crew.goto('/');
  const fromApp = await linkedManifest(crew);
  await page.goto('/reference/rust');
  const fromPublic = await linkedManifest(page);
  expect(fromApp.href).toBe(fromPublic.href);
  // One theme colour for the light scheme and one for the dark (night shoots).
  const themeColors = crew.locator('head meta[name="theme-color"]');
  await expect(themeColors).toHaveCount(2);
  for (const m of await themeColors.all()) await expect(m).toHaveAttribute('content', /^#[0-9a-f]{6}$/i);
});
