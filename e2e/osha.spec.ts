import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { as, liftStandingHold, replayAction, standingHold } from './holds';
import { ids, one, query } from './db';
import { parseCsv } from './csv';
import { ITA_CASE_COLUMNS, ITA_CODES, ITA_SUMMARY_COLUMNS } from '../app/lib/rules/ita';

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

// The outputs (ARCHITECTURE.md: OSHA recordkeeping, forms and ITA): the same two cases put on an
// establishment's Form 300 log, summed on its 300A, printed on a 301 each, and exported as ITA's
// two CSV files — first refused, with each problem shown where it is fixed, then made and read back.
test.describe('producer: the OSHA forms and the ITA files', () => {
  const est = `Stage 9 ${tag}`;
  let estId = '';
  let year = 0;
  let number = 0;
  let base = '';
  let day = '';
  let itaDay = '';

  test('decides person 1, adds an establishment and puts both cases on its log', async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await as(browser, 'producer');
    await page.goto(incidentUrl);
    const p1 = page.getByTestId('person-1');
    await p1.getByText('Decide recordability').click();
    await p1.getByLabel('1. Is it work-related?').selectOption('yes');
    await p1.getByLabel('2. Is it a new case?').selectOption('yes');
    await p1.getByLabel('3. Days away from work?').selectOption('no');
    await p1.getByLabel('4. Restricted work or job transfer?').selectOption('no');
    await p1.getByLabel('5. Medical treatment beyond first aid?').selectOption('yes');
    await p1.getByLabel('6. Loss of consciousness?').selectOption('yes');
    await p1.getByLabel(/^7\. A significant injury/).selectOption('yes');
    await p1.getByLabel('Type of case (Form 300 column M)').selectOption('injury');
    await p1.getByRole('button', { name: 'Save recordability' }).click();
    await expect(p1.getByTestId('person-1-recordability')).toHaveText('Recordable — G Death');

    const inc = one<{ number: number; reported_at: number; occurred_at: number | null; time_zone: string }>(
      'select i.number, i.reported_at, i.occurred_at, p.time_zone from incidents i join productions p on p.id = i.production_id where i.id = ?', incidentId);
    number = inc.number;
    day = new Intl.DateTimeFormat('en-CA', { timeZone: inc.time_zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(inc.occurred_at ?? inc.reported_at));
    year = Number(day.slice(0, 4));
    itaDay = `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 4)}`;

    await page.goto(`/productions/${pid}/osha`);
    const add = page.getByRole('form', { name: 'Add an establishment' });
    await add.getByLabel('Establishment name').fill(est);
    await add.getByLabel('Company name').fill('Dry Creek Productions LLC');
    await add.getByLabel('EIN (Employer Identification Number)').fill('12-3456789');
    await add.getByLabel('Street address').fill('1 Ranch Road');
    await add.getByLabel('City').fill('Santa Fe');
    await add.getByLabel('State').fill('NM');
    await add.getByLabel('Zip code').fill('87507');
    await expect(add.getByLabel('NAICS code')).toHaveValue('512110');
    await add.getByLabel('Most employees at any one time this year').fill('140');
    await add.getByRole('button', { name: 'Add establishment' }).click();
    await expect(add.getByRole('status')).toContainText('Establishment added.');
    await expect.poll(() => query<{ id: string }>('select id from establishments where production_id = ? and name = ?', pid, est).length).toBe(1);
    estId = one<{ id: string }>('select id from establishments where name = ?', est).id;
    base = `/productions/${pid}/osha/${estId}/${year}`;
    // Motion picture production is partially exempt federally: SetSafe says so, with the rule, and keeps the records anyway.
    const card = page.getByRole('region', { name: est });
    await expect(card.locator('[data-obligation="keep_log"]')).toHaveAttribute('data-status', 'not_required');
    await expect(card.locator('[data-obligation="keep_log"]')).toContainText('appendix A to subpart B');
    await expect(card.locator('[data-obligation="report"]')).toHaveAttribute('data-status', 'required');
    await page.screenshot({ path: 'test-results/osha-index-1280.png', fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: 'test-results/osha-index-375.png', fullPage: true });
    await page.setViewportSize(DESKTOP);

    for (const [ordinal, job] of [[1, 'Camera operator'], [2, 'Director #2']] as const) {
      const item = page.getByTestId(`unassigned-${number}-${ordinal}`);
      const form = item.getByRole('form', { name: `Log for case ${number}-${ordinal}` });
      await form.getByLabel('On the log of').selectOption({ label: est });
      await form.getByLabel('Job title (Form 300 column C)').fill(job);
      await form.getByRole('button', { name: 'Save case' }).click();
      await expect(item).toHaveCount(0);
    }
    expect(query<{ ordinal: number; job_title: string }>('select ordinal, job_title from injured_people where incident_id = ? and establishment_id = ? order by ordinal', incidentId, estId))
      .toEqual([{ ordinal: 1, job_title: 'Camera operator' }, { ordinal: 2, job_title: 'Director #2' }]);
    await page.context().close();
  });

  test('the 300 log has both rows; ITA is refused until each problem is fixed where it is shown', async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await as(browser, 'producer');
    await page.goto(base);
    const r1 = page.getByTestId(`log-row-${number}-1`);
    const r2 = page.getByTestId(`log-row-${number}-2`);
    await expect(r1).toContainText(`Camera operator ${tag}`);
    await expect(r1.locator('td').nth(6)).toHaveText('✓'); // (G) death
    await expect(r2).toContainText(`Director ${tag}`);
    await expect(r2.locator('td').nth(7)).toHaveText('✓'); // (H) days away
    await expect(r2.locator('td').nth(10)).toHaveText('12'); // (K)
    await expect(page.getByTestId('log-totals')).toContainText('2 cases');

    const problems = page.getByTestId('ita-problems');
    await expect(problems).toContainText('The annual average number of employees is required');
    await expect(problems).toContainText('The job title has characters ITA refuses: #');
    await expect(problems).toContainText('What the employee was doing is required.');
    await expect(problems).toContainText('A death case needs the date of death.');
    await expect(page.getByRole('link', { name: 'Download 300A summary CSV' })).toHaveCount(0);
    const refused = await page.request.get(`/api${base}/ita-summary.csv`);
    expect(refused.status()).toBe(422);
    expect((await refused.json()).problems.length).toBeGreaterThan(0);
    // Each problem stands beside its field.
    await expect(page.getByRole('form', { name: `Figures for ${year}` }).getByTestId('ita-flag').first()).toContainText('annual average');
    const case2 = page.getByRole('form', { name: `Log for case ${number}-2` });
    await expect(case2.getByTestId('ita-flag')).toContainText('#');
    await page.screenshot({ path: 'test-results/osha-300-problems-1280.png', fullPage: true });

    // Fix them: the year's figures and the executive, the job title, then each Form 301's narrative on the report.
    const figures = page.getByRole('form', { name: `Figures for ${year}` });
    await figures.getByLabel('Annual average number of employees').fill('120');
    await figures.getByLabel('Total hours worked by all employees last year').fill('180000');
    await figures.getByLabel('Company executive who certifies').fill('Pat Producer');
    await figures.getByLabel('Title').fill('Line producer');
    await figures.getByRole('button', { name: `Save ${year} figures` }).click();
    await expect(figures.getByRole('status')).toContainText('Saved.');
    await case2.getByLabel('Job title (Form 300 column C)').fill('Director');
    await case2.getByRole('button', { name: 'Save case' }).click();
    await expect(case2.getByRole('status')).toContainText('Saved.');
    await expect(problems).not.toContainText('job title');

    await page.goto(incidentUrl);
    for (const n of [1, 2]) {
      const person = page.getByTestId(`person-${n}`);
      await person.getByText('Change Form 301 details').click();
      const form = person.getByRole('form', { name: 'Form 301 details' });
      await form.getByLabel('What the employee was doing just before').fill('Rehearsing the church scene, camera set up');
      await form.getByLabel('What happened (how the injury occurred)').fill('The revolver discharged a live round during the rehearsal');
      await form.getByLabel('Object or substance that directly harmed the employee').fill('A live round from the revolver');
      // A death case needs its date (ITA's date_of_death).
      if (n === 1) await form.getByLabel('Date of death').fill(day);
      await form.getByRole('button', { name: 'Save Form 301 details' }).click();
      await expect(form.getByRole('status')).toContainText('Saved');
    }
    await page.goto(base);
    await expect(page.getByTestId('ita-card')).toContainText('Nothing ITA refuses was found.');
    await page.screenshot({ path: 'test-results/osha-300-1280.png', fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: 'test-results/osha-300-375.png', fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  test('the 300A sums the log; both 301s print; both ITA files read back with the template columns and codes, without names', async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await as(browser, 'producer');
    await page.goto(`${base}/summary`);
    for (const [box, v] of [['G', '1'], ['H', '1'], ['I', '0'], ['J', '0'], ['K', '12'], ['L', '0'], ['M1', '2'], ['M2', '0']] as const) {
      await expect(page.getByTestId(`300a-${box}`), box).toHaveText(v);
    }
    await expect(page.getByTestId('300a-employees')).toHaveText('120');
    await expect(page.getByTestId('300a-hours')).toHaveText('180000');
    await expect(page.getByTestId('300a-certifier')).toHaveText('Pat Producer');
    await page.screenshot({ path: 'test-results/osha-300a-1280.png', fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: 'test-results/osha-300a-375.png', fullPage: true });
    await page.setViewportSize(DESKTOP);

    await page.goto(base);
    // Printed, the log stands alone: the app around it and the forms below it are left out.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'OSHA forms' })).toBeHidden();
    await expect(page.getByTestId('ita-card')).toBeHidden();
    // The rule-1 hold of this spec's discharge still stands: its banner is on screen, not on paper.
    await expect(page.getByTestId('hold-banner')).toHaveCount(1);
    await expect(page.getByTestId('hold-banner')).toBeHidden();
    await expect(page.locator('footer')).toBeHidden();
    await expect(page.getByTestId('form-300')).toBeVisible();
    await page.screenshot({ path: 'test-results/osha-300-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: `${number}-1`, exact: true }).click();
    const f1 = page.getByTestId('form-301');
    await expect(f1).toContainText(`Camera operator ${tag}`);
    await expect(f1.locator('[data-item="10"]')).toContainText(`${number}-1`);
    await expect(f1.locator('[data-item="18"]')).not.toContainText('—');
    await page.goto(base);
    await page.getByRole('link', { name: `${number}-2`, exact: true }).click();
    const f2 = page.getByTestId('form-301');
    await expect(f2).toContainText(`Director ${tag}`);
    await expect(f2.locator('[data-item="9"]')).toContainText('Yes');
    await expect(f2.locator('[data-item="16"]')).toContainText('Gunshot wound, shoulder');
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: 'test-results/osha-301-375.png', fullPage: true });

    const get = async (file: string) => {
      const res = await page.request.get(`/api${base}/${file}`);
      expect(res.status(), file).toBe(200);
      expect(res.headers()['content-type']).toContain('text/csv');
      return res.text();
    };
    const summaryText = await get('ita-summary.csv');
    const summary = parseCsv(summaryText);
    expect(summary.header).toEqual([...ITA_SUMMARY_COLUMNS]);
    expect(summary.rows).toHaveLength(1);
    expect(summary.rows[0]).toMatchObject({
      establishment_name: est, ein: '123456789', state: 'NM', zip: '87507', naics_code: '512110', size: '22', establishment_type: '1',
      year_filing_for: String(year), annual_average_employees: '120', total_hours_worked: '180000', no_injuries_illnesses: '1',
      total_deaths: '1', total_dafw_cases: '1', total_djtr_cases: '0', total_other_cases: '0', total_dafw_days: '12', total_djtr_days: '0',
      total_injuries: '2', total_skin_disorders: '0',
    });
    const casesText = await get('ita-cases.csv');
    const cases = parseCsv(casesText);
    expect(cases.header).toEqual([...ITA_CASE_COLUMNS]);
    expect(cases.rows.map((r) => [r.case_number, r.job_title, r.incident_outcome, r.dafw_num_away, r.type_of_incident, r.date_of_death]))
      .toEqual([[`${number}-1`, 'Camera operator', '1', '', '1', itaDay], [`${number}-2`, 'Director', '2', '12', '1', '']]);
    expect(cases.rows[1].treatment_in_patient).toBe('1');
    for (const { header, rows } of [summary, cases]) {
      for (const r of rows) for (const [field, allowed] of Object.entries(ITA_CODES)) if (header.includes(field)) expect(allowed as readonly string[], field).toContain(r[field]);
    }
    // ITA does not collect the employee's name, nor the treating professional: the files leave them out.
    for (const text of [summaryText, casesText]) {
      expect(text).not.toContain(`Camera operator ${tag}`);
      expect(text).not.toContain(`Director ${tag}`);
    }
    await page.context().close();
  });

  test('an auditor reads the log without its forms; the armorer is refused the forms and the files', async ({ browser }) => {
    const auditor = await as(browser, 'auditor');
    await auditor.goto(base);
    await expect(auditor.getByTestId(`log-row-${number}-1`)).toBeVisible();
    await expect(auditor.getByRole('button', { name: 'Save case' })).toHaveCount(0);
    await expect(auditor.getByRole('button', { name: /Save .* figures/ })).toHaveCount(0);
    await auditor.context().close();
    const armorer = await as(browser, 'armorer');
    const res = await armorer.request.get(`/api${base}/ita-cases.csv`);
    expect(res.status()).toBe(403);
    await armorer.goto(`/productions/${pid}/osha/cases/${peopleOf(incidentId)[0].id}`);
    await expect(armorer.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    expect(await armorer.content()).not.toContain(`Camera operator ${tag}`);
    await armorer.context().close();
  });
});
