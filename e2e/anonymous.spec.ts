// On a 375 px phone: anonymous report from the link, receipt follow-up, the production's
// question and the reporter's answer, link rotation, photos stripped of GPS and served only to
// those who may see the incident.
import path from 'node:path';
import fs from 'node:fs';
import sharp from 'sharp';
import { type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectDayStart, signIn } from './helpers';
import { fileAnonymously, gpsJpeg, openWithReceipt, publishSealed, reportToken } from './anonymous-flow';
import { ids, one } from './db';
import { expect, test } from './fixtures';

const PHONE = { width: 375, height: 812 };
test.use({ viewport: PHONE });
test.describe.configure({ mode: 'serial' });

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

async function noSideScroll(page: Page) {
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(over, 'no horizontal scroll at 375 px').toBeLessThanOrEqual(0);
}

/** The production's time zone, in which its day-only stamps begin their day. */
const zoneOf = (productionId: string) => row<{ tz: string }>('select time_zone as tz from productions where id = ?', productionId).tz;

function row<T>(sql: string, ...params: unknown[]): T {
  return one<T>(sql, ...params);
}

async function signedIn(browser: Browser, who: Parameters<typeof signIn>[1]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await signIn(page, who);
  return { context, page };
}

let demo: string;
let other: string;
let firstUrl: string;
let receipt: string;
let incidentId: string;
let attachmentId: string;
let reporter: BrowserContext;

test.beforeAll(() => {
  ({ demo, other } = ids());
  firstUrl = `/report/${reportToken(demo)}`;
});
test.afterAll(async () => {
  await reporter?.close();
});

test('a signed-out phone files from the link, with a photo, and keeps the receipt', async ({ browser }) => {
  reporter = await browser.newContext({ viewport: PHONE });
  const page = await reporter.newPage();
  await page.goto(firstUrl);
  await expect(page.getByRole('heading', { name: 'Dry Creek (demo)' })).toBeVisible();
  await expect(page.getByText('No one can tell who sent this')).toBeVisible();
  await expect(page.getByText(/Your name or account/)).toBeVisible();
  await noSideScroll(page);
  await shot(page, 'report-375');

  // The required fields say so next to themselves, and nothing is filed.
  await page.getByRole('button', { name: 'Send report anonymously' }).click();
  await expect(page.getByText('Choose what kind of problem this is.')).toBeVisible();
  await expect(page.getByText('Say briefly what happened.')).toBeVisible();

  // HEIC is refused with a clear message before anything is sent.
  await page.getByLabel('Choose photos').setInputFiles({ name: 'IMG_0001.HEIC', mimeType: 'image/heic', buffer: Buffer.from('not really heic') });
  await expect(page.getByText(/HEIC photos cannot be added/)).toBeVisible();

  const started = Date.now();
  const filed = await fileAnonymously(page, firstUrl, {
    type: 'Unsafe condition',
    description: 'Prop guns left unattended on the cart by the church door during lunch.',
    location: 'Church set, Stage 2',
    photos: [{ name: 'cart.jpg', mimeType: 'image/jpeg', buffer: await gpsJpeg() }],
  });
  expect(Date.now() - started, 'filing from the QR link takes well under a minute').toBeLessThan(60_000);
  receipt = filed.receipt;
  await expect(page.getByText('1 of 1 photo added.')).toBeVisible();
  await expect(page.getByText(/Shown only this once/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy code' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save as a file' })).toBeVisible();
  // Not critical: sealed in the drop box, numbered only when its day's reports are published.
  expect(filed.number).toBeNull();
  await expect(page.getByText(/Sealed, will be published with today’s reports/)).toBeVisible();
  await noSideScroll(page);
  await shot(page, 'receipt-375');
  const description = 'Prop guns left unattended on the cart by the church door during lunch.';
  expect(row<{ n: number }>('select count(*) as n from incidents where description = ?', description).n).toBe(0);
  expect(row<{ n: number }>("select count(*) as n from drop_box where kind in ('report', 'photo')").n).toBe(2);
  const sealedPage = await reporter.newPage();
  await openWithReceipt(sealedPage, receipt);
  await expect(sealedPage.getByTestId('sealed-note')).toContainText('Sealed, will be published with today’s reports');
  await expect(sealedPage.locator('img[alt^="Your photo 1"]')).toBeVisible();
  await noSideScroll(sealedPage);
  await shot(sealedPage, 'follow-up-sealed-375');
  await sealedPage.close();

  expect(await publishSealed(page.request)).toMatchObject({ reports: 1, photos: 1 });
  const inc = row<{ id: string; reporter_id: string | null; anonymous: number; receipt_hash: string; reported_at: number }>(
    'select id, reporter_id, anonymous, receipt_hash, reported_at from incidents where production_id = ? and description = ?',
    demo,
    description,
  );
  expect(inc.reporter_id).toBeNull();
  expect(inc.anonymous).toBe(1);
  expect(inc.receipt_hash).toMatch(/^[0-9a-f]{64}$/);
  expectDayStart(inc.reported_at, zoneOf(demo));
  incidentId = inc.id;
  const att = row<{ id: string; uploaded_by_id: string | null; created_at: number; stored_name: string }>('select * from attachments where incident_id = ?', incidentId);
  expect(att.uploaded_by_id).toBeNull();
  expectDayStart(att.created_at, zoneOf(demo));
  attachmentId = att.id;
});

