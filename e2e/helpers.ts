import { expect, type Locator, type Page } from '@playwright/test';
import { dayOnly } from '../app/lib/time';

export const PASSWORD = 'setsafe-demo-2026';
export const USERS = {
  admin: 'admin@setsafe.test',
  producer: 'producer@setsafe.test',
  producer2: 'producer2@setsafe.test',
  armorer: 'armorer@setsafe.test',
  auditor: 'auditor@setsafe.test',
  actor: 'actor@setsafe.test',
  ad: 'ad@setsafe.test',
  stunt: 'stunt@setsafe.test',
  crew: 'crew@setsafe.test',
  advisor: 'advisor@setsafe.test',
  propmaster: 'propmaster@setsafe.test',
  otherProducer: 'other.producer@setsafe.test',
  otherCrew: 'other.crew@setsafe.test',
} as const;
export type Who = keyof typeof USERS;

/**
 * A crafted request through the page: re-enables a form the page disabled because the server
 * would refuse it now (the disabled fieldset and buttons), so a test can prove the server still
 * refuses, and records, what the page no longer offers.
 */
export async function forceEnable(form: Locator) {
  await form.evaluate((el) => el.querySelectorAll('fieldset[disabled], button[disabled], textarea[disabled]').forEach((x) => x.removeAttribute('disabled')));
}

export async function signIn(page: Page, who: Who | string, password = PASSWORD) {
  const email = who in USERS ? USERS[who as Who] : who;
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

/**
 * A day-only stamp (ARCHITECTURE.md: day-only stamps): the instant a local day began in the
 * production's zone, and nothing finer.
 */
export function expectDayStart(at: number | Date, timeZone: string, label?: string) {
  const d = new Date(at);
  expect(d.toISOString(), label).toBe(dayOnly(d, timeZone).toISOString());
}
