// Oversight (rule 4): dashboard, audit trail and verification, exports, printable report, and
// the server-side refusals. Dashboard data is inserted straight into the e2e database (no audit
// entries needed for it) and removed again afterwards so other specs see the demo as it was.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { expect, openPageAs, test } from './fixtures';
import { type Who } from './helpers';
import { parseCsv } from './csv';
import { routes } from './authz/oversight';
import type { Caller } from './authz/types';
import { authzCtx } from './authz/ctx';
import { localDate } from '../app/lib/time';
import { ids, testDb } from './db';

test.describe.configure({ mode: 'serial' });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const seeded = { incidents: [] as string[], hold: '', action: '', comment: '', numbers: {} as Record<string, number> };
let demo = '';

function uid(db: ReturnType<typeof testDb>, email: string): string {
  return (db.prepare('select id from users where email = ?').get(email) as { id: string }).id;
}

function auditState() {
  const db = testDb();
  const n = (db.prepare('select count(*) as n, max(seq) as seq from audit_log where chain = ?').get(demo) as { n: number; seq: number });
  const last = db.prepare('select hash from audit_log where chain = ? order by seq desc limit 1').get(demo) as { hash: string };
  db.close();
  const headsFile = path.join(path.dirname(path.resolve(process.env.E2E_DATABASE_PATH ?? 'data/e2e/setsafe.db')), 'chain-heads.json');
  return { count: n.n, seq: n.seq, hash: last.hash, heads: fs.readFileSync(headsFile, 'utf8') };
}