test('a producer asks a question; the reporter reads it with the receipt and answers', async ({ browser }) => {
  const { context, page } = await signedIn(browser, 'producer');
  await page.goto(`/productions/${demo}/incidents/${incidentId}`);
  const question = 'Which cart — the grey props cart or the camera cart?';
  const card = page.getByRole('region', { name: 'Anonymous reporter' });
  await expect(card).toBeVisible();
  await card.getByLabel('Ask the reporter').fill(question);
  await card.getByRole('button', { name: 'Send question' }).click();
  await expect(card.getByText(question)).toBeVisible();
  await noSideScroll(page);
  // Crew may not ask, and the refusal changes nothing.
  const crew = await signedIn(browser, 'crew');
  const refused = await crew.page.request.post(`/api/productions/${demo}/incidents/${incidentId}/questions`, { data: { body: 'Crew trying to ask' } });
  expect(refused.status()).toBe(403);
  expect(row<{ n: number }>("select count(*) as n from comments where incident_id = ? and kind = 'question'", incidentId).n).toBe(1);
  await crew.context.close();

  const page2 = await reporter.newPage();
  await openWithReceipt(page2, receipt.toLowerCase().replace(/-/g, ' '));
  await expect(page2.getByText('Reported', { exact: true }).first()).toBeVisible();
  await expect(page2.getByText(question)).toBeVisible();
  const thumb = page2.locator('img[alt^="Your photo 1"]');
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(120);
  await noSideScroll(page2);
  await shot(page2, 'follow-up-375');
  await page2.getByRole('textbox', { name: 'Your answer' }).fill('The grey props cart, next to the church door.');
  await page2.getByRole('button', { name: 'Send answer anonymously' }).click();
  await expect(page2.getByText('Answer sent anonymously.')).toBeVisible();
  await expect(page2.getByText('The grey props cart, next to the church door.')).toBeVisible();
  await expect(page2.getByRole('textbox', { name: 'Add information' })).toBeVisible();

  const answer = row<{ author_id: string | null; kind: string; created_at: number }>("select * from comments where incident_id = ? and kind = 'answer'", incidentId);
  expect(answer.author_id).toBeNull();
  expectDayStart(answer.created_at, zoneOf(demo));
  const producerId = row<{ id: string }>("select id from users where email = 'producer@setsafe.test'").id;
  const note = row<{ created_at: number } | undefined>("select * from notifications where user_id = ? and kind = 'reporter_update' and link like ?", producerId, `%${incidentId}%`);
  expect(note).toBeTruthy();
  expectDayStart(note!.created_at, zoneOf(demo));
  const audit = row<{ actor_id: string | null; actor_label: string; at: number }>("select * from audit_log where action = 'comment.reporter_answer' order by id desc limit 1");
  expect(audit.actor_id).toBeNull();
  expect(audit.actor_label).toBe('Anonymous reporter');

  // The producer sees the answer in the conversation, with the day only, and not among the comments.
  await page.reload();
  await expect(card.getByText('The grey props cart, next to the church door.')).toBeVisible();
  await expect(card.getByText(/Answer from the anonymous reporter · \d{1,2} \w{3} \d{4}$/)).toBeVisible();
  await expect(page.getByRole('region', { name: /^Comments/ }).getByText('The grey props cart, next to the church door.')).toHaveCount(0);
  await shot(page, 'incident-detail-375');
  await context.close();
});

