// End to end in Chromium: the whole custody chain as each role, every refusal enforced
// on the server and checked in the database.
import { type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signIn, USERS, type Who } from './helpers';
import { authzCtx } from './authz/ctx';
import { roleOf, storageStateFor } from './auth-state';
import { routes } from './authz/firearms';
import { CALLERS, type Caller } from './authz/types';
import { ids, one } from './db';
import { expect, test } from './fixtures';

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const run = Date.now().toString(36).slice(-5).toUpperCase();
const TAG = `REV-${run}`;
const TAG2 = `NOCHK-${run}`;
const LOT = `LOT-${run}`;

let demo: string;
const state: { firearmId?: string; firearm2Id?: string; blankLotId?: string; lotId?: string; createFirearmActionId?: string; createFirearmBody?: string } = {};

async function as(browser: Browser, who: Who | null, viewport = { width: 1280, height: 900 }): Promise<{ ctx: BrowserContext; page: Page }> {
  // Signed in through the fixtures' shared session (e2e/auth-state.ts) where one exists for the account.
  const role = who ? roleOf(USERS[who]) : null;
  const session = role ? { storageState: await storageStateFor(role, BASE) } : {};
  const ctx = await browser.newContext({ baseURL: BASE, viewport, ...session, ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}) });
  const page = await ctx.newPage();
  if (who && !role) await signIn(page, who);
  return { ctx, page };
}

function q<T>(sql: string, ...args: unknown[]): T | undefined {
  return one<T | undefined>(sql, ...args);
}
function count(sql: string, ...args: unknown[]): number {
  return q<{ n: number }>(sql, ...args)!.n;
}

async function noSideScroll(page: Page) {
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(w, `page is ${w}px wide at a ${page.viewportSize()?.width}px viewport`).toBeLessThanOrEqual(page.viewportSize()!.width);
}