test.beforeAll(() => {
  ({ demo } = ids());
  const db = testDb();
  const now = Date.now();
  const crew = uid(db, 'crew@setsafe.test');
  const producer = uid(db, 'producer@setsafe.test');
  const armorer = uid(db, 'armorer@setsafe.test');
  let n = (db.prepare('select coalesce(max(number), 0) as n from incidents where production_id = ?').get(demo) as { n: number }).n;
  const ins = db.prepare(`insert into incidents (id, production_id, number, reporter_id, anonymous, type, severity, status, occurred_at, reported_at,
    location, scene, description, immediate_actions, people_involved, owner_id, updated_at) values (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const add = (key: string, v: { reporter: string | null; type: string; severity: string; status: string; occurred: number; description: string; owner: string | null }) => {
    const id = randomUUID();
    seeded.numbers[key] = ++n;
    ins.run(id, demo, n, v.reporter, v.type, v.severity, v.status, v.occurred, v.occurred + 600_000, 'Stage 2', 'Sc 14 (e2e)', v.description, 'Cleared the set', 'Cal Actor', v.owner, now);
    seeded.incidents.push(id);
    return id;
  };
  // A crew report nobody owns yet; its description tries a spreadsheet formula.
  const a = add('a', { reporter: crew, type: 'near_miss', severity: 'high', status: 'reported', occurred: now - 3 * DAY, description: '=HYPERLINK("http://evil.test","click") near miss (e2e)', owner: null });
  // An in-patient hospitalisation 30 hours ago, not reported to OSHA: the 24-hour deadline has passed.
  const b = add('b', { reporter: producer, type: 'injury', severity: 'medium', status: 'investigating', occurred: now - 30 * HOUR, description: 'Burn from a blank at close range (e2e)', owner: producer });
  db.prepare('insert into injured_people (id, incident_id, ordinal, employee_name, hospitalized_inpatient, injury_description, updated_at) values (?, ?, 1, ?, 1, ?, ?)').run(randomUUID(), b, 'Jo Private (e2e)', 'Second-degree burn, left forearm', now);
  const c = add('c', { reporter: armorer, type: 'accidental_discharge', severity: 'critical', status: 'investigating', occurred: now - 2 * DAY, description: 'Blank discharged during a rehearsal (e2e)', owner: producer });
  const twoDaysAgo = localDate(new Date(now - 2 * DAY), 'America/Denver');
  seeded.action = randomUUID();
  db.prepare('insert into corrective_actions (id, production_id, incident_id, what, owner_id, due_date, created_by_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)').run(
    seeded.action, demo, c, 'Re-brief the cold-gun call (e2e)', armorer, twoDaysAgo, producer, now - 2 * DAY,
  );
  seeded.comment = randomUUID();
  db.prepare("insert into comments (id, incident_id, author_id, kind, body, created_at) values (?, ?, ?, 'comment', ?, ?)").run(seeded.comment, c, producer, 'Armorer to re-check all blanks before call time.', now - DAY);
  seeded.hold = randomUUID();
  db.prepare("insert into holds (id, production_id, source, called_by_id, called_at, reason) values (?, ?, 'manual', ?, ?, ?)").run(seeded.hold, demo, crew, now - 2 * HOUR, 'Loose blanks found on the prop cart (e2e)');
  db.close();
  void a;
});

test.afterAll(() => {
  const db = testDb();
  // Holds are never deleted (trigger): lift ours so the demo is not left on hold for other specs.
  db.prepare("update holds set lifted_at = ?, lifted_by_id = called_by_id, resolution = 'e2e cleanup' where id = ? and lifted_at is null").run(Date.now(), seeded.hold);
  db.prepare('delete from comments where id = ?').run(seeded.comment);
  db.prepare('delete from corrective_actions where id = ?').run(seeded.action);
  for (const id of seeded.incidents) {
    db.prepare('delete from injured_people where incident_id = ?').run(id);
    db.prepare('delete from incidents where id = ?').run(id);
  }
  db.close();
});

const as = (browser: Browser, who: Who | null, viewport = { width: 1280, height: 900 }): Promise<Page> => openPageAs(browser, who, { viewport });

test.describe('producer dashboard', () => {
  test('the overview a member lands on carries the rule-4 verdict for dashboard roles only', async ({ browser }) => {
    const db = testDb();
    const holds = (db.prepare('select count(*) as n from holds where production_id = ? and lifted_at is null').get(demo) as { n: number }).n;
    db.close();
    for (const who of ['producer', 'armorer', 'auditor'] as const) {
      const page = await as(browser, who);
      await page.goto(`/productions/${demo}`);
      // The same verdict as the dashboard: the worst state (app/lib/rules/verdict.ts).
      await expect(page.getByTestId('verdict')).toHaveAttribute('data-level', holds ? 'stop' : /^(stop|attention|clear)$/);
      await expect(page.getByRole('link', { name: 'Open the safety dashboard' })).toHaveAttribute('href', `/productions/${demo}/dashboard`);
      await page.context().close();
    }
    const crew = await as(browser, 'crew');
    await crew.goto(`/productions/${demo}`);
    await expect(crew.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(crew.getByTestId('verdict')).toHaveCount(0);
    await crew.context().close();
  });

  test('holds and overdue items stand first', async ({ browser }) => {
    const page = await as(browser, 'producer');
    const res = await page.goto(`/productions/${demo}/dashboard`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: 'Safety dashboard' })).toBeVisible();
    const db = testDb();
    const holds = (db.prepare('select count(*) as n from holds where production_id = ? and lifted_at is null').get(demo) as { n: number }).n;
    db.close();
    const verdict = page.getByTestId('verdict');
    await expect(verdict).toContainText('Not clear to shoot');
    // Each reason is a link to where it is dealt with.
    await expect(verdict.getByRole('link', { name: holds === 1 ? /^A stop-work hold stands/ : new RegExp(`^${holds} stop-work holds stand`) })).toHaveAttribute('href', `/productions/${demo}/hold`);
    await expect(verdict.getByRole('link', { name: /legal deadlines? (is|are) overdue/ })).toHaveAttribute('href', `/productions/${demo}/dashboard#card-deadlines`);
    await expect(verdict.getByRole('link', { name: /corrective actions? (is|are) overdue/ })).toHaveAttribute('href', `/productions/${demo}/dashboard#card-overdue-actions`);
    // The first three cards are the rule-4 ones, in this order.
    const cards = page.locator('section[data-testid^="card-"]');
    await expect(cards.nth(0)).toHaveAttribute('data-testid', 'card-holds');
    await expect(cards.nth(1)).toHaveAttribute('data-testid', 'card-overdue-actions');
    await expect(cards.nth(2)).toHaveAttribute('data-testid', 'card-deadlines');
    await expect(page.getByTestId('card-holds-count')).toHaveText(String(holds));
    await expect(page.getByTestId('card-holds')).toContainText('Loose blanks found on the prop cart (e2e)');
    await expect(page.getByTestId('card-overdue-actions')).toContainText('Re-brief the cold-gun call (e2e)');
    await expect(page.getByTestId('card-deadlines')).toContainText(`Incident #${seeded.numbers.b}`);
    await expect(page.getByTestId('card-deadlines')).toContainText('24 hours');
    // …and they sit above the rest on the screen too.
    const holdsBox = await page.getByTestId('card-holds').boundingBox();
    const severityBox = await page.getByTestId('card-severity').boundingBox();
    expect(holdsBox!.y).toBeLessThan(severityBox!.y);
    // The other figures.
    await expect(page.getByTestId('card-severity')).toContainText('Critical');
    await expect(page.getByTestId('card-unassigned')).toContainText(`#${seeded.numbers.a}`);
    await expect(page.getByTestId('card-armorer')).toContainText('Ana Armorer');
    await expect(page.getByTestId('card-armorer')).toContainText('Props');
    // The chart has a table alternative with the same numbers.
    await page.getByText('Show as a table').click();
    await expect(page.getByRole('table', { name: 'Incidents per week' })).toBeVisible();
    await page.context().close();
  });

  test('armorer sees it, auditor read-only, across productions too', async ({ browser }) => {
    const armorer = await as(browser, 'armorer');
    expect((await armorer.goto(`/productions/${demo}/dashboard`))?.status()).toBe(200);
    await expect(armorer.getByTestId('card-holds')).toContainText('Loose blanks found on the prop cart (e2e)');
    await armorer.context().close();
    const auditor = await as(browser, 'auditor');
    await auditor.goto(`/productions/${demo}/dashboard`);
    await expect(auditor.getByText('Read-only')).toBeVisible();
    await auditor.goto('/dashboard');
    await expect(auditor.getByRole('link', { name: 'Dry Creek (demo)' })).toBeVisible();
    await expect(auditor.getByText('On hold')).toBeVisible();
    await auditor.context().close();
  });
});

