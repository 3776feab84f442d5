import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';

import { as, liftStandingHold, replayAction, standingHold } from './holds';
import { ids, one, query } from './db';

// OSHA recordkeeping (ARCHITECTURE.md: OSHA recordkeeping): a discharge that hurts two people is
// one report with two cases, stops work (rule 1), runs a legal clock per person, and each case
// gets its report to OSHA and its recordability decision — by a producer; other roles are
// refused on the server. The e2e database is shared by every spec of a run: this spec makes its
// own report and leaves no hold standing.

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };
const REFUSED = 'Your role on this production does not allow that.';

type Person = { id: string; ordinal: number; employee_name: string; died: number; osha_reported_at: number | null; osha_reference: string | null; recordability: string | null; classification: string | null; days_away: number | null };
const peopleOf = (incidentId: string) => query<Person>('select * from injured_people where incident_id = ? order by ordinal', incidentId);

let pid: string;
let incidentUrl = '';
let incidentId = '';
const captured: { recordability?: { url: string; id: string; body: string }; report?: { url: string; id: string; body: string } } = {};
const tag = randomUUID().slice(0, 8);
const description = `The revolver discharged during a rehearsal (${tag})`;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({ browser }) => {
  pid = ids().demo;
  await liftStandingHold(browser, pid);
});
test.afterAll(async ({ browser }) => {
  await liftStandingHold(browser, pid);
});

test.describe('producer', () => {
  test('files one discharge with two injured people from a phone: one report, two cases, a rule-1 hold, clocks per person', async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await as(browser, 'producer', PHONE);
    await page.goto(`/productions/${pid}/incidents/new`);
    await page.getByRole('radio', { name: 'Accidental discharge', exact: true }).check();
    await page.getByLabel('What happened?').fill(description);
    await page.getByLabel('Where?').fill('Church set');
    await page.getByRole('button', { name: /Add more detail/ }).click();
    await page.getByRole('button', { name: 'Add an injured person' }).click();
    const p1 = page.getByRole('region', { name: 'Injured person 1' });
    await p1.getByLabel('Employee’s full name').fill(`Camera operator ${tag}`);
    await p1.getByLabel('The injury: body part and how it was affected').fill('Gunshot wound, chest');
    await p1.getByLabel('The employee died').check();
    await page.getByRole('button', { name: 'Add another injured person' }).click();
    const p2 = page.getByRole('region', { name: 'Injured person 2' });
    await p2.getByLabel('Employee’s full name').fill(`Director ${tag}`);
    await p2.getByLabel('The injury: body part and how it was affected').fill('Gunshot wound, shoulder');
    await p2.getByLabel('Hospitalised overnight as an in-patient').check();
    await page.screenshot({ path: 'test-results/osha-new-375.png', fullPage: true });
    await page.getByRole('button', { name: 'File report' }).click();

    await expect(page.getByTestId('filed-notice')).toContainText('Work has stopped');
    incidentUrl = page.url().replace(/\?.*$/, '');
    const filed = query<{ id: string; severity: string }>('select id, severity from incidents where description = ?', description);
    expect(filed).toHaveLength(1);
    incidentId = filed[0].id;
    expect(filed[0].severity).toBe('critical');
    expect(peopleOf(incidentId).map((p) => [p.ordinal, p.employee_name, p.died])).toEqual([[1, `Camera operator ${tag}`, 1], [2, `Director ${tag}`, 0]]);
    expect(one<{ n: number }>('select count(*) n from hold_incidents where incident_id = ?', incidentId).n).toBe(1);
    expect(standingHold(pid)).toBeTruthy();

    // Each person has their own clocks (federal OSHA: 8 hours for the death, 24 for the in-patient).
    await expect(page.getByRole('heading', { name: 'Injured people (2)' })).toBeVisible();
    await expect(page.getByTestId('person-1').getByTestId('deadlines')).toContainText('Report the death to OSHA (8 hours)');
    await expect(page.getByTestId('person-2').getByTestId('deadlines')).toContainText('Report the in-patient hospitalisation, amputation or loss of an eye to OSHA (24 hours)');
    await expect(page.getByTestId('person-2').getByTestId('deadlines')).not.toContainText('8 hours');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  test('records the report made for person 1 and the recordability of person 2', async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await as(browser, 'producer', PHONE);
    await page.goto(incidentUrl);
    const p1 = page.getByTestId('person-1');
    await p1.getByLabel('Reference number given').fill(`FAT-${tag}`);
    const reportSent = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
    await p1.getByRole('button', { name: 'Record the report' }).click();
    const rreq = await reportSent;
    captured.report = { url: rreq.url(), id: rreq.headers()['next-action'], body: rreq.postData() ?? '' };
    await expect(p1.getByTestId('person-1-report')).toContainText(`reference FAT-${tag}`);
    await expect(p1.getByTestId('deadlines')).toContainText('Met');
    expect(peopleOf(incidentId)[0].osha_reference).toBe(`FAT-${tag}`);

    const p2 = page.getByTestId('person-2');
    await p2.getByText('Decide recordability').click();
    await p2.getByLabel('1. Is it work-related?').selectOption('yes');
    await p2.getByLabel('2. Is it a new case?').selectOption('yes');
    await p2.getByLabel('3. Days away from work?').selectOption('yes');
    await p2.getByLabel('Days away from work', { exact: true }).fill('12');
    await p2.getByLabel('4. Restricted work or job transfer?').selectOption('no');
    await p2.getByLabel('5. Medical treatment beyond first aid?').selectOption('yes');
    await p2.getByLabel('6. Loss of consciousness?').selectOption('no');
    await p2.getByLabel(/^7\. A significant injury/).selectOption('no');
    await p2.getByLabel('(C) Cleaning, flushing or soaking wounds on the surface of the skin').check();
    await p2.getByLabel('Type of case (Form 300 column M)').selectOption('injury');
    await expect(p2.getByRole('status').filter({ hasText: 'Recordable — H Days away from work' })).toBeVisible();
    const sent = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
    await p2.getByRole('button', { name: 'Save recordability' }).click();
    const req = await sent;
    captured.recordability = { url: req.url(), id: req.headers()['next-action'], body: req.postData() ?? '' };
    await expect(p2.getByTestId('person-2-recordability')).toHaveText('Recordable — H Days away from work');
    expect(peopleOf(incidentId)[1]).toMatchObject({ recordability: 'recordable', classification: 'days_away', days_away: 12 });
    // Person 1's recordability was not touched by person 2's decision.
    expect(peopleOf(incidentId)[0].recordability).toBeNull();
    await page.screenshot({ path: 'test-results/osha-detail-375.png', fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: 'test-results/osha-detail-1280.png', fullPage: true });
    await page.context().close();
  });
});

