// Scanned certificates on qualifications (ARCHITECTURE.md: qualification certificates): a producer
// or armorer adds a PDF or a photo, checked by its content and audited; those who see
// qualifications open it (a PDF only downloads, sandboxed); other crew are refused on the server.
import sharp from 'sharp';
import type { Browser } from '@playwright/test';
import { expect, openPageAs, test } from './fixtures';
import { ids, one } from './db';
import { SEEDED } from './authz/seeded';

let demo: string;
let qualificationId: string;
const certificates = () => one<{ n: number }>('select count(*) n from qualification_certificates where qualification_id = ?', qualificationId).n;
const audits = () => one<{ n: number }>("select count(*) n from audit_log where action = 'qualification.certificate_add' and entity_id = ?", qualificationId).n;
const page = (browser: Browser, who: Parameters<typeof openPageAs>[1], width = 1280) => openPageAs(browser, who, { viewport: { width, height: 900 } });
const list = (p: import('@playwright/test').Page) => p.getByRole('list', { name: /Certificate scans of Ana Armorer/ });

test.describe.serial('qualification certificates', () => {
  test.beforeAll(() => {
    demo = ids().demo;
    qualificationId = one<{ id: string }>('select id from qualifications where production_id = ? and issuer = ?', demo, SEEDED.certificateIssuer).id;
  });

  test('producer: adds a photo of the certificate beside the seeded PDF; a file that is not what it says is refused', async ({ browser }) => {
    test.setTimeout(120_000);
    const p = await page(browser, 'producer');
    await p.goto(`/productions/${demo}/qualifications`);
    await expect(list(p)).toContainText('Certificate scan 1 (PDF, downloads');
    const before = { certs: certificates(), audits: audits() };

    const input = p.getByLabel(/Add a certificate scan for Ana Armorer/);
    // Named .pdf, but HTML inside: the server reads the content and refuses it; nothing is kept.
    await input.setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
    await p.getByRole('button', { name: 'Add certificate' }).click();
    await expect(p.getByText('A certificate is a PDF or a JPEG, PNG or WebP photo. Other files are refused.')).toBeVisible();
    expect(certificates()).toBe(before.certs);

    const png = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#eee' } }).png().toBuffer();
    await input.setInputFiles({ name: 'certificate.png', mimeType: 'image/png', buffer: png });
    await p.getByRole('button', { name: 'Add certificate' }).click();
    await expect(p.getByText('Certificate added.')).toBeVisible();
    await expect(list(p)).toContainText('Certificate scan 2 (photo');
    await expect(input).toHaveValue('');
    expect(certificates()).toBe(before.certs + 1);
    expect(audits()).toBe(before.audits + 1);
    await p.screenshot({ path: 'test-results/screens/1280/producer/qualifications-certificates.png', fullPage: true });

    // The photo opens in the app's origin as an image; the PDF only downloads, in a sandbox.
    const [pdfHref, photoHref] = await list(p).getByRole('link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    const photo = await p.request.get(photoHref);
    expect(photo.status()).toBe(200);
    expect(photo.headers()['content-type']).toBe('image/png');
    expect(photo.headers()['x-content-type-options']).toBe('nosniff');
    const pdf = await p.request.get(pdfHref);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toMatch(/^attachment; filename="certificate-[0-9a-f]{8}\.pdf"$/);
    expect(pdf.headers()['content-security-policy']).toMatch(/; sandbox$/);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await p.context().close();
  });

  test('auditor and armorer: open the scans; the auditor is offered no upload', async ({ browser }) => {
    for (const who of ['auditor', 'armorer'] as const) {
      const p = await page(browser, who);
      await p.goto(`/productions/${demo}/qualifications`);
      await expect(list(p).getByRole('link')).toHaveCount(2);
      if (who === 'auditor') await expect(p.getByLabel(/Add a certificate scan/)).toHaveCount(0);
      else await expect(p.getByLabel(/Add a certificate scan for Ana Armorer/)).toBeVisible();
      const href = await list(p).getByRole('link').first().getAttribute('href');
      expect((await p.request.get(href!)).status()).toBe(200);
      await p.context().close();
    }
  });

  test('crew and the safety advisor: refused the page and the scan on the server', async ({ browser }) => {
    const cert = one<{ id: string }>('select id from qualification_certificates where qualification_id = ? limit 1', qualificationId).id;
    for (const who of ['crew', 'advisor'] as const) {
      const p = await page(browser, who);
      const res = await p.goto(`/productions/${demo}/qualifications`);
      expect(res?.status()).toBe(403);
      const scan = await p.request.get(`/api/productions/${demo}/qualifications/${qualificationId}/certificates/${cert}`);
      expect(scan.status()).toBe(403);
      await p.context().close();
    }
  });

  test('phone: the list and the upload fit 375 px', async ({ browser }) => {
    const p = await page(browser, 'producer', 375);
    await p.goto(`/productions/${demo}/qualifications`);
    await expect(list(p)).toBeVisible();
    const w = await p.evaluate(() => document.documentElement.scrollWidth);
    expect(w).toBeLessThanOrEqual(375);
    await p.screenshot({ path: 'test-results/screens/375/producer/qualifications-certificates.png', fullPage: true });
    await p.context().close();
  });
});