test.describe('crew are refused on the server', () => {
  test('dashboard, audit trail, report and exports', async ({ browser }) => {
    const before = auditState();
    const page = await as(browser, 'crew');
    for (const url of [`/productions/${demo}/dashboard`, `/productions/${demo}/audit`, `/productions/${demo}/incidents/${seeded.incidents[0]}/report`]) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(403);
      await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
      await expect(page.getByText('Loose blanks found')).toHaveCount(0);
    }
    for (const ds of ['incidents.csv', 'audit.json', 'custody.csv', 'checks.json']) {
      const res = await page.request.get(`/api/productions/${demo}/export/${ds}`);
      expect(res.status(), ds).toBe(403);
      expect(await res.text()).not.toContain('HYPERLINK');
    }
    await page.goto('/dashboard');
    await expect(page.getByText('Dashboards are for producers, armorers and auditors.')).toBeVisible();
    await page.context().close();
    expect(auditState()).toEqual(before);
  });
});

test.describe('audit trail', () => {
  test('auditor filters, pages and verifies the chain', async ({ browser }) => {
    const state = auditState();
    const page = await as(browser, 'auditor');
    await page.goto(`/productions/${demo}/audit`);
    await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
    await expect(page.getByTestId('audit-total')).toContainText(`${state.count} entries`);
    await expect(page.getByTestId('chain-head')).toContainText(`#${state.seq}`);
    await expect(page.getByTestId('chain-head')).toContainText(state.hash);
    await expect(page.getByTestId('chain-head')).toContainText('matches');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByTestId('verify-result')).toContainText(`Intact, ${state.count} entries`);
    // Filter by kind of change.
    await page.getByLabel('Kind of change').selectOption('member.add');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/action=member.add/);
    const members = testDb();
    const m = (members.prepare("select count(*) as n from audit_log where chain = ? and action = 'member.add'").get(demo) as { n: number }).n;
    members.close();
    await expect(page.getByTestId('audit-total')).toContainText(`${m} entries`);
    await expect(page.getByTestId('audit-row').first()).toContainText('Member added');
    await expect(page.getByTestId('audit-row').first()).toContainText('Role');
    await page.context().close();
  });
});