test.describe('armorer', () => {
  test('sees both cases without their names and no OSHA controls; the server refuses the producer’s actions replayed', async ({ browser }) => {
    const page = await as(browser, 'armorer');
    await page.goto(incidentUrl);
    await expect(page.getByTestId('person-2')).toContainText('Gunshot wound, shoulder');
    expect(await page.content()).not.toContain(`Director ${tag}`);
    await expect(page.getByRole('button', { name: 'Save recordability' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Record the report' })).toHaveCount(0);
    const before = peopleOf(incidentId);
    const rec = await replayAction(page.request, { ...captured.recordability!, body: captured.recordability!.body.replace('"days_away"', '"x"').replace('"12"', '"3"') });
    expect(rec.status).toBe(200);
    expect(rec.text).toContain(REFUSED);
    const rep = await replayAction(page.request, { ...captured.report!, body: captured.report!.body.replace(`FAT-${tag}`, `ARM-${tag}`) });
    expect(rep.text).toContain(REFUSED);
    expect(peopleOf(incidentId)).toEqual(before);
    await page.context().close();
  });
});

test.describe('auditor', () => {
  test('may not file the two-person discharge: the JSON route answers 403 and stores nothing', async ({ browser }) => {
    const page = await as(browser, 'auditor');
    const text = `Auditor files a discharge (${tag})`;
    const res = await page.request.post(`/api/productions/${pid}/incidents`, {
      data: { id: randomUUID(), type: 'accidental_discharge', description: text, location: 'Church set', injuredPeople: [{ employeeName: 'A' }, { employeeName: 'B' }] },
    });
    expect(res.status()).toBe(403);
    expect(query('select id from incidents where description = ?', text)).toHaveLength(0);
    await page.context().close();
  });
});
