// Shared by the specs that file reports and call, concur and lift holds on the demo production
// (ARCHITECTURE.md: tests). The e2e database is shared by every spec of a run, so each of them
// starts and ends with `liftStandingHold`, through the app, as the people allowed to (rule 5).
import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { openPageAs } from './fixtures';
import { one } from './db';
import { USERS, type Who } from './helpers';

export const userId = (who: Who) => one<{ id: string }>('select id from users where email = ?', USERS[who]).id;
export const standingHold = (pid: string) =>
  one<{ id: string; source: string; concurred_by_id: string | null; lifted_at: number | null }>('select * from holds where production_id = ? and lifted_at is null', pid);

/** A page signed in as `who` in its own context, opened where signing in lands: the start page. */
export async function as(browser: Browser, who: Who, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await openPageAs(browser, who, { viewport });
  await page.goto('/');
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}

/** Lifts whatever hold stands, through the app as the people allowed to (so other specs start clean). */
export async function liftStandingHold(browser: Browser, pid: string) {
  const h = standingHold(pid);
  if (!h) return;
  if (h.source === 'rule1' && !h.concurred_by_id) {
    const armorer = await as(browser, 'armorer');
    await armorer.goto(`/productions/${pid}/hold`);
    await armorer.getByRole('button', { name: 'Record my concurrence' }).click();
    await expect(armorer.getByText('Not yet recorded')).toHaveCount(0);
    await armorer.context().close();
  }
  const lifter: Who = standingHold(pid)?.concurred_by_id === userId('producer') ? 'producer2' : 'producer';
  const producer = await as(browser, lifter);
  await producer.goto(`/productions/${pid}/hold`);
  await producer.getByLabel('Written resolution').fill('Checked by the armorer and a producer; safe to resume (e2e cleanup).');
  await producer.getByRole('button', { name: 'Lift hold' }).click();
  await producer.getByRole('button', { name: 'Yes, lift the hold' }).click();
  await expect(producer.getByTestId('hold-banner')).toHaveCount(0);
  await producer.context().close();
}

/** Replays a server action captured from one user's browser with another user's session. */
export async function replayAction(request: APIRequestContext, action: { url: string; id: string; body: string }) {
  const res = await request.post(action.url, {
    headers: { 'Next-Action': action.id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', Origin: new URL(action.url).origin },
    data: action.body,
  });
  return { status: res.status(), text: await res.text() };
}

/**
 * A new blank-firing weapon made by the armorer's page, and a passing before-use check of it for
 * `scene` naming the 1st AD as witness (rule 2): its id and the check's page.
 */
export async function weaponWithCheck(p: Page, productionId: string, tag: string, scene: string, notes: string) {
  await p.goto(`/productions/${productionId}/firearms`);
  const made = await p.request.post(`/api/productions/${productionId}/firearms`, {
    data: { tag, make: 'Uberti', model: '1873 Cattleman', serial: '', kind: 'blank_firing', status: 'locked_up', notes },
  });
  expect(made.status()).toBe(201);
  const firearmId = one<{ id: string }>('select id from firearms where production_id = ? and tag = ?', productionId, tag).id;
  await p.goto(`/productions/${productionId}/checks/new`);
  await p.getByRole('combobox', { name: 'Weapon' }).selectOption(firearmId);
  await p.getByLabel('Scene or setup').fill(scene);
  for (const box of await p.getByRole('group', { name: 'Checklist' }).getByRole('checkbox').all()) await box.check();
  await p.getByRole('radio', { name: /Pass/ }).check();
  await p.getByRole('checkbox', { name: /Dee First-AD/ }).check();
  await p.getByRole('button', { name: 'Record the check' }).click();
  await expect(p).toHaveURL(new RegExp(`/productions/${productionId}/checks/[0-9a-f-]{36}$`));
  return { firearmId, checkUrl: new URL(p.url()).pathname };
}
