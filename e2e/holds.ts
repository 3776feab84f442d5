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
