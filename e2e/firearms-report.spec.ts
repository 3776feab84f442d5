// The post-filming firearms report (ARCHITECTURE.md: post-filming report): the producer, the
// armorer, the auditor and the safety advisor read it, print it and download it; other crew are
// refused on the server. Its figures are held to the database here (whatever other specs of the
// run recorded before); db/queries/wrap-report.test.ts holds them exact on a seeded production.
import type { Browser, Page } from '@playwright/test';
import { expect, openPageAs, test } from './fixtures';
import { ids, one } from './db';

let demo: string;
const page = (browser: Browser, who: Parameters<typeof openPageAs>[1], width = 1280) => openPageAs(browser, who, { viewport: { width, height: 900 } });
const figure = (p: Page, key: string) => p.locator(`[data-figure="${key}"] dd`);
const url = () => `/productions/${demo}/firearms-report`;
const file = (ext: string) => `/api/productions/${demo}/firearms-report/firearms-report.${ext}`;

test.describe('post-filming firearms report', () => {
  test.beforeAll(() => {
    demo = ids().demo;
  });

  test('producer: reaches it from the firearms tabs; the figures are the records’; prints alone; downloads CSV and JSON', async ({ browser }) => {
    test.setTimeout(120_000);
    const p = await page(browser, 'producer');
    await p.goto(`/productions/${demo}/firearms`);
    await p.getByRole('navigation', { name: 'Firearms' }).getByRole('link', { name: 'Firearms report' }).click();
    await expect(p).toHaveURL(new RegExp(`${url()}$`));
    await expect(p.getByRole('heading', { level: 1 })).toHaveText(/^Firearms report/);
    for (const title of ['Weapons', 'Hand-outs and rounds', 'Checks and witnesses', 'Incidents', 'Stop-work holds', 'Safety meetings', 'Scene plans (rule 8)', 'Qualifications', 'Refused hand-outs']) {
      await expect(p.getByRole('heading', { level: 2, name: title })).toBeVisible();
    }
    const db = {
      weapons: one<{ n: number }>('select count(*) n from firearms where production_id = ?', demo).n,
      fired: one<{ n: number }>('select coalesce(sum(rounds_fired), 0) n from handoffs where production_id = ? and returned_at is not null', demo).n,
      issued: one<{ n: number }>('select coalesce(sum(rounds_out), 0) n from handoffs where production_id = ?', demo).n,
      checks: one<{ n: number }>('select count(*) n from firearm_checks where production_id = ?', demo).n,
      holds: one<{ n: number }>('select count(*) n from holds where production_id = ?', demo).n,
      qualifications: one<{ n: number }>('select count(*) n from qualifications where production_id = ?', demo).n,
      refused: one<{ n: number }>('select count(*) n from refused_handoffs where production_id = ?', demo).n,
    };
    await expect(figure(p, 'weapons.total')).toHaveText(db.weapons.toLocaleString('en-US'));
    await expect(figure(p, 'rounds.fired')).toHaveText(db.fired.toLocaleString('en-US'));
    await expect(figure(p, 'rounds.issued')).toHaveText(db.issued.toLocaleString('en-US'));
    await expect(figure(p, 'checks.total')).toHaveText(db.checks.toLocaleString('en-US'));
    await expect(figure(p, 'holds.called')).toHaveText(db.holds.toLocaleString('en-US'));
    await expect(figure(p, 'qualifications.total')).toHaveText(db.qualifications.toLocaleString('en-US'));
    await expect(figure(p, 'refused.total')).toHaveText(db.refused.toLocaleString('en-US'));
    // The seeded armorer's certificate (scripts/e2e-seed-certificates.ts) is current and has a scan.
    await expect(p.getByTestId('table-qualifications-qualifications')).toContainText('Ana Armorer');
    const head = one<{ seq: number; hash: string }>('select seq, hash from audit_log where chain = ? order by seq desc limit 1', demo);
    await expect(p.getByTestId('report-chain-head')).toContainText(head.hash);
    await p.screenshot({ path: 'test-results/screens/1280/producer/firearms-report.png', fullPage: true });

    // Printed, the report stands alone: no buttons, tabs, production nav, hold banner or footer.
    await p.emulateMedia({ media: 'print' });
    await expect(p.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
    await expect(p.getByRole('link', { name: 'Download CSV' })).toBeHidden();
    await expect(p.getByRole('navigation', { name: 'Production' })).toBeHidden();
    await expect(p.getByRole('navigation', { name: 'Firearms' })).toBeHidden();
    await expect(p.locator('footer')).toBeHidden();
    await expect(p.getByRole('heading', { level: 2, name: 'Refused hand-outs' })).toBeVisible();
    await p.screenshot({ path: 'test-results/screens/print/producer/firearms-report.png', fullPage: true });
    await p.emulateMedia({ media: 'screen' });

    const csv = await p.request.get(file('csv'));
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="setsafe-dry-creek-demo-firearms-report-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toMatch(/^# SetSafe export dataset=firearms-report production="Dry Creek \(demo\)"/);
    expect(lines[1]).toBe('section,table,item,key,value,details');
    expect(lines).toContain(`Hand-outs and rounds,,Rounds fired,fired,${db.fired},`);
    const json = await p.request.get(file('json'));
    expect(json.status()).toBe(200);
    const body = (await json.json()) as { sections: { key: string; figures: { key: string; value: number }[] }[]; chainHead: { seq: number } };
    expect(body.sections.map((s) => s.key)).toEqual(['weapons', 'rounds', 'ammunition', 'checks', 'incidents', 'holds', 'meetings', 'plans', 'qualifications', 'refused']);
    expect(body.sections.find((s) => s.key === 'weapons')!.figures.find((f) => f.key === 'total')!.value).toBe(db.weapons);
    expect(json.headers()['x-setsafe-chain-head']).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect((await p.request.get(file('xlsx'))).status()).toBe(404);
    await p.context().close();
  });

  test('producer on a phone: no sideways scroll; wide tables scroll in their own box', async ({ browser }) => {
    const p = await page(browser, 'producer', 375);
    await p.goto(url());
    await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
    const w = await p.evaluate(() => document.documentElement.scrollWidth);
    expect(w, `page is ${w}px wide at 375`).toBeLessThanOrEqual(375);
    await p.screenshot({ path: 'test-results/screens/375/producer/firearms-report.png', fullPage: true });
    await p.context().close();
  });

  test('safety advisor (crew with the position): reaches it from the scene plans page and downloads it', async ({ browser }) => {
    const p = await page(browser, 'advisor');
    await p.goto(`/productions/${demo}/scene-plans`);
    await p.getByRole('link', { name: 'Firearms report' }).click();
    await expect(p).toHaveURL(new RegExp(`${url()}$`));
    await expect(p.getByRole('heading', { level: 1 })).toHaveText(/^Firearms report/);
    await expect(p.getByText(/by Sol Safety-Advisor \(Safety advisor\)/)).toBeVisible();
    expect((await p.request.get(file('json'))).status()).toBe(200);
    await p.context().close();
  });

  test('armorer and auditor: read it', async ({ browser }) => {
    for (const who of ['armorer', 'auditor'] as const) {
      const p = await page(browser, who);
      const res = await p.goto(url());
      expect(res?.status()).toBe(200);
      await expect(p.getByRole('heading', { level: 2, name: 'Hand-outs and rounds' })).toBeVisible();
      expect((await p.request.get(file('csv'))).status()).toBe(200);
      await p.context().close();
    }
  });

  test('crew without the safety advisor position: refused the page and both files on the server; no link offered', async ({ browser }) => {
    for (const who of ['crew', 'actor'] as const) {
      const p = await page(browser, who);
      const res = await p.goto(url());
      expect(res?.status()).toBe(403);
      await expect(p.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
      await expect(p.getByText('Rounds fired')).toHaveCount(0);
      for (const ext of ['csv', 'json']) {
        const r = await p.request.get(file(ext));
        expect(r.status()).toBe(403);
        expect(await r.text()).not.toContain('Rounds fired');
      }
      await p.goto(`/productions/${demo}/scene-plans`);
      await expect(p.getByRole('link', { name: 'Firearms report' })).toHaveCount(0);
      await p.context().close();
    }
  });
});
