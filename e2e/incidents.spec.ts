import { randomUUID } from 'node:crypto';
import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { forceEnable, type Who } from './helpers';
import { authzCtx } from './authz/ctx';
import { as, liftStandingHold, replayAction, standingHold, userId } from './holds';
import { ids, one, query } from './db';

// Filing, lists, detail, holds. The e2e database is shared by every spec of a run, so
// this spec creates what it needs, reads the database to know what to expect, and leaves no
// hold standing when it ends. Its routes are also in the matrix (e2e/authz/incidents.ts).

const PHONE = { width: 375, height: 812 };

const unread = (who: Who) => one<{ n: number }>('select count(*) n from notifications where user_id = ? and read_at is null', userId(who)).n;
const incidentsWith = (description: string) => query<{ id: string; reporter_id: string; severity: string }>('select * from incidents where description = ?', description);

/** Fills the three required answers of the filing form. */
async function quickReport(page: Page, type: string, description: string, where = 'Stage 2') {
  await page.getByRole('radio', { name: type, exact: true }).check();
  await page.getByLabel('What happened?').fill(description);
  await page.getByLabel('Where?').fill(where);
}

let pid: string;
test.beforeAll(async ({ browser }) => {
  pid = ids().demo;
  await liftStandingHold(browser, pid);
});
test.afterAll(async ({ browser }) => {
  await liftStandingHold(browser, pid);
});