test.describe.serial('firearms: meeting, inventory, check, witness, hand-off, return', () => {
  test.beforeAll(() => {
    demo = ids().demo;
    // Rule 5 would refuse every hand-off below: this spec needs a production without a standing hold.
    expect(count('select count(*) n from holds where production_id = ? and lifted_at is null', demo), 'a stop-work hold stands on the demo production').toBe(0);
  });

  test('the armorer records the safety meeting, adds a weapon and a lot (live ammunition is not offered)', async ({ browser }) => {
    const { ctx, page } = await as(browser, 'armorer');
    await page.goto(`/productions/${demo}/meetings`);
    await page.getByLabel('Scene or setup').fill('12A');
    await page.getByLabel('Firearms on set').check();
    await page.getByRole('checkbox', { name: /Cal Actor/ }).check();
    await page.getByRole('checkbox', { name: /Ana Armorer/ }).check();
    await page.getByRole('button', { name: 'Record the meeting' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'recorded' })).toBeVisible();
    await expect(page.getByText('Meeting covering firearms recorded')).toBeVisible();

    await page.goto(`/productions/${demo}/firearms`);
    await page.getByLabel('Tag').fill(TAG);
    await page.getByLabel('Kind').selectOption('functional');
    await page.getByLabel('Make').fill('Pietta');
    await page.getByLabel('Model').fill('1873 SAA .45 Colt');
    await page.getByLabel('Serial number').fill(`SN-${run}`);
    const action = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
    await page.getByRole('button', { name: 'Add weapon' }).click();
    const req = await action;
    state.createFirearmActionId = req.headers()['next-action'];
    state.createFirearmBody = req.postData() ?? '';
    await expect(page.getByText(`Added ${TAG}.`)).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(`^${TAG}`) })).toBeVisible();
    state.firearmId = q<{ id: string }>('select id from firearms where production_id = ? and tag = ?', demo, TAG)!.id;
    expect(q<{ action: string }>("select action from audit_log where entity = 'firearm' and entity_id = ?", state.firearmId)!.action).toBe('firearm.create');

    await page.goto(`/productions/${demo}/ammunition`);
    const kinds = await page.getByLabel('Kind').locator('option').allTextContents();
    expect(kinds).toEqual(['Choose…', 'Dummy', 'Blank']);
    expect(kinds.join(' ')).not.toMatch(/live/i);
    await page.getByLabel('Kind').selectOption('dummy');
    await page.getByLabel('Calibre').fill('.45 Colt');
    await page.getByLabel('Rounds received').fill('50');
    await page.getByLabel('Supplier').fill('Prop House Ltd');
    await page.getByLabel('Lot number').fill(LOT);
    await page.getByLabel('Delivery note or invoice').fill(`DN-${run}`);
    await page.getByRole('checkbox', { name: /Rattle/ }).check();
    await page.getByLabel('Dummies verified').fill('50');
    await page.getByLabel(/I inspected every round/).check();
    await page.getByLabel('Inspection notes').fill('Each round shaken and checked: no primers.');
    await page.getByRole('button', { name: 'Record the lot' }).click();
    await expect(page.getByText(`Lot ${LOT} received: 50 dummy rounds.`)).toBeVisible();
    const lot = q<{ id: string; count_on_hand: number; inspected_by_id: string }>('select id, count_on_hand, inspected_by_id from ammo_lots where lot_number = ?', LOT)!;
    expect(lot.count_on_hand).toBe(50);
    state.lotId = lot.id;
    await ctx.close();
  });

  test('live ammunition by a crafted request is refused, nothing stored, and the way to report it is shown', async ({ browser }) => {
    const { ctx, page } = await as(browser, 'armorer');
    await page.goto(`/productions/${demo}/ammunition`);
    // The form only offers dummy and blank: rewrite the server action's body on the wire.
    let rewritten = false;
    await page.route(`**/productions/${demo}/ammunition`, async (route) => {
      const r = route.request();
      if (r.method() === 'POST' && r.headers()['next-action'] && r.postData()?.includes('"kind":"dummy"')) {
        rewritten = true;
        return route.continue({ postData: r.postData()!.replace('"kind":"dummy"', '"kind":"live"') });
      }
      return route.continue();
    });
    await page.getByLabel('Kind').selectOption('dummy');
    await page.getByLabel('Calibre').fill('.45 Colt');
    await page.getByLabel('Rounds received').fill('6');
    await page.getByLabel('Supplier').fill('Unknown');
    await page.getByLabel('Lot number').fill(`LIVE-${run}`);
    await page.getByLabel('Delivery note or invoice').fill(`DN-${run}`);
    await page.getByRole('checkbox', { name: /Rattle/ }).check();
    await page.getByLabel('Dummies verified').fill('6');
    await page.getByLabel(/I inspected every round/).check();
    await page.getByRole('button', { name: 'Record the lot' }).click();
    await expect(page.getByRole('main').getByRole('alert').filter({ hasText: 'Live ammunition can never be entered' })).toContainText('Live ammunition found');
    expect(rewritten).toBe(true);
    const links = page.getByRole('link', { name: 'File a “Live ammunition found” incident' });
    await expect(links).toHaveCount(2);
    await expect(links.last()).toHaveAttribute('href', `/productions/${demo}/incidents/new?type=live_ammunition_found`);
    expect(count('select count(*) n from ammo_lots where lot_number = ?', `LIVE-${run}`)).toBe(0);

    // The JSON route: the same refusal, with the incident form's address.
    const res = await page.request.post(`/api/productions/${demo}/ammunition`, {
      data: { id: crypto.randomUUID(), kind: 'live', calibre: '.45 Colt', countOnHand: 6, supplier: 'X', lotNumber: `LIVE2-${run}`, receivedOn: '2026-01-02', inspected: true, inspectionNotes: '' },
    });
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.error).toMatch(/Live ammunition found/);
    expect(body.fileIncident).toBe(`/productions/${demo}/incidents/new?type=live_ammunition_found`);
    expect(count('select count(*) n from ammo_lots where lot_number like ?', `LIVE%-${run}`)).toBe(0);
    await ctx.close();
  });

  test('the armorer runs a before-use check naming the actor', async ({ browser }) => {
    const { ctx, page } = await as(browser, 'armorer');
    await page.goto(`/productions/${demo}/checks/new`);
    await page.getByRole('combobox', { name: 'Weapon' }).selectOption(state.firearmId!);
    await expect(page.getByRole('radio', { name: 'Before use' })).toBeChecked();
    await page.getByLabel('Scene or setup').fill('12A');
    // Pass without every item ticked is refused next to the item.
    await page.getByRole('radio', { name: /Pass/ }).check();
    await page.getByRole('button', { name: 'Record the check' }).click();
    await expect(page.getByText('Not verified: a check passes only when every item is.').first()).toBeVisible();
    for (const box of await page.getByRole('group', { name: 'Checklist' }).getByRole('checkbox').all()) await box.check();
    await page.getByRole('checkbox', { name: /Cal Actor/ }).check();
    await page.getByRole('button', { name: 'Record the check' }).click();
    await expect(page).toHaveURL(new RegExp(`/productions/${demo}/checks/[0-9a-f-]{36}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Before use check of ${TAG}`);
    await expect(page.getByRole('region', { name: 'Witnesses' })).toContainText('Awaiting confirmation');
    const checkId = page.url().split('/').pop()!;
    expect(q<{ user_id: string; confirmed_at: number | null }>('select user_id, confirmed_at from check_witnesses where check_id = ?', checkId)).toMatchObject({ confirmed_at: null });
    expect(count("select count(*) n from notifications n join users u on u.id = n.user_id where u.email = ? and n.kind = 'witness_request' and n.link like ?", USERS.actor, `%${checkId}`)).toBe(1);

    // Not yet confirmed: the hand-off is refused (rule 2) — and recorded.
    await ctx.close();
  });

  test('the actor confirms as witness in their own session on a 375 px phone', async ({ browser }) => {
    const { ctx, page } = await as(browser, 'actor', { width: 375, height: 812 });
    await page.goto(`/productions/${demo}/checks`);
    const awaiting = page.getByRole('region', { name: /Awaiting your confirmation/ });
    await awaiting.getByRole('link', { name: new RegExp(`${TAG} · before use · 12A`) }).click();
    await expect(page.getByRole('heading', { name: 'You are named as a witness' })).toBeVisible();
    await noSideScroll(page);
    const button = page.getByRole('button', { name: 'I witnessed this check' });
    const box = await button.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await button.click();
    await expect(page.getByText(/You confirmed this check on/)).toBeVisible();
    const checkId = page.url().split('/').pop()!;
    const row = q<{ confirmed_at: number | null }>('select w.confirmed_at from check_witnesses w join users u on u.id = w.user_id where w.check_id = ? and u.email = ?', checkId, USERS.actor)!;
    expect(row.confirmed_at).not.toBeNull();
    expect(count("select count(*) n from audit_log where entity_id = ? and action = 'check.witness_confirm'", checkId)).toBe(1);
    // The crew member sees no inventory: the firearms page is refused on the server.
    const inv = await page.request.get(`/productions/${demo}/firearms`);
    expect(inv.status()).toBe(403);
    await ctx.close();
  });

  test('hand-off with 6 dummies counted out, return with 5: an incident appears', async ({ browser }) => {
    const { ctx, page } = await as(browser, 'armorer');
    await page.goto(`/productions/${demo}/custody`);
    await expect(page.getByRole('region', { name: 'Ready to hand out' })).toContainText(`${TAG} for 12A`);
    const form = page.locator('#hand-out');
    await form.getByRole('combobox', { name: 'Weapon' }).selectOption(state.firearmId!);
    await form.getByLabel('Hand to').selectOption({ label: 'Cal Actor · Actor' });
    // Another setup than the one it was checked for: the form says so before any refusal (rule 2).
    await form.getByLabel('Scene or setup').fill('99Z');
    await expect(form.getByTestId('handoff-problem')).toContainText(`${TAG} has no passing, witnessed check for “99Z”`);
    await expect(form.getByRole('button', { name: 'Hand over' })).toBeDisabled();
    await expect(form.getByText(`${TAG} is checked and witnessed for: 12A.`)).toBeVisible();
    await form.getByLabel('Scene or setup').fill('12A');
    await expect(form.getByTestId('handoff-problem')).toHaveCount(0);
    await form.getByLabel('Ammunition lot').selectOption(state.lotId!);
    await form.getByRole('spinbutton', { name: 'Rounds counted out' }).fill('6');
    await form.getByRole('button', { name: 'Hand over' }).click();
    await expect(form.getByText('Handed over to Cal Actor with 6 rounds counted out.')).toBeVisible();
    const h = q<{ id: string; rounds_out: number; returned_at: number | null }>('select id, rounds_out, returned_at from handoffs where firearm_id = ?', state.firearmId)!;
    expect(h).toMatchObject({ rounds_out: 6, returned_at: null });
    expect(q<{ status: string }>('select status from firearms where id = ?', state.firearmId)!.status).toBe('checked_out');
    expect(q<{ c: number }>('select count_on_hand c from ammo_lots where id = ?', state.lotId)!.c).toBe(44);
    await expect(page.getByRole('region', { name: 'Who holds each weapon now' })).toContainText(`${TAG} → Cal Actor`);

    await page.getByRole('link', { name: `Record return of ${TAG}` }).click();
    const ret = page.locator('#return');
    await ret.getByRole('spinbutton', { name: 'Rounds counted back' }).fill('5');
    await expect(ret.getByRole('combobox', { name: 'After-use check' })).toHaveValue('');
    for (const b of await ret.getByRole('group', { name: 'Checklist' }).getByRole('checkbox').all()) await b.check();
    await ret.getByRole('radio', { name: /Pass/ }).check();
    await ret.getByRole('button', { name: 'Record the return' }).click();
    await expect(page.getByText('Returned: 5 of 6 rounds back. The counts differ — an incident was filed.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open the incident' })).toBeVisible();

    const back = q<{ rounds_back: number; discrepancy_incident_id: string; return_check_id: string }>('select rounds_back, discrepancy_incident_id, return_check_id from handoffs where id = ?', h.id)!;
    expect(back.rounds_back).toBe(5);
    const incident = q<{ type: string; severity: string; description: string }>('select type, severity, description from incidents where id = ?', back.discrepancy_incident_id)!;
    expect(incident).toMatchObject({ type: 'custody_breach', severity: 'high' });
    expect(incident.description.startsWith('6 rounds out, 5 back')).toBe(true);
    expect(count('select count(*) n from incident_firearms where incident_id = ? and firearm_id = ?', back.discrepancy_incident_id, state.firearmId)).toBe(1);
    expect(q<{ status: string }>('select status from firearms where id = ?', state.firearmId)!.status).toBe('locked_up');
    expect(q<{ c: number }>('select count_on_hand c from ammo_lots where id = ?', state.lotId)!.c).toBe(49);

    // The weapon's history shows it all, newest first.
    await page.goto(`/productions/${demo}/firearms/${state.firearmId}`);
    const history = page.getByRole('region', { name: 'History' }).getByRole('listitem');
    await expect(history.first()).toContainText('Status: Checked out → Locked up');
    await expect(page.getByRole('region', { name: 'History' })).toContainText('Returned by Cal Actor: 5 of 6 rounds back');
    await expect(page.getByRole('region', { name: 'History' })).toContainText('Handed to Cal Actor for 12A');
    await expect(page.getByRole('region', { name: 'History' })).toContainText('Custody or protocol breach (round count)');
    await ctx.close();
  });

  test('a hand-off without a check: the form says why and will not send it; a crafted request is refused, nothing moves, a refusal and a breach report are recorded', async ({ browser }) => {
    const { ctx, page } = await as(browser, 'armorer');
    const made = await page.request.post(`/api/productions/${demo}/firearms`, {
      data: { tag: TAG2, make: 'Colt', model: 'SAA', serial: '', kind: 'blank_firing', status: 'locked_up', notes: '' },
    });
    expect(made.status()).toBe(201);
    const { id: firearm2 } = await made.json();
    state.firearm2Id = firearm2;
    const lotBefore = q<{ c: number }>('select count_on_hand c from ammo_lots where id = ?', state.lotId)!.c;
    const incidentsBefore = count('select count(*) n from incidents where production_id = ?', demo);

    await page.goto(`/productions/${demo}/custody`);
    const form = page.locator('#hand-out');
    // The form does not invite the refusal: with no weapon cleared at all it is shut and says so;
    // otherwise choosing this weapon for 12A says why it cannot go, and Hand over stays disabled.
    if (await form.getByTestId('handoff-blocked').count()) {
      await expect(form.getByTestId('handoff-blocked')).toContainText('(rule 2)');
    } else {
      await form.getByRole('combobox', { name: 'Weapon' }).selectOption(firearm2);
      await form.getByLabel('Scene or setup').fill('12A');
      await expect(form.getByTestId('handoff-problem')).toContainText(`${TAG2} has no passing, witnessed check for “12A” since its last return (rule 2)`);
    }
    await expect(form.getByRole('button', { name: 'Hand over' })).toBeDisabled();
    await page.screenshot({ path: 'test-results/screens/1280/armorer/handout-disabled.png', fullPage: true });

    // A crafted request is still refused by the server, and recorded, as before.
    const actorId = q<{ id: string }>('select id from users where email = ?', USERS.actor)!.id;
    const crafted = await page.request.post(`/api/productions/${demo}/handoffs`, {
      data: { id: crypto.randomUUID(), firearmId: firearm2, toUserId: actorId, scene: '12A', ammoLotId: state.lotId, roundsOut: 6 },
    });
    expect(crafted.status()).toBe(422);
    const body = (await crafted.json()) as { error: string };
    expect(body.error).toContain('There is no before-use check of this weapon for this setup');
    expect(body.error).toMatch(/Custody-breach report #\d+ records the attempt/);

    expect(count('select count(*) n from handoffs where firearm_id = ?', firearm2)).toBe(0);
    expect(q<{ status: string }>('select status from firearms where id = ?', firearm2)!.status).toBe('locked_up');
    expect(q<{ c: number }>('select count_on_hand c from ammo_lots where id = ?', state.lotId)!.c).toBe(lotBefore);
    const refused = q<{ reasons: string; incident_id: string }>('select reasons, incident_id from refused_handoffs where firearm_id = ?', firearm2)!;
    expect(JSON.parse(refused.reasons)).toEqual(['no_check']);
    const breach = q<{ type: string; description: string }>('select type, description from incidents where id = ?', refused.incident_id)!;
    expect(breach.type).toBe('custody_breach');
    expect(breach.description).toMatch(/Refused hand-off/);
    expect(count('select count(*) n from incident_firearms where incident_id = ? and firearm_id = ?', refused.incident_id, firearm2)).toBe(1);
    expect(count('select count(*) n from incidents where production_id = ?', demo)).toBe(incidentsBefore + 1);
    expect(count("select count(*) n from audit_log where action = 'handoff.refused' and entity_id in (select id from refused_handoffs where firearm_id = ?)", firearm2)).toBe(1);
    await page.reload();
    await expect(page.getByRole('region', { name: 'Refused hand-offs' })).toContainText(`${TAG2} → Cal Actor`);
    await ctx.close();
  });

  /** The armorer records a passing before-use check of `firearmId` for `scene`, naming `witnesses`. */
  async function recordCheckNaming(page: Page, firearmId: string, scene: string, witnesses: RegExp[]): Promise<string> {
    await page.goto(`/productions/${demo}/checks/new`);
    await page.getByRole('combobox', { name: 'Weapon' }).selectOption(firearmId);
    await page.getByLabel('Scene or setup').fill(scene);
    for (const box of await page.getByRole('group', { name: 'Checklist' }).getByRole('checkbox').all()) await box.check();
    await page.getByRole('radio', { name: /Pass/ }).check();
    for (const w of witnesses) await page.getByRole('checkbox', { name: w }).check();
    await page.getByRole('button', { name: 'Record the check' }).click();
    await expect(page).toHaveURL(new RegExp(`/productions/${demo}/checks/[0-9a-f-]{36}$`));
    return page.url().split('/').pop()!;
  }

  test('a witness who did not see the check declines it on a phone: the armorer is told, the hand-out form says why, a crafted hand-out is refused', async ({ browser }) => {
    const arm = await as(browser, 'armorer');
    const checkId = await recordCheckNaming(arm.page, state.firearm2Id!, '13C', [/Cal Actor/, /Dee First-AD/]);

    const actor = await as(browser, 'actor', { width: 375, height: 812 });
    await actor.page.goto(`/productions/${demo}/checks/${checkId}`);
    await actor.page.getByRole('button', { name: 'I witnessed this check' }).click();
    await expect(actor.page.getByText(/You confirmed this check on/)).toBeVisible();
    await actor.ctx.close();

    // The producer's dashboard counts the check while the first AD's confirmation is awaited.
    const prod = await as(browser, 'producer');
    const waiting = async () => {
      await prod.page.goto(`/productions/${demo}/dashboard`);
      return Number(await prod.page.getByTestId('card-witness-count').textContent());
    };
    const awaited = await waiting();
    expect(awaited).toBeGreaterThan(0);

    const ad = await as(browser, 'ad', { width: 375, height: 812 });
    await ad.page.goto(`/productions/${demo}/checks/${checkId}`);
    await ad.page.getByRole('button', { name: 'I did not see this check' }).click();
    await expect(ad.page.getByRole('group', { name: /Say you did not see this check/ })).toBeVisible();
    await ad.page.screenshot({ path: 'test-results/screens/375/crew/witness-decline-ask.png', fullPage: true });
    await ad.page.getByRole('button', { name: 'Yes, I did not see it' }).click();
    await expect(ad.page.getByText(/You said you did not see this check/)).toBeVisible();
    await expect(ad.page.getByRole('region', { name: 'Witnesses' })).toContainText('Declined: did not see it');
    await noSideScroll(ad.page);
    await ad.page.screenshot({ path: 'test-results/screens/375/crew/witness-declined.png', fullPage: true });
    await ad.ctx.close();

    const declined = q<{ declined_at: number | null; confirmed_at: number | null }>('select w.declined_at, w.confirmed_at from check_witnesses w join users u on u.id = w.user_id where w.check_id = ? and u.email = ?', checkId, USERS.ad)!;
    expect(declined.declined_at).not.toBeNull();
    expect(declined.confirmed_at).toBeNull();
    expect(count("select count(*) n from audit_log where entity_id = ? and action = 'check.witness_decline'", checkId)).toBe(1);
    expect(count("select count(*) n from notifications n join users u on u.id = n.user_id where u.email = ? and n.kind = 'witness_declined' and n.link like ?", USERS.armorer, `%${checkId}`)).toBe(1);
    // A declined witness is no longer awaited: the check leaves the producer's count (the armorer
    // was told, and rule 2 refuses the hand-out).
    expect(await waiting()).toBe(awaited - 1);
    await prod.ctx.close();

    // The armorer: told, and the hand-out form names the decline instead of inviting a refusal.
    await arm.page.goto(`/notifications`);
    await expect(arm.page.getByText(`Dee First-AD did not see the before use check of ${TAG2}`)).toBeVisible();
    await arm.page.goto(`/productions/${demo}/custody`);
    // With no weapon cleared at all the form is shut and names the decline; when an earlier spec left
    // another weapon cleared, choosing this one for 13C names it instead.
    const handOut = arm.page.locator('#hand-out');
    if (await handOut.getByTestId('handoff-blocked').count()) {
      await expect(handOut.getByText(/Dee First-AD declined, not having seen it/)).toBeVisible();
    } else {
      await handOut.getByRole('combobox', { name: 'Weapon' }).selectOption(state.firearm2Id!);
      await handOut.getByLabel('Scene or setup').fill('13C');
      await expect(handOut.getByTestId('handoff-problem')).toContainText(`Dee First-AD declined the check of ${TAG2} for 13C: they did not see it`);
    }
    await expect(arm.page.locator('#hand-out').getByRole('button', { name: 'Hand over' })).toBeDisabled();
    await arm.page.screenshot({ path: 'test-results/screens/1280/armorer/handout-witness-declined.png', fullPage: true });

    const actorId = q<{ id: string }>('select id from users where email = ?', USERS.actor)!.id;
    const crafted = await arm.page.request.post(`/api/productions/${demo}/handoffs`, {
      data: { id: crypto.randomUUID(), firearmId: state.firearm2Id, toUserId: actorId, scene: '13C', ammoLotId: '', roundsOut: 0 },
    });
    expect(crafted.status()).toBe(422);
    expect(((await crafted.json()) as { error: string }).error).toContain('A named witness declined the check');
    expect(q<{ reasons: string }>("select reasons from refused_handoffs where firearm_id = ? and scene = '13C'", state.firearm2Id)!.reasons).toBe('["witness_declined"]');
    expect(count('select count(*) n from handoffs where firearm_id = ?', state.firearm2Id)).toBe(0);
    await arm.ctx.close();
  });

  test('blanks fired on a return: only the rounds back restock, counts match, no incident', async ({ browser }) => {
    const arm = await as(browser, 'armorer');
    const lot = await arm.page.request.post(`/api/productions/${demo}/ammunition`, {
      data: { id: crypto.randomUUID(), kind: 'blank', calibre: '.45 Colt', countOnHand: 30, supplier: 'Prop House', paperworkRef: `DN-${run}`, lotNumber: `BL-${run}`, receivedOn: '2026-11-23', verificationMethods: [], verifiedCount: 0, inspected: true, inspectionNotes: 'Crimped blanks, no projectiles.' },
    });
    expect(lot.status()).toBe(201);
    state.blankLotId = ((await lot.json()) as { id: string }).id;
    const checkId = await recordCheckNaming(arm.page, state.firearm2Id!, '13C', [/Cal Actor/]);
    const actor = await as(browser, 'actor', { width: 375, height: 812 });
    await actor.page.goto(`/productions/${demo}/checks/${checkId}`);
    await actor.page.getByRole('button', { name: 'I witnessed this check' }).click();
    await expect(actor.page.getByText(/You confirmed this check on/)).toBeVisible();
    await actor.ctx.close();

    await arm.page.goto(`/productions/${demo}/custody?firearm=${state.firearm2Id}&scene=13C#hand-out`);
    const form = arm.page.locator('#hand-out');
    await form.getByLabel('Hand to').selectOption({ label: 'Cal Actor · Actor' });
    await form.getByLabel('Ammunition lot').selectOption(state.blankLotId);
    await form.getByRole('spinbutton', { name: 'Rounds counted out' }).fill('6');
    await form.getByRole('button', { name: 'Hand over' }).click();
    await expect(form.getByText('Handed over to Cal Actor with 6 rounds counted out.')).toBeVisible();
    expect(q<{ c: number }>('select count_on_hand c from ammo_lots where id = ?', state.blankLotId)!.c).toBe(24);
    const h = q<{ id: string }>('select id from handoffs where firearm_id = ? and returned_at is null', state.firearm2Id)!;
    await arm.ctx.close();

    // The return on a phone: four blanks fired, two back.
    const phone = await as(browser, 'armorer', { width: 375, height: 812 });
    await phone.page.goto(`/productions/${demo}/custody?return=${h.id}#return`);
    const ret = phone.page.locator('#return');
    await ret.getByRole('spinbutton', { name: 'Rounds fired (blanks spent)' }).fill('4');
    await ret.getByRole('spinbutton', { name: 'Rounds counted back' }).fill('2');
    for (const b of await ret.getByRole('group', { name: 'Checklist' }).getByRole('checkbox').all()) await b.check();
    await ret.getByRole('radio', { name: /Pass/ }).check();
    await ret.screenshot({ path: 'test-results/screens/375/armorer/return-rounds-fired.png' });
    await ret.getByRole('button', { name: 'Record the return' }).click();
    await expect(phone.page.getByText('Returned: 4 fired, 2 of 6 rounds back. Counts match.')).toBeVisible();
    await noSideScroll(phone.page);
    expect(q('select rounds_out, rounds_fired, rounds_back, discrepancy_incident_id from handoffs where id = ?', h.id)).toEqual({ rounds_out: 6, rounds_fired: 4, rounds_back: 2, discrepancy_incident_id: null });
    expect(q<{ c: number }>('select count_on_hand c from ammo_lots where id = ?', state.blankLotId)!.c).toBe(26);
    await phone.ctx.close();
  });

  test('crew cannot reach inventory actions: pages, JSON routes and a replayed server action are refused', async ({ browser }) => {
    const { ctx, page } = await as(browser, 'crew');
    for (const path of ['firearms', `firearms/${state.firearmId}`, 'ammunition', 'checks/new']) {
      const res = await page.goto(`/productions/${demo}/${path}`);
      expect(res!.status(), path).toBe(403);
      await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    }
    await expect(page.getByRole('navigation', { name: 'Production' }).getByRole('link', { name: 'Firearms' })).toHaveCount(0);
    const tag = `CREW-${run}`;
    const api = await page.request.post(`/api/productions/${demo}/firearms`, { data: { tag, make: 'A', model: 'B', serial: '', kind: 'functional', status: 'locked_up', notes: '' } });
    expect(api.status()).toBe(403);
    const lot = await page.request.post(`/api/productions/${demo}/ammunition`, { data: { kind: 'dummy' } });
    expect(lot.status()).toBe(403);
    const ho = await page.request.post(`/api/productions/${demo}/handoffs`, { data: { id: crypto.randomUUID(), firearmId: state.firearmId, toUserId: 'x', scene: '12A', ammoLotId: '', roundsOut: 0 } });
    expect(ho.status()).toBe(403);

    // The armorer's own "add weapon" server action, replayed from the crew member's session.
    expect(state.createFirearmActionId).toBeTruthy();
    const replay = await page.request.post(`/productions/${demo}/firearms`, {
      headers: { 'next-action': state.createFirearmActionId!, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: BASE },
      data: state.createFirearmBody!.replace(TAG, tag),
    });
    expect(await replay.text()).toContain('Your role on this production does not allow that.');
    expect(count('select count(*) n from firearms where tag = ?', tag)).toBe(0);
    expect(count('select count(*) n from handoffs where to_id = ?', 'x')).toBe(0);

    // What crew do get: the report of a weapon that changed hands outside the armorer.
    await page.goto(`/productions/${demo}/custody`);
    await expect(page.getByRole('region', { name: 'Who holds each weapon now' })).toHaveCount(0);
    await page.getByLabel('Which weapon').selectOption({ label: `${TAG} · Pietta 1873 SAA .45 Colt` });
    await page.getByLabel('Where').fill('Church set');
    await page.getByLabel('What you saw').fill('The 1st AD took the revolver from the cart and handed it to the actor.');
    await page.getByRole('button', { name: 'Report a custody breach' }).click();
    await expect(page.getByText(/Report #\d+ filed/)).toBeVisible();
    const rep = q<{ type: string; n: number }>(
      "select i.type, (select count(*) from incident_firearms f where f.incident_id = i.id and f.firearm_id = ?) n from incidents i join users u on u.id = i.reporter_id where u.email = ? order by i.number desc limit 1",
      state.firearmId,
      USERS.crew,
    )!;
    expect(rep).toMatchObject({ type: 'custody_breach', n: 1 });
    await ctx.close();
  });
});

test.describe('authorization matrix: firearms routes', () => {
  const who: Record<Exclude<Caller, 'anon'>, Who> = { crew: 'crew', armorer: 'armorer', producer: 'producer', auditor: 'auditor', admin: 'admin', other: 'otherProducer' };
  for (const caller of CALLERS) {
    test(`${caller}`, async ({ browser }) => {
      const c = authzCtx();
      const { ctx } = await as(browser, caller === 'anon' ? null : who[caller]);
      for (const r of routes) {
        const url = r.path(c);
        const res =
          r.method === 'GET'
            ? await ctx.request.get(url, { maxRedirects: 0 })
            : await ctx.request.fetch(url, { method: r.method, data: r.body?.(c), maxRedirects: 0 });
        const status = res.status();
        const location = res.headers()['location'] ?? '';
        const got =
          status >= 300 && status < 400 && location.includes('/sign-in')
            ? 'signin'
            : status === 401
              ? 'signin'
              : status === 404
                ? 'notfound'
                : status === 403
                  ? 'forbidden'
                  : status === 400
                    ? 'invalid'
                    : status >= 200 && status < 300
                      ? 'ok'
                      : `status ${status}`;
        expect.soft(got, `${caller} ${r.method} ${r.name} (${url})`).toBe(r.expect[caller]);
      }
      await ctx.close();
    });
  }
});

test.describe('screens at 375 and 1280', () => {
  const pages = (id: { firearm: string; check: string }) => [
    ['firearms', 'firearms'],
    ['firearm-history', `firearms/${id.firearm}`],
    ['ammunition', 'ammunition'],
    ['checks', 'checks'],
    ['check-new', 'checks/new'],
    ['check-detail', `checks/${id.check}`],
    ['custody', 'custody'],
    ['meetings', 'meetings'],
  ];
  for (const width of [375, 1280]) {
    test(`armorer and actor pages at ${width}px: no sideways scroll`, async ({ browser }) => {
      const c = authzCtx();
      // The weapon the chain above used has the richest history; the seeded one stands in when run alone.
      const rev = q<{ id: string }>("select id from firearms where production_id = ? and tag = ?", c.demo, TAG);
      const ids2 = { firearm: rev?.id ?? c.demoFirearm, check: c.demoCheck };
      const armorer = await as(browser, 'armorer', { width, height: 900 });
      for (const [name, path] of pages(ids2)) {
        await armorer.page.goto(`/productions/${demo ?? c.demo}/${path}`);
        await noSideScroll(armorer.page);
        await armorer.page.screenshot({ path: `test-results/screens/armorer-${name}-${width}.png`, fullPage: true });
      }
      await armorer.ctx.close();
      const actor = await as(browser, 'actor', { width, height: 900 });
      for (const [name, path] of [pages(ids2)[3], pages(ids2)[5], pages(ids2)[6], pages(ids2)[7]]) {
        await actor.page.goto(`/productions/${demo ?? c.demo}/${path}`);
        await noSideScroll(actor.page);
        await actor.page.screenshot({ path: `test-results/screens/actor-${name}-${width}.png`, fullPage: true });
      }
      await actor.ctx.close();
    });
  }
});