test.describe('exports', () => {
  test('auditor downloads CSV and JSON holding the expected rows and the chain head', async ({ browser }) => {
    const state = auditState();
    const page = await as(browser, 'auditor');
    await page.goto(`/productions/${demo}/audit`);

    const csvDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Incidents as CSV' }).click();
    const csvFile = await (await csvDownload).path();
    const csv = parseCsv(fs.readFileSync(csvFile!, 'utf8'));
    // The first row is the header (a spreadsheet opens it clean); the head is in the response header
    // and, on request, on a comment line.
    expect(csv.comments).toEqual([]);
    expect(csv.header[0]).toBe('number');
    const withHead = await page.request.get(`/api/productions/${demo}/export/incidents.csv?head=line`);
    expect(withHead.headers()['x-setsafe-chain-head']).toBe(`${state.seq}:${state.hash}`);
    const headed = parseCsv(await withHead.text());
    expect(headed.comments[0]).toContain(`chain_head seq=${state.seq} hash=${state.hash}`);
    expect(headed.comments[0]).toContain(`production_id=${demo}`);
    expect(headed.header).toEqual(csv.header);
    const byNumber = new Map(csv.rows.map((r) => [Number(r.number), r]));
    for (const key of ['a', 'b', 'c']) expect(byNumber.has(seeded.numbers[key]), key).toBe(true);
    expect(byNumber.get(seeded.numbers.a)!.description).toBe(`'=HYPERLINK("http://evil.test","click") near miss (e2e)`);
    expect(byNumber.get(seeded.numbers.c)).toMatchObject({ type: 'Accidental discharge', severity: 'Critical', owner: 'Priya Producer' });
    expect(byNumber.get(seeded.numbers.b)).toMatchObject({ injury_recorded: 'yes', employee_name: 'Jo Private (e2e)', injury_hospitalized_inpatient: 'yes' });

    const jsonDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Audit trail as JSON' }).click();
    const json = JSON.parse(fs.readFileSync((await (await jsonDownload).path())!, 'utf8'));
    expect(json.chainHead).toEqual({ seq: state.seq, hash: state.hash });
    expect(json.rows).toHaveLength(state.count);
    expect(json.rows.at(-1)).toMatchObject({ seq: state.seq, hash: state.hash });

    // Filtered like the screens, through the query string; a bad filter is a 400, not a 500.
    const critical = await page.request.get(`/api/productions/${demo}/export/incidents.json?severity=critical`);
    expect(critical.status()).toBe(200);
    // Other specs may have filed critical incidents on the shared e2e database: ours is in, the rest are critical too.
    const rows = (await critical.json()).rows as { number: number; severity: string }[];
    expect(rows.map((r) => r.number)).toContain(seeded.numbers.c);
    expect(rows.map((r) => r.number)).not.toContain(seeded.numbers.a);
    expect(rows.every((r) => r.severity === 'Critical')).toBe(true);
    const bad = await page.request.get(`/api/productions/${demo}/export/incidents.json?severity=apocalyptic`);
    expect(bad.status()).toBe(400);
    expect((await bad.json()).fieldErrors.severity).toBeTruthy();
    await page.context().close();
  });
});

