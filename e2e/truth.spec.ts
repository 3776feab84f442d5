// The record tells the truth: a day-only time reads as the production's local day on every screen
// and export; a hold that a live-round report joined needs two people to lift (rule 5), with a
// confirmation; the verdict is the worst state, with its reasons as links.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { forceEnable } from './helpers';
import { fileAnonymously, reportToken } from './anonymous-flow';
import { one, query, type Row } from './db';

test.describe.configure({ mode: 'serial' });

const SHOTS = path.resolve(__dirname, '..', 'test-results', 'truth');
const userId = (email: string) => one<{ id: string }>('select id from users where email = ?', email).id;
const nameOf = (email: string) => one<{ name: string }>('select name from users where email = ?', email).name;
const standingHold = (pid: string) => one<Row>('select * from holds where production_id = ? and lifted_at is null', pid);

async function shoot(page: Page, name: string) {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function setZone(page: Page, pid: string, zone: string) {
  await page.goto(`/productions/${pid}/settings`);
  await page.getByLabel('Time zone').fill(zone);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  expect(one<{ tz: string }>('select time_zone as tz from productions where id = ?', pid).tz).toBe(zone);
}

/** Lifts whatever hold stands, as the people allowed to, so each test starts without one. */
async function liftAnyHold(pid: string, armorer: Page, producer: Page, producer2: Page) {
  const h = standingHold(pid);
  if (!h) return;
  if (!h.concurred_by_id && (h.source === 'rule1' || query('select 1 from hold_incidents x join incidents i on i.id = x.incident_id where x.hold_id = ? and i.type in (?, ?)', h.id, 'accidental_discharge', 'live_ammunition_found').length)) {
    await armorer.goto(`/productions/${pid}/hold`);
    await armorer.getByRole('button', { name: 'Record my concurrence' }).click();
    await expect(armorer.getByText('Not yet recorded')).toHaveCount(0);
  }
  const lifter = standingHold(pid)?.concurred_by_id === userId('producer@setsafe.test') ? producer2 : producer;
  await lifter.goto(`/productions/${pid}/hold`);
  await lifter.getByLabel('Written resolution').fill('Checked with the armorer; safe to resume (e2e cleanup).');
  await lifter.getByRole('button', { name: 'Lift hold' }).click();
  await lifter.getByRole('button', { name: 'Yes, lift the hold' }).click();
  await expect(lifter.getByTestId('hold-lifted')).toBeVisible();
}

test.describe('producer: an anonymous report filed today reads as today everywhere', () => {
  test('the incident page, printable report and CSV/JSON exports say the local day, with no time', async ({ producer, browser, prod }) => {
    const pid = prod.demo;
    const original = one<{ tz: string }>('select time_zone as tz from productions where id = ?', pid).tz;
    try {
      await dayOnlyEverywhere(producer, browser, pid);
    } finally {
      await setZone(producer, pid, original);
    }
  });
});

async function dayOnlyEverywhere(producer: Page, browser: Browser, pid: string) {
  // A zone whose date differs from the UTC date right now: west of UTC before 10:00 UTC, east after.
  const zone = new Date().getUTCHours() < 10 ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
  await setZone(producer, pid, zone);
  const parts = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const today = parts(new Date());
  expect(today).not.toBe(new Date().toISOString().slice(0, 10));
  const label = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' }).format(new Date());

  const anon = await browser.newContext();
  const { number } = await fileAnonymously(await anon.newPage(), `/report/${reportToken(pid)}`, { description: 'Day-only e2e: weapons cart left open', location: 'Stage 9' }, { publish: true });
  await anon.close();
  const row = one<{ id: string; reported_at: number; occurred_at: number }>('select id, reported_at, occurred_at from incidents where production_id = ? and number = ?', pid, number);
  // Stored as the start of that local day: the day only, and the right one.
  expect(parts(new Date(row.reported_at))).toBe(today);
  expect(parts(new Date(row.reported_at - 1))).not.toBe(today);
  expect(row.occurred_at).toBe(row.reported_at);

  await producer.goto(`/productions/${pid}/incidents/${row.id}`);
  await expect(producer.getByText(new RegExp(`^Filed by .* · ${label}$`))).toBeVisible();
  await producer.goto(`/productions/${pid}/incidents/${row.id}/report`);
  await expect(producer.getByText(`${label} (anonymous: day only)`)).toBeVisible();
  await shoot(producer, 'printable-report-day-only');

  const csv = await (await producer.request.get(`/api/productions/${pid}/export/incidents.csv`)).text();
  const line = csv.split('\n').find((l) => l.includes(row.id))!;
  expect(line.split(',').filter((c) => c === today)).toHaveLength(2); // occurred_local and reported_local
  expect(line).not.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  const json = (await (await producer.request.get(`/api/productions/${pid}/export/incidents.json`)).json()) as { rows: Row[] };
  expect(json.rows.find((r) => r.id === row.id)).toMatchObject({ occurredLocal: today, reportedLocal: today });
}

test.describe('producers: a hold called by hand that a live-round report joined', () => {
  test('one producer alone is refused; the one who concurred gets no lift form; a second lifts after confirming', async ({ crew, armorer, producer, producer2, prod }) => {
    const pid = prod.demo;
    await liftAnyHold(pid, armorer, producer, producer2);

    await crew.goto(`/productions/${pid}/hold`);
    await crew.getByLabel('Why must work stop?').fill('Weapons cart left open by the stage door (e2e truth).');
    await crew.getByRole('button', { name: 'Call stop-work hold' }).click();
    await expect(crew.getByTestId('hold-banner')).toContainText('Weapons cart left open');
    const filed = await crew.request.post(`/api/productions/${pid}/incidents`, {
      data: { id: randomUUID(), type: 'live_ammunition_found', description: 'A live round in the dummy box (e2e truth).', location: 'Stage 4' },
    });
    expect(filed.ok()).toBe(true);
    const hold = standingHold(pid)!;
    expect(hold).toMatchObject({ source: 'manual', concurred_by_id: null });
    expect(query('select incident_id from hold_incidents where hold_id = ?', hold.id)).toHaveLength(1);

    // The verdict says why it is not clear, with links.
    await producer.goto(`/productions/${pid}`);
    const verdict = producer.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-level', 'stop');
    await expect(verdict).toContainText('Not clear to shoot');
    await expect(verdict.getByRole('link', { name: /^A stop-work hold stands/ })).toHaveAttribute('href', `/productions/${pid}/hold`);
    await expect(verdict.getByRole('link', { name: /critical or live-ammunition reports? (is|are) not yet triaged/ })).toBeVisible();
    await shoot(producer, 'overview-verdict');

    // One producer alone: the rule is stated, the server refuses, nothing changes.
    await producer.goto(`/productions/${pid}/hold`);
    await expect(producer.getByText('Joined by a rule-1 report')).toBeVisible();
    await expect(producer.getByTestId('lift-blocked')).toContainText('concurrence first');
    // The form is disabled with that reason (rule 5); forced open, the server refuses the lift.
    await expect(producer.getByRole('button', { name: 'Lift hold' })).toBeDisabled();
    await forceEnable(producer.getByRole('form', { name: 'Lift the hold' }));
    await producer.getByLabel('Written resolution').fill('Looked at it myself; the round is bagged.');
    await producer.getByRole('button', { name: 'Lift hold' }).click();
    await expect(producer.getByRole('group', { name: 'Lift this stop-work hold?' })).toContainText('Looked at it myself');
    await shoot(producer, 'hold-lift-confirm');
    await producer.getByRole('button', { name: 'Yes, lift the hold' }).click();
    await expect(producer.getByRole('alert').filter({ hasText: 'concurrence first' })).toBeVisible();
    expect(standingHold(pid)).toEqual(hold);

    // The producer concurs; now the lift is not theirs: no form at all.
    await producer.getByRole('button', { name: 'Record my concurrence' }).click();
    await expect(producer.getByText(new RegExp(`✓ ${nameOf('producer@setsafe.test')}`))).toBeVisible();
    await expect(producer.getByTestId('lift-blocked')).toContainText('cannot also lift');
    await expect(producer.getByRole('button', { name: 'Lift hold' })).toHaveCount(0);
    await expect(producer.getByLabel('Written resolution')).toHaveCount(0);

    // A second producer lifts it, confirms, and is told it is lifted and by whom.
    await producer2.goto(`/productions/${pid}/hold`);
    await producer2.getByLabel('Written resolution').fill('Live round bagged and logged; every dummy box re-inspected with the armorer.');
    await producer2.getByRole('button', { name: 'Lift hold' }).click();
    await producer2.getByRole('button', { name: 'Go back' }).click();
    await expect(producer2.getByLabel('Written resolution')).toHaveValue(/Live round bagged/);
    expect(standingHold(pid)).toMatchObject({ id: hold.id });
    await producer2.getByRole('button', { name: 'Lift hold' }).click();
    await producer2.getByRole('button', { name: 'Yes, lift the hold' }).click();
    await expect(producer2.getByTestId('hold-lifted')).toContainText(`The stop-work hold is lifted, by ${nameOf('producer2@setsafe.test')}`);
    await expect(producer2.getByTestId('hold-banner')).toHaveCount(0);
    await shoot(producer2, 'hold-lifted');
    expect(one('select lifted_by_id, concurred_by_id from holds where id = ?', hold.id)).toEqual({
      lifted_by_id: userId('producer2@setsafe.test'),
      concurred_by_id: userId('producer@setsafe.test'),
    });
  });
});
