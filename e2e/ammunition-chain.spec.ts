// The ammunition chain end to end (ARCHITECTURE.md: ammunition chain): the armorer receives a
// delivery, hands blanks out and takes them back with some fired, the day's reconciliation shows
// it, a live round is found in the dummy lot (frozen at once, rule 1), rounds out with a weapon
// when a lot freezes are recalled and come back under freeze, a hand-out from a frozen lot is
// refused and recorded, the lot goes to the authorities, and the blank lot goes back to the
// vendor; producers and auditors see it all and cannot write (a producer acknowledges the return);
// crew are refused. Named to sort before scene-plans.spec.ts: it hands a weapon out on the demo
// production before any scene plan exists there (rule 8).
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { expect, test } from './fixtures';
import { ids, one, query } from './db';
import { liftStandingHold, standingHold } from './holds';
import type { Page } from '@playwright/test';

const run = Date.now().toString(36).slice(-5).toUpperCase();
const DUMMY = `CH-D-${run}`;
const BLANK = `CH-B-${run}`;
const TAG = `CH-REV-${run}`;
const state: { dummy?: string; blank?: string; firearm?: string; handoff?: string } = {};

type Lot = { id: string; status: string; count_on_hand: number; count_received: number; paperwork_ref: string; verification_methods: string; verified_count: number | null; frozen_incident_id: string | null };
const lotRow = (lotNumber: string) => one<Lot>('select * from ammo_lots where lot_number = ?', lotNumber);
const ledgerSum = (lotId: string) => one<{ n: number }>('select coalesce(sum(delta), 0) n from ammo_movements where lot_id = ?', lotId).n;
/** The production-local day of the lot's newest movement, so the page is asked for that day whatever the hour now. */
function dayOfLastMovement(lotId: string, pid: string): string {
  const { at } = one<{ at: number }>('select max(at) at from ammo_movements where lot_id = ?', lotId);
  const { time_zone } = one<{ time_zone: string }>('select time_zone from productions where id = ?', pid);
  return new Intl.DateTimeFormat('en-CA', { timeZone: time_zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

async function receiveLot(page: Page, lot: { kind: 'Dummy' | 'Blank'; number: string; count: string; verified?: string }) {
  await page.getByLabel('Kind').selectOption({ label: lot.kind });
  await page.getByLabel('Calibre').fill('.45 Colt');
  await page.getByLabel('Rounds received').fill(lot.count);
  await page.getByLabel('Supplier').fill(`Chain Rentals ${run}`);
  await page.getByLabel('Delivery note or invoice').fill(`DN-${run}`);
  await page.getByLabel('Lot number').fill(lot.number);
  if (lot.verified) {
    await page.getByRole('checkbox', { name: /Rattle/ }).check();
    await page.getByRole('checkbox', { name: /Drilled case/ }).check();
    await page.getByLabel('Dummies verified').fill(lot.verified);
  }
  await page.getByLabel(/I inspected every round/).check();
  await page.getByRole('button', { name: 'Record the lot' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Lot ${lot.number} received` })).toBeVisible();
}

/** A passing before-use check of the weapon for 31A, confirmed by the actor in their own session (rule 2). */
async function witnessedCheck(armorer: Page, actor: Page, demo: string, firearmId: string) {
  await armorer.goto(`/productions/${demo}/checks/new`);
  await armorer.getByRole('combobox', { name: 'Weapon' }).selectOption(firearmId);
  await armorer.getByLabel('Scene or setup').fill('31A');
  for (const box of await armorer.getByRole('group', { name: 'Checklist' }).getByRole('checkbox').all()) await box.check();
  await armorer.getByRole('radio', { name: /Pass/ }).check();
  await armorer.getByRole('checkbox', { name: /Cal Actor/ }).check();
  await armorer.getByRole('button', { name: 'Record the check' }).click();
  await expect(armorer).toHaveURL(new RegExp(`/productions/${demo}/checks/[0-9a-f-]{36}$`));
  const checkId = armorer.url().split('/').pop()!;
  await actor.goto(`/productions/${demo}/checks/${checkId}`);
  await actor.getByRole('button', { name: 'I witnessed this check' }).click();
  await expect(actor.getByText(/You confirmed this check on/)).toBeVisible();
}

test.describe.serial('the ammunition chain, vendor to wrap', () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeAll(() => {
    // Rule 5 would refuse every hand-out below: the spec needs the demo production without a hold.
    expect(standingHold(ids().demo), 'a stop-work hold stands on the demo production').toBeFalsy();
  });

  test('armorer: receives a delivery — a dummy lot with its verification, then a blank lot on the same paperwork', async ({ armorer, prod }) => {
    await armorer.goto(`/productions/${prod.demo}/ammunition`);
    await receiveLot(armorer, { kind: 'Dummy', number: DUMMY, count: '12', verified: '12' });
    // The vendor and the paperwork carry over to the next lot of the same delivery.
    await expect(armorer.getByLabel('Supplier')).toHaveValue(`Chain Rentals ${run}`);
    await expect(armorer.getByLabel('Delivery note or invoice')).toHaveValue(`DN-${run}`);
    await receiveLot(armorer, { kind: 'Blank', number: BLANK, count: '30' });

    const dummy = lotRow(DUMMY);
    expect(dummy).toMatchObject({ status: 'in_store', count_on_hand: 12, count_received: 12, paperwork_ref: `DN-${run}`, verified_count: 12 });
    expect(JSON.parse(dummy.verification_methods)).toEqual(['rattle', 'drilled_case']);
    expect(query<{ kind: string; delta: number }>('select kind, delta from ammo_movements where lot_id = ?', dummy.id)).toEqual([{ kind: 'received', delta: 12 }]);
    state.dummy = dummy.id;
    state.blank = lotRow(BLANK).id;
    const list = armorer.getByRole('region', { name: /Lots/ });
    await expect(list).toContainText(`Verified on arrival by rattle, drilled case: 12 of 12 rounds.`);
    await expect(list).toContainText(`Lot ${BLANK} from Chain Rentals ${run}, delivery note DN-${run}`);
  });

  test('armorer: hands out 6 blanks and takes the weapon back with 4 fired and 2 back; the day’s reconciliation shows it', async ({ armorer, actor, prod }) => {
    const demo = prod.demo;
    // Rule 6: today's meeting covering firearms.
    await armorer.goto(`/productions/${demo}/meetings`);
    await armorer.getByLabel('Scene or setup').fill('31A');
    await armorer.getByLabel('Firearms on set').check();
    await armorer.getByRole('checkbox', { name: /Cal Actor/ }).check();
    await armorer.getByRole('button', { name: 'Record the meeting' }).click();
    await expect(armorer.getByRole('status').filter({ hasText: 'recorded' })).toBeVisible();
    // A weapon, its before-use check witnessed by the actor (rule 2).
    const made = await armorer.request.post(`/api/productions/${demo}/firearms`, { data: { tag: TAG, make: 'Uberti', model: '1873 (blank-adapted)', serial: '', kind: 'blank_firing', status: 'locked_up', notes: '' } });
    expect(made.status()).toBe(201);
    state.firearm = ((await made.json()) as { id: string }).id;
    await witnessedCheck(armorer, actor, demo, state.firearm);

    await armorer.goto(`/productions/${demo}/custody?firearm=${state.firearm}&scene=31A#hand-out`);
    const form = armorer.locator('#hand-out');
    await form.getByLabel('Hand to').selectOption({ label: 'Cal Actor · Actor' });
    await form.getByLabel('Ammunition lot').selectOption(state.blank!);
    await form.getByRole('spinbutton', { name: 'Rounds counted out' }).fill('6');
    await form.getByRole('button', { name: 'Hand over' }).click();
    await expect(form.getByText('Handed over to Cal Actor with 6 rounds counted out.')).toBeVisible();
    state.handoff = one<{ id: string }>('select id from handoffs where firearm_id = ? and returned_at is null', state.firearm).id;

    await armorer.goto(`/productions/${demo}/custody?return=${state.handoff}#return`);
    const ret = armorer.locator('#return');
    await ret.getByRole('spinbutton', { name: 'Rounds fired (blanks spent)' }).fill('4');
    await ret.getByRole('spinbutton', { name: 'Rounds counted back' }).fill('2');
    for (const b of await ret.getByRole('group', { name: 'Checklist' }).getByRole('checkbox').all()) await b.check();
    await ret.getByRole('radio', { name: /Pass/ }).check();
    await ret.getByRole('button', { name: 'Record the return' }).click();
    await expect(armorer.getByText('Returned: 4 fired, 2 of 6 rounds back. Counts match.')).toBeVisible();

    // The ledger and the count agree; the day's reconciliation shows what moved.
    expect(lotRow(BLANK).count_on_hand).toBe(26);
    expect(ledgerSum(state.blank!)).toBe(26);
    const day = dayOfLastMovement(state.blank!, demo);
    await armorer.goto(`/productions/${demo}/ammunition?day=${day}`);
    const row = armorer.getByTestId('reconciliation-row').filter({ hasText: `Lot ${BLANK}` });
    const figure = (term: string) => row.locator('dl > div').filter({ has: armorer.locator('dt', { hasText: new RegExp(`^${term}$`) }) }).locator('dd');
    await expect(figure('Issued')).toHaveText('6');
    await expect(figure('Fired')).toHaveText('4');
    await expect(figure('Returned')).toHaveText('2');
    await expect(figure('On hand')).toHaveText('26');
    // The lot page's ledger says the same, line by line.
    await armorer.getByRole('link', { name: `Lot ${BLANK}: ledger and chain` }).click();
    const ledger = armorer.getByRole('region', { name: /Ledger/ });
    await expect(ledger.getByRole('listitem')).toHaveCount(4);
    await expect(ledger).toContainText('Received 30');
    await expect(ledger).toContainText('Issued 6');
    await expect(ledger).toContainText('Fired 4 (on hand unchanged)');
    await expect(ledger).toContainText('Returned 2');
  });

  test('armorer: a live round found in the dummy lot freezes it, files the rule-1 report, and photos go on that report', async ({ armorer, prod }) => {
    const demo = prod.demo;
    await armorer.goto(`/productions/${demo}/ammunition/${state.dummy}`);
    const freeze = armorer.getByRole('region', { name: 'A live round found in this lot' });
    await freeze.getByLabel('Live rounds found').fill('1');
    await freeze.getByLabel('Other rounds counted in the lot').fill('11');
    await freeze.getByLabel('Where and how it was found').fill('A primed round with a bullet among the dummies at the morning count.');
    await freeze.getByRole('button', { name: 'Freeze the lot' }).click();
    await expect(armorer.getByTestId('lot-frozen')).toContainText('Frozen as evidence: nothing in this lot can be issued');

    const lot = lotRow(DUMMY);
    expect(lot).toMatchObject({ status: 'frozen', count_on_hand: 11 });
    expect(ledgerSum(lot.id)).toBe(11);
    const incident = one<{ type: string; severity: string; number: number }>('select type, severity, number from incidents where id = ?', lot.frozen_incident_id);
    expect(incident).toMatchObject({ type: 'live_ammunition_found', severity: 'critical' });
    expect(standingHold(demo)).toBeTruthy();
    await expect(armorer.getByRole('link', { name: `Report #${incident.number}` })).toBeVisible();

    // A photo of the lot, kept on the report.
    const photo = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#884' } }).jpeg().toBuffer();
    const photos = armorer.getByRole('region', { name: /Photos/ });
    await photos.getByLabel('Choose photos').setInputFiles({ name: 'lot.jpg', mimeType: 'image/jpeg', buffer: photo });
    await photos.getByRole('button', { name: 'Add 1 photo' }).click();
    await expect(photos.getByText('lot.jpg: added.')).toBeVisible();
    expect(one<{ n: number }>('select count(*) n from attachments where incident_id = ?', lot.frozen_incident_id).n).toBe(1);
  });

  test('armorer: rounds out with a weapon when their lot is frozen are recalled — listed on the lot, messaged, and returned under freeze', async ({ armorer, actor, prod, browser }) => {
    const demo = prod.demo;
    const RECALL = `CH-R-${run}`;
    // The rule-1 hold from the freeze above would refuse the hand-out this step needs.
    await liftStandingHold(browser, demo);
    const received = await armorer.request.post(`/api/productions/${demo}/ammunition`, {
      data: { id: randomUUID(), kind: 'dummy', calibre: '.45 Colt', countOnHand: 5, supplier: `Chain Rentals ${run}`, paperworkRef: `DN-${run}`, lotNumber: RECALL, receivedOn: '2026-01-02', verificationMethods: ['rattle'], verifiedCount: 5, inspected: true, inspectionNotes: '' },
    });
    expect(received.status()).toBe(201);
    const recallLot = lotRow(RECALL).id;
    await witnessedCheck(armorer, actor, demo, state.firearm!);
    const actorId = one<{ id: string }>("select id from users where email = 'actor@setsafe.test'").id;
    const out = await armorer.request.post(`/api/productions/${demo}/handoffs`, { data: { id: randomUUID(), firearmId: state.firearm, toUserId: actorId, scene: '31A', ammoLotId: recallLot, roundsOut: 2 } });
    expect(out.status()).toBe(201);
    const handoffId = ((await out.json()) as { id: string }).id;

    // A live round in the store: the lot freezes with two of its rounds still out with the weapon.
    await armorer.goto(`/productions/${demo}/ammunition/${recallLot}`);
    const freeze = armorer.getByRole('region', { name: 'A live round found in this lot' });
    await freeze.getByLabel('Live rounds found').fill('1');
    await freeze.getByLabel('Other rounds counted in the lot').fill('3');
    await freeze.getByLabel('Where and how it was found').fill('A primed round among the dummies while two were out on set.');
    await freeze.getByRole('button', { name: 'Freeze the lot' }).click();
    const recall = armorer.getByRole('region', { name: 'Recall' });
    await expect(recall.getByTestId('recall-list').getByRole('listitem')).toHaveCount(1);
    await expect(recall).toContainText(`${TAG} (Uberti 1873 (blank-adapted)), with Cal Actor: 2 rounds since`);

    // The message to every armorer and producer is in the outbox, naming the hand-out, never mutable.
    const told = query<{ email: string; critical: number; text: string }>(
      "select u.email, d.critical, d.text from deliveries d join users u on u.id = d.user_id where d.kind = 'critical_incident' and d.channel = 'email' and d.subject like ?",
      `Recall:%lot ${RECALL}%`,
    );
    expect(told.map((t) => t.email)).toEqual(expect.arrayContaining(['armorer@setsafe.test', 'producer@setsafe.test']));
    expect(told.every((t) => t.critical === 1 && t.text.includes(`${TAG} (Uberti 1873 (blank-adapted)), with Cal Actor: 2 rounds since`))).toBe(true);

    // The return (allowed during the hold, rule 5) puts the rounds back into the frozen lot.
    await recall.getByRole('link', { name: 'Record the return' }).click();
    await expect(armorer).toHaveURL(new RegExp(`return=${handoffId}`));
    const ret = armorer.locator('#return');
    await ret.getByRole('spinbutton', { name: 'Rounds counted back' }).fill('2');
    for (const b of await ret.getByRole('group', { name: 'Checklist' }).getByRole('checkbox').all()) await b.check();
    await ret.getByRole('radio', { name: /Pass/ }).check();
    await ret.getByRole('button', { name: 'Record the return' }).click();
    await expect(armorer.getByText('Returned: 2 of 2 rounds back. Counts match.')).toBeVisible();
    expect(lotRow(RECALL)).toMatchObject({ status: 'frozen', count_on_hand: 5 });
    expect(ledgerSum(recallLot)).toBe(5);
    expect(one<{ reason: string }>("select reason from ammo_movements where lot_id = ? and kind = 'returned'", recallLot).reason).toMatch(/^Returned under freeze/);

    await armorer.goto(`/productions/${demo}/ammunition/${recallLot}`);
    await expect(armorer.getByRole('region', { name: 'Recall' })).toContainText('Nothing of this lot is out with a weapon.');
    await expect(armorer.getByRole('region', { name: /Ledger/ })).toContainText('Returned under freeze 2 (+2 on hand)');
  });

  test('armorer: nothing in the frozen lot can go out — the form says so and is disabled; a crafted hand-out is refused and recorded', async ({ armorer, actor, prod, browser }) => {
    const demo = prod.demo;
    await liftStandingHold(browser, demo);
    // The weapon cleared by rules 2, 5 and 6 for 31A: only the frozen lot stands in the way.
    await witnessedCheck(armorer, actor, demo, state.firearm!);
    await armorer.goto(`/productions/${demo}/custody?firearm=${state.firearm}&scene=31A#hand-out`);
    const form = armorer.locator('#hand-out');
    await form.getByLabel('Hand to').selectOption({ label: 'Cal Actor · Actor' });
    await form.getByLabel('Ammunition lot').selectOption(state.dummy!);
    await expect(form.getByTestId('handoff-problem')).toContainText(`Lot ${DUMMY}: This ammunition lot is frozen as evidence`);
    await expect(form.getByRole('button', { name: 'Hand over' })).toBeDisabled();

    const attempt = randomUUID();
    const actorId = one<{ id: string }>("select id from users where email = 'actor@setsafe.test'").id;
    const res = await armorer.request.post(`/api/productions/${demo}/handoffs`, { data: { id: attempt, firearmId: state.firearm, toUserId: actorId, scene: '31A', ammoLotId: state.dummy, roundsOut: 2 } });
    expect(res.status()).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(/frozen as evidence/);
    const refused = one<{ reasons: string; incident_id: string }>('select reasons, incident_id from refused_handoffs where id = ?', attempt);
    expect(JSON.parse(refused.reasons)).toEqual(['lot_frozen']);
    expect(one<{ type: string }>('select type from incidents where id = ?', refused.incident_id).type).toBe('custody_breach');
    expect(one<{ action: string }>('select action from audit_log where entity_id = ?', attempt).action).toBe('handoff.refused');
    expect(lotRow(DUMMY).count_on_hand).toBe(11);
    expect(one<{ status: string }>('select status from firearms where id = ?', state.firearm).status).toBe('locked_up');
  });

  test('armorer: the frozen lot’s chain of custody to the authorities, transfer by transfer', async ({ armorer, prod }) => {
    await armorer.goto(`/productions/${prod.demo}/ammunition/${state.dummy}`);
    const form = armorer.getByRole('region', { name: 'Record a transfer' });
    await expect(form.getByRole('checkbox', { name: /leave the production’s store/ })).toBeChecked();
    await expect(form.getByLabel('Rounds of the lot handed over')).toHaveValue('11');
    await expect(form.getByLabel('Live rounds handed over')).toHaveValue('1');
    await form.getByLabel('To (name)').fill('Deputy Dana Cruz');
    await form.getByLabel('To (agency)').fill('County Sheriff');
    await form.getByLabel('Badge or ID number').fill('SF-2231');
    await form.getByLabel('Seal or evidence bag number').fill(`EV-${run}`);
    await form.getByRole('button', { name: 'Record the transfer' }).click();
    const chain = armorer.getByTestId('evidence-chain');
    await expect(chain.getByRole('listitem')).toHaveCount(1);
    // The next transfer starts from the deputy, under the same seal.
    await expect(form.getByLabel('From (name)')).toHaveValue('Deputy Dana Cruz');
    await expect(form.getByRole('checkbox', { name: /leave the production’s store/ })).not.toBeChecked();
    await form.getByLabel('To (name)').fill('Lee Tech');
    await form.getByLabel('To (agency)').fill('State Crime Lab');
    await form.getByLabel('Badge or ID number').fill('LAB-77');
    await form.getByRole('button', { name: 'Record the transfer' }).click();
    await expect(chain.getByRole('listitem')).toHaveCount(2);
    await expect(chain.getByRole('listitem').first()).toContainText('→ Deputy Dana Cruz, County Sheriff, badge/ID SF-2231');
    await expect(chain.getByRole('listitem').last()).toContainText(`Deputy Dana Cruz (County Sheriff) → Lee Tech, State Crime Lab, badge/ID LAB-77`);
    const rows = query<{ from_store: number; to_badge: string; seal_number: string; rounds: number; live_rounds: number }>('select from_store, to_badge, seal_number, rounds, live_rounds from ammo_evidence_transfers where lot_id = ? order by transferred_at, recorded_at', state.dummy);
    expect(rows).toEqual([
      { from_store: 1, to_badge: 'SF-2231', seal_number: `EV-${run}`, rounds: 11, live_rounds: 1 },
      { from_store: 0, to_badge: 'LAB-77', seal_number: `EV-${run}`, rounds: 11, live_rounds: 1 },
    ]);
    expect(lotRow(DUMMY).count_on_hand).toBe(0);
    expect(ledgerSum(state.dummy!)).toBe(0);
  });

  test('armorer: the blank lot goes back to the vendor at wrap, signed; it is closed and offered for no hand-out', async ({ armorer, prod }) => {
    await armorer.goto(`/productions/${prod.demo}/ammunition/${state.blank}`);
    const form = armorer.getByRole('region', { name: 'Return to the vendor at wrap' });
    await form.getByLabel('Rounds returned').fill('25');
    await form.getByLabel(/Received for Chain Rentals/).fill('Sam Counter');
    await form.getByLabel('Vendor’s return reference').fill(`RMA-${run}`);
    await form.getByRole('checkbox', { name: /Signed as the armorer/ }).check();
    await form.getByRole('button', { name: 'Sign the return and close the lot' }).click();
    await expect(form.getByText('The ledger holds 26 rounds of this lot.', { exact: false })).toBeVisible();
    expect(lotRow(BLANK).status).toBe('in_store');
    await form.getByLabel('Rounds returned').fill('26');
    await form.getByRole('button', { name: 'Sign the return and close the lot' }).click();
    await expect(armorer.getByTestId('lot-returned')).toContainText(`26 rounds to Sam Counter, reference RMA-${run}`);
    await expect(armorer.getByTestId('lot-returned')).toContainText('Waiting for a producer’s acknowledgement');
    expect(lotRow(BLANK)).toMatchObject({ status: 'returned', count_on_hand: 0 });
    expect(ledgerSum(state.blank!)).toBe(0);
    await armorer.goto(`/productions/${prod.demo}/custody`);
    await expect(armorer.locator('#hand-out').getByLabel('Ammunition lot').locator(`option[value="${state.blank}"]`)).toHaveCount(0);
  });

  test('producer: sees the chain, has no form to change it, is refused on the server, and acknowledges the vendor return', async ({ producer, prod }) => {
    const demo = prod.demo;
    await producer.goto(`/productions/${demo}/ammunition`);
    await expect(producer.getByRole('region', { name: /Lots/ })).toContainText(`Lot ${DUMMY}`);
    await expect(producer.getByRole('region', { name: 'Receive a lot' })).toHaveCount(0);
    await expect(producer.getByText(new RegExp(`waiting for a producer’s acknowledgement:.*lot ${BLANK}`))).toBeVisible();
    await producer.goto(`/productions/${demo}/ammunition/${state.dummy}`);
    await expect(producer.getByTestId('evidence-chain').getByRole('listitem')).toHaveCount(2);
    await expect(producer.getByRole('region', { name: 'Record a transfer' })).toHaveCount(0);
    for (const verb of ['adjust', 'freeze', 'evidence', 'vendor-return']) {
      const res = await producer.request.post(`/api/productions/${demo}/ammunition/${state.blank}/${verb}`, { data: { id: randomUUID(), countedOnHand: 3, reason: 'Producer tries to adjust', liveRoundsFound: 1, countedInert: 0, incidentId: '', description: 'x' } });
      expect(res.status(), verb).toBe(403);
    }
    await producer.goto(`/productions/${demo}/ammunition/${state.blank}`);
    await producer.getByRole('button', { name: 'Acknowledge the return' }).click();
    await expect(producer.getByTestId('lot-returned')).toContainText('Acknowledged');
    const ack = one<{ vendor_ack_by_id: string }>('select vendor_ack_by_id from ammo_lots where id = ?', state.blank);
    expect(ack.vendor_ack_by_id).toBe(one<{ id: string }>("select id from users where email = 'producer@setsafe.test'").id);
    expect(lotRow(BLANK).count_on_hand).toBe(0);
  });

  test('auditor: reads the lot, its reconciliation and its chain; no form, no acknowledgement, refused on the server', async ({ auditor, prod }) => {
    const demo = prod.demo;
    await auditor.goto(`/productions/${demo}/ammunition/${state.dummy}`);
    await expect(auditor.getByRole('region', { name: 'Daily reconciliation' })).toBeVisible();
    await expect(auditor.getByTestId('evidence-chain').getByRole('listitem')).toHaveCount(2);
    for (const name of ['Freeze the lot', 'Record the transfer', 'Record the count', 'Acknowledge the return']) await expect(auditor.getByRole('button', { name })).toHaveCount(0);
    await expect(auditor.getByRole('region', { name: 'A live round found in this lot' })).toHaveCount(0);
    const before = one<{ n: number }>('select count(*) n from ammo_movements').n;
    for (const verb of ['adjust', 'freeze', 'evidence', 'vendor-return', 'acknowledge-return']) {
      const res = await auditor.request.post(`/api/productions/${demo}/ammunition/${state.blank}/${verb}`, { data: {} });
      expect(res.status(), verb).toBe(403);
    }
    expect(one<{ n: number }>('select count(*) n from ammo_movements').n).toBe(before);
  });

  test('crew: no ammunition page, no lot page, every chain step refused; nothing changes', async ({ crew, prod }) => {
    const demo = prod.demo;
    expect((await crew.request.get(`/productions/${demo}/ammunition`)).status()).toBe(403);
    expect((await crew.request.get(`/productions/${demo}/ammunition/${state.dummy}`)).status()).toBe(403);
    const before = one<{ n: number }>('select count(*) n from ammo_movements').n;
    for (const verb of ['adjust', 'freeze', 'evidence', 'vendor-return', 'acknowledge-return']) {
      const res = await crew.request.post(`/api/productions/${demo}/ammunition/${state.blank}/${verb}`, { data: { id: randomUUID(), countedOnHand: 1, reason: 'Crew tries to adjust' } });
      expect(res.status(), verb).toBe(403);
    }
    const lot = await crew.request.post(`/api/productions/${demo}/ammunition`, { data: { id: randomUUID(), kind: 'dummy', calibre: '.45', countOnHand: 1, supplier: 'X', paperworkRef: 'Y', lotNumber: `CREW-${run}`, receivedOn: '2026-01-02', verificationMethods: ['rattle'], verifiedCount: 1, inspected: true, inspectionNotes: '' } });
    expect(lot.status()).toBe(403);
    expect(one<{ n: number }>('select count(*) n from ammo_movements').n).toBe(before);
    expect(one<{ n: number }>('select count(*) n from ammo_lots where lot_number = ?', `CREW-${run}`).n).toBe(0);
  });
});