test.describe('printable incident report', () => {
  test('renders the incident, injury, actions, comments, audit and chain head; prints without the app chrome', async ({ browser }) => {
    const state = auditState();
    const page = await as(browser, 'producer');
    const c = seeded.incidents[2];
    // Reached from the incident page.
    await page.goto(`/productions/${demo}/incidents/${c}`);
    await page.getByRole('link', { name: 'Printable report' }).click();
    await expect(page).toHaveURL(new RegExp(`/incidents/${c}/report$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Incident report #${seeded.numbers.c}: Accidental discharge`);
    await expect(page.getByText('Blank discharged during a rehearsal (e2e)')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Corrective actions' })).toContainText('Re-brief the cold-gun call (e2e)');
    await expect(page.getByRole('region', { name: 'Comments and questions' })).toContainText('Armorer to re-check all blanks');
    // Rows inserted straight into the database have no audit entries: the report says so.
    await expect(page.getByTestId('report-timeline')).toContainText('No recorded changes yet.');
    await expect(page.getByTestId('report-chain-head')).toContainText(`#${state.seq}`);
    await expect(page.getByTestId('report-chain-head')).toContainText(state.hash);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Production' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    // An incident filed through the app (the seed's, by the demo producer): its story and audit entries.
    const filed = authzCtx().demoIncident;
    await page.goto(`/productions/${demo}/incidents/${filed}/report`);
    await expect(page.getByTestId('report-timeline')).toContainText('Filed the report');
    await expect(page.getByTestId('report-audit')).toContainText('Report filed');
    await expect(page.getByTestId('report-audit')).toContainText('Description');
    // The injury report shows the personal section to the producer and the overdue OSHA clock.
    await page.goto(`/productions/${demo}/incidents/${seeded.incidents[1]}/report`);
    await expect(page.getByText('Jo Private (e2e)')).toBeVisible();
    await expect(page.getByTestId('deadlines')).toContainText('Overdue');
    await expect(page.getByTestId('deadlines')).toContainText('24 hours');
    await page.context().close();
  });
});

test.describe('authorization matrix (oversight routes)', () => {
  const callers: Record<Caller, Who | null> = { crew: 'crew', armorer: 'armorer', producer: 'producer', auditor: 'auditor', admin: 'admin', other: 'otherProducer', anon: null };
  for (const [caller, who] of Object.entries(callers) as [Caller, Who | null][]) {
    test(`${caller}`, async ({ browser }) => {
      const ctx = authzCtx();
      const page = await as(browser, who);
      for (const r of routes) {
        const url = r.path(ctx);
        const want = r.expect[caller];
        const code = (s: number | undefined) =>
          s === 200 ? 'ok' : s === 401 ? 'signin' : s === 403 ? 'forbidden' : s === 404 ? 'notfound' : s === 400 ? 'invalid' : `status ${s}`;
        if (r.kind === 'page') {
          // In a browser, as a person would: the status the page answered and where it ended.
          const res = await page.goto(url);
          const got = page.url().includes('/sign-in') ? 'signin' : code(res?.status());
          expect(got, `${caller} ${r.name}`).toBe(want);
          if (want === 'forbidden') await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
        } else {
          const res = await page.request.fetch(url, { method: r.method, maxRedirects: 0 });
          expect(code(res.status()), `${caller} ${r.name}`).toBe(want);
        }
      }
      await page.context().close();
    });
  }
});

test.describe('screenshots', () => {
  for (const width of [375, 1280]) {
    test(`dashboard, audit trail and report at ${width}px`, async ({ browser }) => {
      const dir = path.join('test-results', 'oversight-screens');
      fs.mkdirSync(dir, { recursive: true });
      const producer = await as(browser, 'producer', { width, height: 900 });
      await producer.goto(`/productions/${demo}/dashboard`);
      await expect(producer.getByTestId('card-weekly')).toBeVisible();
      // The chart is drawn on the server: it is in the page as sent.
      await expect(producer.getByTestId('card-weekly').locator('svg[viewBox]').first()).toBeVisible();
      await producer.screenshot({ path: path.join(dir, `dashboard-${width}.png`), fullPage: true });
      const scrollW = await producer.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollW, 'no horizontal scroll').toBeLessThanOrEqual(width);
      await producer.goto(`/productions/${demo}/incidents/${seeded.incidents[2]}/report`);
      await producer.screenshot({ path: path.join(dir, `report-${width}.png`), fullPage: true });
      expect(await producer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await producer.context().close();
      const auditor = await as(browser, 'auditor', { width, height: 900 });
      await auditor.goto(`/productions/${demo}/audit`);
      await auditor.getByRole('button', { name: 'Verify chain' }).click();
      await expect(auditor.getByTestId('verify-result')).toContainText('Intact');
      await auditor.screenshot({ path: path.join(dir, `audit-${width}.png`), fullPage: true });
      expect(await auditor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await auditor.context().close();
    });
  }
});