test('after rotation the old link fails and the receipt still works', async ({ browser }) => {
  const { context, page } = await signedIn(browser, 'producer');
  await page.goto(`/productions/${demo}/reporting`);
  await expect(page.getByRole('img', { name: 'QR code that opens the anonymous report form' })).toBeVisible();
  await expect(page.getByTestId('report-url')).toContainText(firstUrl);
  await noSideScroll(page);
  await shot(page, 'reporting-375');
  await expect(page.getByRole('button', { name: 'Change the link now' })).toBeDisabled();
  await page.getByLabel(/old link and every printed QR code stop working/).check();
  await page.getByRole('button', { name: 'Change the link now' }).click();
  await expect(page.getByText('Done: the old link no longer works.')).toBeVisible();
  await expect(page.getByTestId('report-url')).not.toContainText(firstUrl);
  const newUrl = `/report/${reportToken(demo)}`;
  expect(newUrl).not.toBe(firstUrl);
  const rotation = row<{ actor_label: string; after: string }>("select * from audit_log where action = 'production.report_link_rotate' order by id desc limit 1");
  expect(rotation.actor_label).toBe('Priya Producer');
  expect(rotation.after).not.toContain(reportToken(demo));

  // Crew see and print the link but cannot change it.
  const crew = await signedIn(browser, 'crew');
  await crew.page.goto(`/productions/${demo}/reporting`);
  await expect(crew.page.getByTestId('report-url')).toContainText(newUrl);
  await expect(crew.page.getByRole('button', { name: 'Change the link now' })).toHaveCount(0);
  await expect(crew.page.getByText('Only a producer can change the link.')).toBeVisible();
  await crew.context.close();
  await context.close();

  const phone = await reporter.newPage();
  const old = await phone.goto(firstUrl);
  expect(old?.status()).toBe(404);
  await expect(phone.getByRole('heading', { name: 'This link is no longer active' })).toBeVisible();
  await expect(phone.getByText(/Ask for the current QR code/)).toBeVisible();
  await noSideScroll(phone);
  await shot(phone, 'link-inactive-375');
  expect((await phone.goto(newUrl))?.status()).toBe(200);
  await openWithReceipt(phone, receipt);
  await expect(phone.getByText('The grey props cart, next to the church door.')).toBeVisible();
});

