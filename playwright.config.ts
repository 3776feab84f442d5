import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, SUITE_CHROMIUM } from './e2e/browser';

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
export const E2E_DB = process.env.E2E_DATABASE_PATH ?? 'data/e2e/setsafe.db';

export default defineConfig({
  testDir: './e2e',
  testIgnore: [/[\/]e2e[\/]tmp[\/]/],
  fullyParallel: false,
  workers: 1,
  retries: 0, // a flaky test is a bug to fix, never a retry (ARCHITECTURE.md: tests)
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: BASE_URL,
    // A trace of every test costs the suite a fifth of its time on two cores; CI prints only the
    // log, so it records none there. Locally a failed test keeps its trace (DOM and network).
    trace: process.env.CI ? 'off' : { mode: 'retain-on-failure', screenshots: false },
    // No service worker unless a spec asks for one (the offline and push specs do): once it controls
    // a page, the page's own requests no longer pass page.route or the page's network events, so a
    // test that rewrites or awaits a request would depend on whether the worker had claimed the
    // page yet (ARCHITECTURE.md: tests).
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    launchOptions: {
      // The headless shell where installed (e2e/browser.ts).
      executablePath: SUITE_CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${BASE_URL}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    env: { PORT: String(PORT), DATABASE_PATH: E2E_DB, NEXTAUTH_URL: BASE_URL },
  },
});