test.describe('filing on a phone', () => {
  test('crew files a quick report in three answers, then adds details', async ({ browser }) => {
    const page = await as(browser, 'crew', PHONE);
    const text = `Boom swung low over the camera team ${randomUUID().slice(0, 8)}`;
    await page.goto(`/productions/${pid}/incidents/new`);
    await quickReport(page, 'Near miss', text, 'Stage 2, church set');
    await page.getByRole('button', { name: 'File report' }).click();
    await expect(page.getByTestId('filed-notice')).toContainText('filed');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Near miss');
    const rows = incidentsWith(text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reporter_id: userId('crew'), severity: 'unrated' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.getByText('Add or change details of your report').click();
    await page.getByLabel('Scene / setup').fill('Sc 14 / 14A');
    await page.getByLabel('What was done straight away?').fill('Stopped the take; grip re-set the arm.');
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect(page.getByText('Saved. The change is in the timeline.')).toBeVisible();
    const stored = one<{ scene: string; immediate_actions: string }>('select scene, immediate_actions from incidents where id = ?', rows[0].id);
    expect(stored).toEqual({ scene: 'Sc 14 / 14A', immediate_actions: 'Stopped the take; grip re-set the arm.' });
    await expect(page.getByTestId('timeline')).toContainText('Added or changed details');
    await expect(page.getByTestId('timeline')).toContainText('Scene/setup: Sc 14 / 14A');
    await page.context().close();
  });

  test('?type= preselects the kind, and a double submit files once', async ({ browser }) => {
    const page = await as(browser, 'crew', PHONE);
    const text = `Double tap test ${randomUUID().slice(0, 8)}`;
    await page.goto(`/productions/${pid}/incidents/new?type=unsafe_condition`);
    await expect(page.getByRole('radio', { name: 'Unsafe condition' })).toBeChecked();
    await page.getByLabel('What happened?').fill(text);
    await page.getByLabel('Where?').fill('Fire lane');
    // Every POST the page sends is tracked until it is answered, so the count below is read only
    // after a second filing (if de-duplication let one through) has reached the database.
    const inFlight = new Set<Request>();
    page.on('request', (r) => void (r.method() === 'POST' && inFlight.add(r)));
    page.on('requestfinished', (r) => void inFlight.delete(r));
    page.on('requestfailed', (r) => void inFlight.delete(r));
    // Two submissions in the same tick, before the button can disable itself.
    await page.evaluate(() => {
      const form = document.querySelector('form[aria-label="New incident report"]') as HTMLFormElement;
      form.requestSubmit();
      form.requestSubmit();
    });
    await expect(page.getByTestId('filed-notice')).toBeVisible();
    await expect.poll(() => inFlight.size).toBe(0);
    expect(incidentsWith(text)).toHaveLength(1);
    await page.context().close();
  });

  test('bad input gets a message beside its field and stores nothing', async ({ browser }) => {
    const page = await as(browser, 'crew', PHONE);
    await page.goto(`/productions/${pid}/incidents/new`);
    const before = one<{ n: number }>('select count(*) n from incidents').n;

    await page.getByRole('button', { name: 'File report' }).click();
    await expect(page.getByText('Choose what kind of incident this is.')).toBeVisible();
    await expect(page.getByText('Say briefly what happened.')).toBeVisible();
    await expect(page.getByText('Say where it happened.')).toBeVisible();
    await expect(page.getByLabel('What happened?')).toHaveAttribute('aria-invalid', 'true');

    await quickReport(page, 'Other', 'x'.repeat(5001));
    await page.getByRole('button', { name: 'File report' }).click();
    await expect(page.getByText('What happened must be at most 5,000 characters.')).toBeVisible();

    // Only the server knows the production's time zone: its refusal lands beside the field.
    await page.getByLabel('What happened?').fill('A ladder fell over');
    await page.getByRole('button', { name: 'Add more detail' }).click();
    await page.getByLabel('When did it happen?').fill('2099-06-01T10:00');
    await page.getByRole('button', { name: 'File report' }).click();
    await expect(page.getByText('That time is in the future. When did it happen?')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Some fields need attention.' })).toBeVisible();

    expect(one<{ n: number }>('select count(*) n from incidents').n).toBe(before);
    await page.context().close();
  });

  test('the JSON route files through the same core: 201, then 200 for the same id; 400 for bad input', async ({ browser }) => {
    const page = await as(browser, 'crew');
    const id = randomUUID();
    const body = { id, type: 'other', description: 'Filed through the JSON route', location: 'Stage 2' };
    const url = `/api/productions/${pid}/incidents`;
    expect((await page.request.post(url, { data: body })).status()).toBe(201);
    const again = await page.request.post(url, { data: body });
    expect(again.status()).toBe(200);
    expect(await again.json()).toMatchObject({ id, created: false });
    expect(query('select id from incidents where id = ?', id)).toHaveLength(1);
    const bad = await page.request.post(url, { data: { id: randomUUID(), type: 'other', description: '', location: 'x' } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).fieldErrors).toHaveProperty('location');
    const notJson = await page.request.post(url, { data: '{not json', headers: { 'Content-Type': 'application/json' } });
    expect(notJson.status()).toBe(400);
    await page.context().close();
  });
});

test.describe('rule 1 and stop-work holds', () => {
  let liftAction: { url: string; id: string; body: string };

  test('a critical filing puts the production on hold; the producer sees the notification and the banner', async ({ browser }) => {
    expect(standingHold(pid)).toBeUndefined();
    const unreadBefore = unread('producer');
    const crew = await as(browser, 'crew', PHONE);
    const text = `Live round found in the dummy box ${randomUUID().slice(0, 8)}`;
    await crew.goto(`/productions/${pid}/incidents/new?type=live_ammunition_found`);
    await expect(crew.getByRole('note')).toContainText('stops work');
    await quickReport(crew, 'Live ammunition found', text, 'Prop truck');
    await crew.getByRole('button', { name: 'File report' }).click();
    await expect(crew.getByTestId('filed-notice')).toContainText('stop-work hold');
    await expect(crew.getByTestId('hold-banner')).toBeVisible();
    await crew.context().close();

    const [row] = incidentsWith(text);
    expect(row.severity).toBe('critical');
    const hold = standingHold(pid)!;
    expect(hold).toMatchObject({ source: 'rule1', lifted_at: null });

    const producer = await as(browser, 'producer');
    const count = unread('producer');
    expect(count).toBeGreaterThan(unreadBefore);
    await expect(producer.getByTestId('unread-count')).toHaveText(String(count));
    await expect(producer.getByTestId('hold-banner')).toContainText('Stop-work hold');
    await expect(producer.getByTestId('hold-banner')).toContainText('Live ammunition found');
    expect(query("select id from notifications where user_id = ? and kind = 'critical_incident' and link like ?", userId('producer'), `%${row.id}`)).toHaveLength(1);
    await producer.context().close();
  });

  test('a producer alone cannot lift a rule-1 hold', async ({ browser }) => {
    const hold = standingHold(pid)!;
    const producer = await as(browser, 'producer');
    await producer.goto(`/productions/${pid}/hold`);
    await expect(producer.getByTestId('lift-blocked')).toBeVisible();
    // The form says why and is disabled (rule 5); forced open, the server still refuses.
    const lift = producer.getByRole('form', { name: 'Lift the hold' });
    await expect(lift.getByRole('button', { name: 'Lift hold' })).toBeDisabled();
    await expect(lift.getByLabel('Written resolution')).toBeDisabled();
    await expect(lift).toHaveAccessibleDescription(/concurrence first/);
    for (const width of [375, 1280]) {
      await producer.setViewportSize({ width, height: 900 });
      await producer.getByRole('region', { name: 'Standing hold' }).screenshot({ path: `test-results/screens/${width}/producer/lift-disabled.png` });
    }
    await forceEnable(lift);
    await producer.getByLabel('Written resolution').fill('Looked at it myself and it seems fine now.');
    await producer.getByRole('button', { name: 'Lift hold' }).click();
    const sent = producer.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
    await producer.getByRole('button', { name: 'Yes, lift the hold' }).click();
    const req = await sent;
    liftAction = { url: req.url(), id: req.headers()['next-action'], body: req.postData() ?? '' };
    await expect(producer.getByRole('alert').filter({ hasText: 'concurrence first' })).toBeVisible();
    expect(standingHold(pid)).toEqual(hold);
    await producer.context().close();
  });

  test('crew cannot lift a hold: no control, and the server refuses the action itself', async ({ browser }) => {
    const hold = standingHold(pid)!;
    const crew = await as(browser, 'crew');
    await crew.goto(`/productions/${pid}/hold`);
    await expect(crew.getByRole('heading', { name: 'Standing hold' })).toBeVisible();
    await expect(crew.getByRole('button', { name: 'Lift hold' })).toHaveCount(0);
    await expect(crew.getByRole('button', { name: 'Record my concurrence' })).toHaveCount(0);
    const res = await replayAction(crew.request, { ...liftAction, body: liftAction.body.replace('Looked at it myself', 'Crew says it is fine') });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Your role on this production does not allow that.');
    expect(standingHold(pid)).toEqual(hold);
    await crew.context().close();
  });

  test('with the armorer’s concurrence the producer lifts it; the history keeps it', async ({ browser }) => {
    const hold = standingHold(pid)!;
    const armorer = await as(browser, 'armorer', PHONE);
    await armorer.goto(`/productions/${pid}/hold`);
    await expect(armorer.getByRole('button', { name: 'Lift hold' })).toHaveCount(0);
    await armorer.getByLabel('Note (optional)').fill('Every round in the box inspected; the live round is bagged.');
    await armorer.getByRole('button', { name: 'Record my concurrence' }).click();
    // The history below may hold an earlier concurrence of hers (another spec's hold): this one carries the note.
    await expect(armorer.getByText(/✓ Ana Armorer, .*Every round in the box inspected/)).toBeVisible();
    await armorer.context().close();

    const producer = await as(browser, 'producer');
    await producer.goto(`/productions/${pid}/hold`);
    await expect(producer.getByTestId('lift-blocked')).toHaveCount(0);
    await producer.getByLabel('Written resolution').fill('Ammunition lot replaced and every box inspected with the armorer.');
    await producer.getByRole('button', { name: 'Lift hold' }).click();
    // Rule 5: lifting is confirmed in a second step, which says what lifting means.
    await expect(producer.getByRole('group', { name: 'Lift this stop-work hold?' })).toContainText('Ammunition lot replaced');
    await producer.getByRole('button', { name: 'Yes, lift the hold' }).click();
    await expect(producer.getByTestId('hold-lifted')).toContainText(`The stop-work hold is lifted, by ${one<{ name: string }>('select name from users where id = ?', userId('producer')).name}`);
    await expect(producer.getByTestId('hold-banner')).toHaveCount(0);
    await expect(producer.getByRole('heading', { name: 'No hold is standing' })).toBeVisible();
    await expect(producer.getByText('Ammunition lot replaced and every box inspected with the armorer.')).toBeVisible();
    const lifted = one<{ lifted_by_id: string; concurred_by_id: string; resolution: string }>('select * from holds where id = ?', hold.id);
    expect(lifted).toMatchObject({ lifted_by_id: userId('producer'), concurred_by_id: userId('armorer') });
    expect(query("select action from audit_log where entity = 'hold' and entity_id = ? order by seq", hold.id).map((r) => r.action)).toEqual(['hold.call', 'hold.concur', 'hold.lift']);
    await producer.context().close();
  });

  test('any member calls a hold by hand; a producer lifts it in writing', async ({ browser }) => {
    const crew = await as(browser, 'crew', PHONE);
    await crew.goto(`/productions/${pid}/hold`);
    await crew.getByLabel('Why must work stop?').fill('Rigging over the walkway is loose.');
    await crew.getByRole('button', { name: 'Call stop-work hold' }).click();
    await expect(crew.getByTestId('hold-banner')).toContainText('Rigging over the walkway is loose.');
    await crew.context().close();
    expect(standingHold(pid)).toMatchObject({ source: 'manual' });
    await liftStandingHold(browser, pid);
    expect(standingHold(pid)).toBeUndefined();
  });
});

test.describe('what each role sees', () => {
  test('each role’s list shows exactly what it may see', async ({ browser }) => {
    const { other } = ids();
    const all = query<{ number: number }>('select number from incidents where production_id = ? order by number desc', pid).map((r) => r.number);
    const otherShow = one<{ description: string }>('select description from incidents where production_id = ?', other).description;
    for (const who of ['crew', 'actor', 'armorer', 'producer', 'auditor'] as const) {
      const expected = ['armorer', 'producer', 'auditor'].includes(who)
        ? all
        : query<{ number: number }>('select number from incidents where production_id = ? and reporter_id = ? order by number desc', pid, userId(who)).map((r) => r.number);
      const page = await as(browser, who);
      await page.goto(`/productions/${pid}/incidents`);
      await expect(page.getByText(new RegExp(`^(${expected.length} reports?|No reports)`))).toBeVisible();
      const shown = expected.length
        ? (await page.locator('table tbody tr td:first-child').allTextContents()).map(Number)
        : [];
      expect(shown, who).toEqual(expected.slice(0, 20));
      await expect(page.getByText(otherShow)).toHaveCount(0);
      const api = await page.request.get(`/api/productions/${pid}/incidents`);
      expect((await api.json()).total, `${who} via JSON`).toBe(expected.length);
      await page.context().close();
    }
  });

  test('an auditor opens everything but cannot change anything', async ({ browser }) => {
    const ctx = authzCtx();
    const page = await as(browser, 'auditor');
    await page.goto(`/productions/${pid}/incidents/${ctx.demoIncident}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Report #');
    await expect(page.getByText('read-only: auditors observe')).toBeVisible();
    await expect(page.locator('main form')).toHaveCount(0);
    await expect(page.locator('main button')).toHaveCount(0);
    await page.goto(`/productions/${pid}/hold`);
    await expect(page.locator('main form')).toHaveCount(0);
    const refused = await page.goto(`/productions/${pid}/incidents/new`);
    expect(refused?.status()).toBe(403);
    await expect(page.locator('[data-refusal="forbidden"]')).toBeVisible();
    const post = await page.request.post(`/api/productions/${pid}/incidents`, { data: { id: randomUUID(), type: 'other', description: 'Auditor tries', location: 'Office' } });
    expect(post.status()).toBe(403);
    expect(incidentsWith('Auditor tries')).toHaveLength(0);
    await page.context().close();
  });

  test('injury personal fields are hidden from the armorer, shown to the producer', async ({ browser }) => {
    const crew = await as(browser, 'crew', PHONE);
    const name = `Gale Private-${randomUUID().slice(0, 6)}`;
    await crew.goto(`/productions/${pid}/incidents/new`);
    await quickReport(crew, 'Injury', 'Squib debris cut a forearm.');
    await crew.getByRole('button', { name: 'Add more detail' }).click();
    await crew.getByLabel('Employee’s full name').fill(name);
    await crew.getByLabel('Physician or health care professional').fill('Dr Quiet');
    await crew.getByLabel('The injury: body part and how it was affected').fill('Cut to the left forearm');
    await crew.getByRole('button', { name: 'File report' }).click();
    await expect(crew.getByTestId('filed-notice')).toBeVisible();
    const url = crew.url().replace(/\?.*$/, '');
    await expect(crew.getByText(name).first()).toBeVisible(); // the reporter sees their own
    await crew.context().close();

    const armorer = await as(browser, 'armorer');
    await armorer.goto(url);
    await expect(armorer.getByText('Cut to the left forearm').first()).toBeVisible();
    await expect(armorer.getByTestId('deadlines')).toContainText('Complete OSHA Form 301 (7 days)');
    const html = await armorer.content(); // includes the serialized server payload
    expect(html).not.toContain(name);
    expect(html).not.toContain('Dr Quiet');
    await armorer.context().close();

    const producer = await as(browser, 'producer');
    await producer.goto(url);
    await expect(producer.getByText(name).first()).toBeVisible();
    await producer.context().close();
  });
});

test.describe('triage', () => {
  test('a producer works a report through the workflow; the reporter hears of it', async ({ browser }) => {
    const crew = await as(browser, 'crew');
    const text = `Extinguisher missing by the fire lane ${randomUUID().slice(0, 8)}`;
    await crew.goto(`/productions/${pid}/incidents/new`);
    await quickReport(crew, 'Unsafe condition', text);
    await crew.getByRole('button', { name: 'File report' }).click();
    await expect(crew.getByTestId('filed-notice')).toBeVisible();
    const url = crew.url().replace(/\?.*$/, '');
    await crew.context().close();
    const [row] = incidentsWith(text);
    const crewUnread = unread('crew');

    const armorer = await as(browser, 'armorer');
    await armorer.goto(url);
    await expect(armorer.getByRole('button', { name: 'Change status' })).toHaveCount(0); // not firearm-related
    await armorer.context().close();

    const producer = await as(browser, 'producer');
    await producer.goto(url);
    await producer.getByLabel('Move to').selectOption('investigating');
    await producer.getByRole('button', { name: 'Change status' }).click();
    await expect(producer.getByText('Status set to “Investigating”.')).toBeVisible();
    await producer.getByLabel('Severity', { exact: true }).selectOption('medium');
    await producer.getByRole('button', { name: 'Save severity' }).click();
    await expect(producer.getByText('Rated medium.')).toBeVisible();
    await producer.getByLabel('Owner', { exact: true }).selectOption({ label: 'Paul Second-Producer (Producer)' });
    await producer.getByRole('button', { name: 'Save owner' }).click();
    await expect(producer.getByText('Owner assigned and told.')).toBeVisible();

    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await producer.getByLabel('What will be done').fill('Mount an extinguisher at the fire lane');
    await producer.locator('#ca-owner').selectOption({ label: 'Cody Camera (Crew)' });
    await producer.getByLabel('Due').fill(tomorrow);
    await producer.getByRole('button', { name: 'Add corrective action' }).click();
    await expect(producer.getByText('Corrective action added; its owner was told.')).toBeVisible();

    await producer.getByLabel('Move to').selectOption('closed');
    await producer.getByLabel(/Resolution/).fill('Extinguisher mounted and checked.');
    await producer.getByRole('button', { name: 'Close report' }).click();
    await expect(producer.getByText('1 corrective action is still open: mark it done first.').first()).toBeVisible();
    expect(one<{ status: string }>('select status from incidents where id = ?', row.id).status).toBe('investigating');
    await producer.context().close();

    // The owner of the action marks it done from their list, though they cannot open others' reports.
    const owner = await as(browser, 'crew');
    await owner.goto(`/productions/${pid}/incidents`);
    await expect(owner.getByRole('heading', { name: 'Your corrective actions' })).toBeVisible();
    await owner.getByRole('listitem').filter({ hasText: 'Mount an extinguisher at the fire lane' }).getByRole('button', { name: 'Mark done' }).click();
    await expect(owner.getByText('Mount an extinguisher at the fire lane')).toHaveCount(0);
    expect(unread('crew')).toBeGreaterThan(crewUnread);
    await owner.context().close();

    const p2 = await as(browser, 'producer');
    await p2.goto(url);
    await p2.getByLabel('Move to').selectOption('closed');
    await p2.getByLabel(/Resolution/).fill('Extinguisher mounted and checked.');
    await p2.getByRole('button', { name: 'Close report' }).click();
    await expect(p2.getByText('Status set to “Closed”.')).toBeVisible();
    await expect(p2.getByTestId('timeline')).toContainText('Closed');
    expect(one<{ status: string; resolution: string }>('select status, resolution from incidents where id = ?', row.id)).toEqual({ status: 'closed', resolution: 'Extinguisher mounted and checked.' });
    const titles = query<{ title: string }>('select title from notifications where user_id = ? and kind = ? order by created_at', userId('crew'), 'reporter_update').map((r) => r.title);
    expect(titles.some((t) => t.includes('was closed'))).toBe(true);
    await p2.context().close();
  });
});