test('the photo comes back without GPS or camera details, only to those who may see the incident', async ({ browser }) => {
  const url = `/api/productions/${demo}/incidents/${incidentId}/attachments/${attachmentId}`;
  const original = await gpsJpeg();
  expect((await sharp(original).metadata()).exif).toBeDefined();

  const producer = await signedIn(browser, 'producer');
  const res = await producer.page.request.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('image/jpeg');
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  expect(res.headers()['content-disposition']).toMatch(/^inline/);
  expect(res.headers()['cache-control']).toBe('private, no-store');
  const body = await res.body();
  const meta = await sharp(body).metadata();
  expect(meta.format).toBe('jpeg');
  expect(meta.exif).toBeUndefined();
  for (const s of ['SN-E2E-98765', 'SetSafeE2ECam', 'Cody Camera']) expect(body.includes(s)).toBe(false);
  // Stored the same way on disk, under a random name in the data folder's attachments directory.
  const stored = row<{ stored_name: string }>('select stored_name from attachments where id = ?', attachmentId).stored_name;
  expect(stored).toMatch(/^[0-9a-f]{32}\.jpg$/);
  const file = path.resolve(path.dirname(process.env.E2E_DATABASE_PATH ?? 'data/e2e/setsafe.db'), 'attachments', stored);
  expect((await sharp(fs.readFileSync(file)).metadata()).exif).toBeUndefined();
  // On the incident page: the reporter's photo, and a producer adds one from the phone.
  await producer.page.goto(`/productions/${demo}/incidents/${incidentId}`);
  const photos = producer.page.getByRole('region', { name: /^Photos/ });
  await expect(photos.getByRole('heading', { name: 'Photos (1)' })).toBeVisible();
  const caption = photos.locator('figcaption', { hasText: 'Anonymous reporter' });
  await expect(caption).toHaveText(/^Anonymous reporter · \d{1,2} \w{3} \d{4} · opens the full photo$/);
  const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#00f' } }).png().toBuffer();
  await photos.getByLabel('Take a photo').setInputFiles({ name: 'rigging.png', mimeType: 'image/png', buffer: png });
  await photos.getByRole('button', { name: 'Add 1 photo' }).click();
  await expect(photos.getByText('rigging.png: added.')).toBeVisible();
  await expect(photos.getByRole('heading', { name: 'Photos (2)' })).toBeVisible();
  await expect(photos.getByText(/Priya Producer · /)).toBeVisible();
  const added = row<{ uploaded_by_id: string; mime: string }>('select uploaded_by_id, mime from attachments where incident_id = ? order by rowid desc limit 1', incidentId);
  expect(added.mime).toBe('image/png');
  expect(added.uploaded_by_id).toBe(row<{ id: string }>("select id from users where email = 'producer@setsafe.test'").id);
  await noSideScroll(producer.page);
  await producer.context.close();

  const otherProducer = await signedIn(browser, 'otherProducer');
  expect((await otherProducer.page.request.get(url)).status()).toBe(404);
  expect((await otherProducer.page.request.get(`/api/productions/${other}/incidents/${incidentId}/attachments/${attachmentId}`)).status()).toBe(404);
  await otherProducer.context.close();
  const crew = await signedIn(browser, 'crew');
  expect((await crew.page.request.get(url)).status()).toBe(404);
  await crew.context.close();
  const anon = await browser.newContext();
  expect((await anon.request.get(url)).status()).toBe(401);
  await anon.close();

  // A HEIC renamed to .jpg gets past the browser's check and is refused by the server by content.
  const page = await reporter.newPage();
  await openWithReceipt(page, receipt);
  const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(256)]);
  await page.getByLabel('Choose photos').setInputFiles({ name: 'renamed.jpg', mimeType: 'image/jpeg', buffer: heic });
  await page.getByRole('button', { name: 'Add 1 photo anonymously' }).click();
  await expect(page.getByText(/renamed\.jpg: HEIC\/HEIF photos \(the iPhone default\) cannot be added/)).toBeVisible();
  expect(row<{ n: number }>('select count(*) as n from attachments where incident_id = ? and uploaded_by_id is null', incidentId).n).toBe(1);
});

test('the same screens at 1280 px', async ({ browser }) => {
  const wide = { width: 1280, height: 900 };
  const context = await browser.newContext({ viewport: wide });
  const page = await context.newPage();
  const url = `/report/${reportToken(demo)}`;
  await page.goto(url);
  await shot(page, 'report-1280');
  const { receipt: code } = await fileAnonymously(page, url, { type: 'Other', description: 'The fire exit behind the props truck is blocked by flight cases.', location: 'Props truck' });
  // No hold-causing type here: a stop-work hold on the shared demo production would stop other specs' hand-offs.
  await expect(page.getByText(/Sealed, will be published with today’s reports/)).toBeVisible();
  await shot(page, 'receipt-1280');
  await openWithReceipt(page, code);
  await shot(page, 'follow-up-1280');
  await context.close();
  const producer = await browser.newContext({ viewport: wide });
  const pp = await producer.newPage();
  await signIn(pp, 'producer');
  await pp.goto(`/productions/${demo}/reporting`);
  await expect(pp.getByTestId('report-qr')).toBeVisible();
  await shot(pp, 'reporting-1280');
  await pp.goto(`/productions/${demo}/incidents/${incidentId}`);
  await expect(pp.getByRole('region', { name: 'Anonymous reporter' })).toBeVisible();
  await shot(pp, 'incident-detail-1280');
  await producer.close();
});
