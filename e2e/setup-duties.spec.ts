// Rule 9 end to end (ARCHITECTURE.md: rule 9): a scene plan records who is on which other duty for
// its setup; while it records the armorer there, the hand-out form says so and will not send, and
// the server refuses and records a crafted attempt like rule 2's. The producer's decision on the
// armorer's other position is recorded, shown and revocable, and never clears that refusal. The
// property master receives a weapon into custody and collects it; the custody log names them.
//
// Named to sort after scene-plans.spec.ts: it hands weapons out on the demo production with an
// approved plan, a meeting for the scene and a current qualification, so rule 8 is met.
import type { Browser, Page } from '@playwright/test';
import { expect, openPageAs, test } from './fixtures';
import { ids, one, query } from './db';
import { liftStandingHold, replayAction, userId, weaponWithCheck } from './holds';
import { parseCsv } from './csv';

const run = Date.now().toString(36).toUpperCase();
const SEED = { tag: `DUTY-${run}`, scene: `D${run}` };
let demo: string;
let firearmId: string;
let decideAction: { url: string; id: string; body: string };

const status = () => one<{ status: string }>('select status from firearms where id = ?', firearmId).status;
const lastRefusal = () => one<{ id: string; reasons: string; incident_id: string }>('select id, reasons, incident_id from refused_handoffs where firearm_id = ? order by at desc limit 1', firearmId);
const crafted = (page: Page, toUserId = userId('actor')) =>
  page.request.post(`/api/productions/${demo}/handoffs`, { data: { id: crypto.randomUUID(), firearmId, toUserId, scene: SEED.scene, ammoLotId: '', roundsOut: 0 } });
const standingDecision = () => one<{ id: string; reason: string } | undefined>('select id, reason from duty_decisions where production_id = ? and user_id = ? and revoked_at is null', demo, userId('armorer'));

async function page(browser: Browser, who: Parameters<typeof openPageAs>[1], width = 1280) {
  return openPageAs(browser, who, { viewport: { width, height: 900 } });
}
async function noSideScroll(p: Page) {
  const w = await p.evaluate(() => document.documentElement.scrollWidth);
  expect(w, `page is ${w}px wide at a ${p.viewportSize()?.width}px viewport`).toBeLessThanOrEqual(p.viewportSize()!.width);
}

/** The armorer writes and signs a plan for the setup; the advisor signs; a producer approves. */
async function approvedPlan(browser: Browser, handlers: string[], duty: { member: string; duty: string }) {
  const p = await page(browser, 'armorer');
  await p.goto(`/productions/${demo}/scene-plans`);
  const form = p.getByRole('region', { name: 'Write a scene plan' });
  await form.getByLabel('Scene or setup').fill(SEED.scene);
  await form.getByLabel('What happens').fill('Cal holds the revolver on the door; no shot.');
  for (const [i, h] of handlers.entries()) {
    if (i > 0) await form.getByRole('button', { name: 'Add a weapon' }).click();
    const g = form.getByRole('group', { name: `Weapon ${i + 1}` });
    await g.getByLabel('Weapon').selectOption(firearmId);
    await g.getByLabel('Handler').selectOption({ label: h });
    await g.getByLabel('Load').selectOption('none');
  }
  await form.getByRole('button', { name: 'Add a duty' }).click();
  const d = form.getByRole('group', { name: 'Duty 1' });
  await d.getByLabel('Member').selectOption({ label: duty.member });
  await d.getByLabel('Duty').selectOption({ label: duty.duty });
  await d.screenshot({ path: 'test-results/screens/1280/armorer/scene-plan-duty-row.png' });
  await form.getByLabel('Line of fire').fill('Muzzle toward the stage wall; nobody forward of Cal.');
  await form.getByLabel('Protection').fill('No rounds: eye protection at 10 ft.');
  await form.getByLabel('Would a replica do?').fill('Yes for the wide; the close-up shows the cylinder.');
  await form.getByLabel('Specific firearms risk assessment').fill('Unloaded, shown empty; armorer beside the camera.');
  await form.getByRole('button', { name: 'Write the plan' }).click();
  await expect(form.getByText(`Plan for ${SEED.scene} written.`)).toBeVisible();
  const planId = one<{ id: string }>('select id from scene_plans where production_id = ? and scene = ? order by created_at desc limit 1', demo, SEED.scene).id;
  const card = p.locator(`#plan-${planId}`);
  await card.getByRole('button', { name: 'Sign as the armorer' }).click();
  await expect(card).toContainText('✓ Armorer: Ana Armorer');
  await p.context().close();

  const adv = await page(browser, 'advisor', 375);
  await adv.goto(`/productions/${demo}/scene-plans`);
  await adv.locator(`#plan-${planId}`).getByRole('button', { name: 'Sign as the safety advisor' }).click();
  await expect(adv.locator(`#plan-${planId}`)).toContainText('✓ Safety advisor');
  await adv.context().close();

  const prod = await page(browser, 'producer');
  await prod.goto(`/productions/${demo}/scene-plans`);
  await prod.locator(`#plan-${planId}`).getByRole('button', { name: 'Approve the plan' }).click();
  await expect(prod.locator(`#plan-${planId}`)).toContainText('✓ Approved by Priya Producer');
  await prod.context().close();
  return planId;
}

