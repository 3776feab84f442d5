// Steps shared by the anonymous-report specs and the authz route table.
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import sharp from 'sharp';

import { hashReceipt, normaliseReceipt } from '../app/lib/anonymous/receipt';
import { one, testDb } from './db';

export const RECEIPT_RE = /^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/;

/** A JPEG carrying GPS position, camera make and body serial in its EXIF. */
export async function gpsJpeg(color = '#3a7') {
  return sharp({ create: { width: 120, height: 80, channels: 3, background: color } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SetSafeE2ECam', Model: 'Model-E2E', Artist: 'Cody Camera' },
      IFD2: { BodySerialNumber: 'SN-E2E-98765' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 3/1 2/1', GPSLongitudeRef: 'W', GPSLongitude: '106/1 0/1 0/1' },
    })
    .toBuffer();
}

export function reportToken(productionId: string): string {
  return one<{ t: string }>('select report_token as t from productions where id = ?', productionId).t;
}

type Photo = { name: string; mimeType: string; buffer: Buffer };

/**
 * Files through the public form and returns the receipt shown once. A report that does not stop
 * work is sealed (no number); with `publish` the drop box is then published and its number read.
 */
export async function fileAnonymously(
  page: Page,
  url: string,
  r: { type?: string; description: string; location: string; photos?: Photo[] },
  opts: { publish?: boolean } = {},
): Promise<{ receipt: string; number: number | null }> {
  await page.goto(url);
  await page.getByLabel('What kind of problem?').selectOption({ label: r.type ?? 'Unsafe condition' });
  await page.getByLabel('What happened?').fill(r.description);
  await page.getByLabel('Where?').fill(r.location);
  if (r.photos?.length) await page.getByLabel('Choose photos').setInputFiles(r.photos);
  await page.getByRole('button', { name: 'Send report anonymously' }).click();
  // A report that does not stop work is sealed: it has no number until it is published.
  const heading = page.getByRole('heading', { name: /Report (#\d+ )?sent anonymously/ });
  await expect(heading).toBeVisible();
  const n = /#(\d+)/.exec((await heading.textContent()) ?? '')?.[1];
  const number = n ? Number(n) : null;
  const receipt = ((await page.getByTestId('receipt-code').textContent()) ?? '').trim();
  expect(receipt).toMatch(RECEIPT_RE);
  if (number === null && opts.publish) {
    await publishSealed(page.request);
    return { receipt, number: numberOfReceipt(receipt) };
  }
  return { receipt, number };
}

export async function openWithReceipt(page: Page, receipt: string) {
  await page.goto('/report/follow-up');
  await page.getByLabel('Receipt code').fill(receipt);
  await page.getByRole('button', { name: 'Open my report' }).click();
  await expect(page.getByRole('heading', { name: /^(Report #\d+|Your report):/ })).toBeVisible();
}

/**
 * Publishes the drop box as the next day's run would (ARCHITECTURE.md: anonymity by order), through
 * the test clock (SETSAFE_TEST_CLOCK=1): every report sealed before then is numbered and announced.
 */
export async function publishSealed(request: APIRequestContext, base = ''): Promise<{ reports: number; messages: number; photos: number }> {
  const res = await request.post(`${base}/api/test/clock`, { data: { at: new Date(Date.now() + 86_400_000).toISOString(), dropBox: { fraction: 0 } } });
  expect(res.status()).toBe(200);
  return (await res.json()).dropBox;
}

/** The published number of the report a receipt opens (only the receipt's hash is stored). */
export function numberOfReceipt(receipt: string): number {
  const db = testDb();
  try {
    const row = db.prepare('select number from incidents where receipt_hash = ?').get(hashReceipt(normaliseReceipt(receipt)!)) as { number: number } | undefined;
    expect(row, 'the report is published').toBeTruthy();
    return row!.number;
  } finally {
    db.close();
  }
}