test.describe.serial('rule 9: no other duty while weapons are out; property masters in the custody chain', () => {
  test.beforeAll(async ({ browser }) => {
    demo = ids().demo;
    await liftStandingHold(browser, demo);
  });

  test('producer: records current trainings for the actor and the property master (rule 8 asks them)', async ({ browser }) => {
    const p = await page(browser, 'producer');
    for (const member of ['Cal Actor · Crew, Actor', 'Pat Property-Master · Crew, Property master']) {
      await p.goto(`/productions/${demo}/qualifications`);
      const form = p.getByRole('region', { name: 'Record a qualification' });
      await form.getByLabel('Member').selectOption({ label: member });
      await form.getByLabel('Kind').selectOption('firearms_safety_training');
      await form.getByLabel('Issued by').fill('Studio safety course');
      await form.getByLabel('Issued on').fill('2020-01-06');
      await form.getByLabel('Expires on').fill('2099-01-06');
      await form.getByRole('button', { name: 'Record the qualification' }).click();
      await expect(form.getByText('valid through 2099-01-06')).toBeVisible();
    }
    await p.context().close();
  });

  test('armorer and the 1st AD: a weapon, a witnessed check and a meeting for the setup', async ({ browser }) => {
    const p = await page(browser, 'armorer');
    const made = await weaponWithCheck(p, demo, SEED.tag, SEED.scene, 'For the rule-9 spec.');
    firearmId = made.firearmId;
    const checkUrl = made.checkUrl;
    await p.goto(`/productions/${demo}/meetings`);
    await p.getByLabel('Scene or setup').fill(SEED.scene);
    await p.getByLabel('Firearms on set').check();
    await p.getByRole('checkbox', { name: /Cal Actor/ }).check();
    await p.getByRole('button', { name: 'Record the meeting' }).click();
    await expect(p.getByRole('status').filter({ hasText: 'recorded' })).toBeVisible();
    await p.context().close();

    const ad = await page(browser, 'ad', 375);
    await ad.goto(checkUrl);
    await ad.getByRole('button', { name: 'I witnessed this check' }).click();
    await expect(ad.getByText(/You confirmed this check on/)).toBeVisible();
    await ad.context().close();
  });

  test('armorer: a plan recording the armorer on props refuses the hand-out — the form says so first, the server records a crafted one', async ({ browser }) => {
    const planId = await approvedPlan(browser, ['Cal Actor · Actor'], { member: 'Ana Armorer · Armorer, Props crew', duty: 'Props crew' });
    const p = await page(browser, 'armorer');
    await p.goto(`/productions/${demo}/scene-plans`);
    await expect(p.locator(`#plan-${planId}`).getByTestId('plan-duty-custodian')).toContainText('Ana Armorer holds the weapons in custody');

    await p.goto(`/productions/${demo}/custody`);
    await expect(p.getByTestId('armorer-duties-warning')).toContainText('You also hold Props crew on this show.');
    const ho = p.locator('#hand-out');
    await ho.getByRole('combobox', { name: 'Weapon' }).selectOption(firearmId);
    await ho.getByLabel('Scene or setup').fill(SEED.scene);
    await ho.getByLabel('Hand to').selectOption({ label: 'Cal Actor · Actor' });
    await expect(ho.getByTestId('handoff-problem')).toContainText('records the armorer on another duty');
    await expect(ho.getByRole('button', { name: 'Hand over' })).toBeDisabled();
    for (const width of [375, 1280]) {
      await p.setViewportSize({ width, height: 900 });
      await noSideScroll(p);
      await p.screenshot({ path: `test-results/screens/${width}/armorer/custody-duties.png`, fullPage: true });
    }

    const res = await crafted(p);
    expect(res.status()).toBe(422);
    const r = lastRefusal();
    expect(JSON.parse(r.reasons)).toEqual(['armorer_other_duty']);
    expect(status()).toBe('locked_up');
    const breach = one<{ type: string; description: string }>('select type, description from incidents where id = ?', r.incident_id);
    expect(breach.type).toBe('custody_breach');
    expect(breach.description).toMatch(/rule 9/);
    expect(one<{ action: string }>('select action from audit_log where entity_id = ?', r.id).action).toBe('handoff.refused');
    await p.context().close();
  });

  test('producer: decides on the armorer’s other position with a reason; the refusal stands', async ({ browser }) => {
    const p = await page(browser, 'producer');
    await p.goto(`/productions/${demo}/dashboard`);
    const card = p.getByTestId('card-armorer');
    await expect(card).toContainText('flagged');
    // The form opens on demand (it is not part of the dashboard's first load).
    await card.getByRole('button', { name: 'Decide how Ana Armorer’s other position is covered' }).click();
    // Other specs may have made another member an armorer with a position: this form is Ana's.
    const anas = card.locator('form').filter({ has: p.getByLabel('Your decision on Ana Armorer’s other position') });
    await anas.getByLabel('Your decision on Ana Armorer’s other position').fill('Short');
    await anas.getByRole('button', { name: 'Record the decision' }).click();
    await expect(anas.getByText(/at least 10 characters/)).toBeVisible();
    await anas.getByLabel('Your decision on Ana Armorer’s other position').fill('Pip from the props truck covers props whenever weapons are out.');
    const sent = p.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
    await anas.getByRole('button', { name: 'Record the decision' }).click();
    const req = await sent;
    decideAction = { url: req.url(), id: req.headers()['next-action'], body: req.postData() ?? '' };
    await expect(card.getByTestId('duty-decision')).toContainText('Pip from the props truck covers props');
    await expect(card).toContainText('decided');
    expect(standingDecision()?.reason).toBe('Pip from the props truck covers props whenever weapons are out.');
    const audit = query<{ action: string }>('select action from audit_log where entity_id = ?', standingDecision()!.id);
    expect(audit.map((a) => a.action)).toEqual(['duties.decide']);
    for (const width of [375, 1280]) {
      await p.setViewportSize({ width, height: 900 });
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: `test-results/screens/${width}/producer/dashboard-duties.png` });
    }
    await p.context().close();
    // The decision is about the workload; the setup's plan still records the armorer on props.
    const arm = await page(browser, 'armorer');
    await arm.goto(`/productions/${demo}/custody`);
    await expect(arm.getByTestId('armorer-duties-warning')).toContainText('A producer decided: “Pip from the props truck');
    expect((await crafted(arm)).status()).toBe(422);
    expect(JSON.parse(lastRefusal().reasons)).toEqual(['armorer_other_duty']);
    expect(status()).toBe('locked_up');
    await arm.context().close();
  });

  test('armorer and crew: the server refuses the producer’s decision to anyone else', async ({ browser }) => {
    const before = query('select * from duty_decisions where production_id = ?', demo);
    for (const who of ['armorer', 'crew', 'advisor'] as const) {
      const p = await page(browser, who);
      await p.goto(`/productions/${demo}`);
      const res = await replayAction(p.request, { ...decideAction, body: decideAction.body.replace(/"id":"[0-9a-f-]{36}"/, `"id":"${crypto.randomUUID()}"`) });
      expect(res.status).toBe(200);
      expect(res.text).toContain('Your role on this production does not allow that.');
      await p.context().close();
    }
    expect(query('select * from duty_decisions where production_id = ?', demo)).toEqual(before);
    const crew = await page(browser, 'crew', 375);
    const res = await crew.goto(`/productions/${demo}/dashboard`);
    expect(res?.status()).toBe(403);
    await crew.goto(`/productions/${demo}/scene-plans`);
    await expect(crew.getByRole('list', { name: 'Other duties on this setup' }).first()).toContainText('Ana Armorer: Props crew');
    await noSideScroll(crew);
    await crew.getByRole('list', { name: 'Other duties on this setup' }).first().scrollIntoViewIfNeeded();
    await crew.screenshot({ path: 'test-results/screens/375/crew/scene-plan-duties.png' });
    await crew.context().close();
  });

  test('armorer: a new plan gives props to someone else; the weapon goes to the property master and comes back collected by them', async ({ browser }) => {
    await approvedPlan(browser, ['Cal Actor · Actor', 'Pat Property-Master · Property master'], { member: 'Cody Camera · Crew, Camera', duty: 'Camera' });
    const p = await page(browser, 'armorer');
    await p.goto(`/productions/${demo}/custody?firearm=${firearmId}&scene=${encodeURIComponent(SEED.scene)}#hand-out`);
    const ho = p.locator('#hand-out');
    await ho.getByLabel('Hand to').selectOption({ label: 'Pat Property-Master · Property master' });
    await expect(ho.getByTestId('handoff-problem')).toHaveCount(0);
    await ho.getByRole('button', { name: 'Hand over' }).click();
    await expect(ho.getByText('Handed over to Pat Property-Master')).toBeVisible();
    expect(status()).toBe('checked_out');
    await p.reload();
    const out = p.getByRole('region', { name: 'Who holds each weapon now' });
    await expect(out).toContainText('Pat Property-Master (Property master, into custody)');

    const h = one<{ id: string }>('select id from handoffs where firearm_id = ? and returned_at is null', firearmId);
    await p.goto(`/productions/${demo}/custody?return=${h.id}#return`);
    const ret = p.locator('#return');
    await expect(ret.getByLabel('Collected by').locator('option', { hasText: 'Cody Camera' })).toHaveCount(0);
    await ret.getByLabel('Collected by').selectOption({ label: 'Pat Property-Master · Property master' });
    await ret.getByRole('spinbutton', { name: 'Rounds counted back' }).fill('0');
    for (const box of await ret.getByRole('group', { name: 'Checklist' }).getByRole('checkbox').all()) await box.check();
    await ret.getByRole('radio', { name: /Pass/ }).check();
    for (const width of [375, 1280]) {
      await p.setViewportSize({ width, height: 900 });
      await noSideScroll(p);
      await ret.screenshot({ path: `test-results/screens/${width}/armorer/return-collected-by.png` });
    }
    await ret.getByRole('button', { name: 'Record the return' }).click();
    await expect(p).toHaveURL(/returned=/);
    expect(one<{ received_by_id: string }>('select received_by_id from handoffs where id = ?', h.id).received_by_id).toBe(userId('propmaster'));
    await expect(p.getByRole('region', { name: /Day log/ })).toContainText('collected by Pat Property-Master (Property master)');
    expect(status()).toBe('locked_up');
    await p.context().close();

    // The export names the custodian too: the auditor reads who received and who collected.
    const auditor = await page(browser, 'auditor');
    await auditor.goto(`/productions/${demo}`);
    const csv = parseCsv(await (await auditor.request.get(`/api/productions/${demo}/export/custody.csv`)).text());
    const row = csv.rows.find((r) => r.id === h.id)!;
    expect(row).toMatchObject({ to: 'Pat Property-Master', to_custodian_position: 'Property master', received_by: 'Pat Property-Master', received_by_custodian_position: 'Property master' });
    await auditor.context().close();
  });

  test('producer: revokes the decision with a reason; the flag is back', async ({ browser }) => {
    const d = standingDecision()!;
    const p = await page(browser, 'producer', 375);
    await p.goto(`/productions/${demo}/dashboard`);
    const card = p.getByTestId('card-armorer');
    await card.getByRole('button', { name: 'Revoke the decision' }).click();
    await card.getByLabel('Why the decision no longer stands').fill('Pip left the show.');
    await card.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(card.getByRole('button', { name: 'Decide how Ana Armorer’s other position is covered' })).toBeVisible();
    await expect(card).toContainText('revoked by Priya Producer');
    expect(standingDecision()).toBeUndefined();
    expect(query<{ action: string }>('select action from audit_log where entity_id = ? order by seq', d.id).map((a) => a.action)).toEqual(['duties.decide', 'duties.revoke']);
    await p.context().close();
  });
});
