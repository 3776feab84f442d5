// Delivery beyond the app: each member's alert choices on the account page,
// the record's "who was told", and the service worker showing a push message. Email and the push
// service's side are tested against a real SMTP sink and a local push endpoint in
// app/lib/delivery/*.test.ts; here the browser's part is checked.
import type { Page } from '@playwright/test';
import { fullChromium } from './browser';
import { expect, test } from './fixtures';
import { one, query } from './db';

// Push arrives through the service worker (the suite blocks it elsewhere, playwright.config.ts),
// and is shown as a notification, which only the full browser has (e2e/browser.ts).
test.use({ serviceWorkers: 'allow', launchOptions: fullChromium });

const prefsOf = (email: string, pid: string) =>
  one<{ channels: string; quiet_from: string | null; quiet_to: string | null }>(
    'select p.* from notification_preferences p join users u on u.id = p.user_id where u.email = ? and p.production_id = ?',
    email,
    pid,
  );

async function deliverPush(page: Page, data: string) {
  await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
  const cdp = await page.context().newCDPSession(page);
  const registrations: { registrationId: string; scopeURL: string }[] = [];
  cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: { registrationId: string; scopeURL: string }[] }) => registrations.push(...e.registrations));
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => registrations.length).toBeGreaterThan(0);
  const origin = new URL(page.url()).origin;
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: registrations[0].registrationId, data });
}

test.describe('producer', () => {
  test('chooses alerts per production: critical kinds stay on, quiet hours are saved', async ({ producer, prod }) => {
    await producer.goto('/account');
    await expect(producer.getByRole('heading', { name: 'Alerts on your phone' })).toBeVisible();
    const form = producer.getByRole('form', { name: 'Alerts for Dry Creek (demo)' });
    // Rule 7 signals cannot be muted: their boxes are on and locked.
    await expect(form.getByLabel('Stop-work hold called by email')).toBeChecked();
    await expect(form.getByLabel('Stop-work hold called by email')).toBeDisabled();
    await form.getByLabel('Comments by email').uncheck();
    await form.getByLabel('From').fill('22:00');
    await form.getByLabel('Until').fill('06:30');
    await form.getByRole('button', { name: 'Save alert choices' }).click();
    await expect(form.getByText('Saved for Dry Creek (demo).')).toBeVisible();
    const row = prefsOf('producer@setsafe.test', prod.demo)!;
    expect(row).toMatchObject({ quiet_from: '22:00', quiet_to: '06:30' });
    expect(JSON.parse(row.channels).comment).toEqual({ email: false, push: true });
    expect(JSON.parse(row.channels).hold_called).toBeUndefined();
  });

  test('half a quiet-hours window is refused with a clear message and changes nothing', async ({ producer, prod }) => {
    const before = prefsOf('producer@setsafe.test', prod.demo);
    await producer.goto('/account');
    const form = producer.getByRole('form', { name: 'Alerts for Dry Creek (demo)' });
    await form.getByLabel('From').fill('23:00');
    await form.getByLabel('Until').fill('');
    await form.getByRole('button', { name: 'Save alert choices' }).click();
    await expect(form.getByText('Give both ends of the quiet hours, or neither.')).toBeVisible();
    expect(prefsOf('producer@setsafe.test', prod.demo)).toEqual(before);
  });

  test('the service worker shows a pushed alert', async ({ producer }) => {
    await producer.context().grantPermissions(['notifications']);
    await producer.goto('/account');
    await deliverPush(producer, JSON.stringify({ title: 'Stop-work hold called by Carla Crew', body: 'Live round on the cart', url: '/account', tag: 'e2e-push', critical: true }));
    const shown = () =>
      producer.evaluate(async () => {
        const reg = await navigator.serviceWorker.ready;
        return (await reg.getNotifications()).map((n) => ({ title: n.title, body: n.body, url: (n.data as { url?: string } | null)?.url }));
      });
    await expect.poll(shown).toContainEqual({ title: 'Stop-work hold called by Carla Crew', body: 'Live round on the cart', url: '/account' });
  });
});

test.describe('producer and armorer: the daily digest', () => {
  test('is written once a local day, from the digest hour on, to each producer and armorer by email', async ({ producer, prod }) => {
    // The suite drives the digest with the injected clock (the server's own timer does not run it
    // under the test clock): the latest 08:00 in Denver, the demo production's zone, at or before now.
    const hourIn = (t: number) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Denver', hour: '2-digit', hourCycle: 'h23' }).format(t));
    let at = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    while (hourIn(at) !== 8) at -= 3_600_000;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Denver' }).format(at);
    const run = async (t: number) => {
      const res = await producer.request.post('/api/test/clock', { data: { at: new Date(t).toISOString(), digest: true } });
      expect(res.status()).toBe(200);
    };
    const rows = () =>
      query<{ email: string; subject: string; text: string; status: string }>(
        "select u.email, d.subject, d.text, d.status from deliveries d join users u on u.id = d.user_id where d.kind = 'digest' and d.production_id = ? and d.dedupe_key like ? order by u.email",
        prod.demo,
        `%:${day}`,
      );
    await run(at - 2 * 3_600_000); // 06:00: before the digest hour
    expect(rows()).toEqual([]);
    await run(at);
    const people = query<{ email: string }>(
      "select u.email from memberships m join users u on u.id = m.user_id where m.production_id = ? and m.role in ('producer', 'armorer') order by u.email",
      prod.demo,
    ).map((r) => r.email);
    expect(people.length).toBeGreaterThanOrEqual(3);
    expect(rows().map((r) => r.email)).toEqual(people);
    for (const r of rows()) {
      expect(r.subject).toMatch(new RegExp(`^Dry Creek \\(demo\\): (nothing waits for you|\\d+ items? needs? a person) \\(${day}\\)$`));
      expect(r.text).toContain(`Daily safety digest for Dry Creek (demo), ${day}.`);
      expect(r.text).toMatch(/for triage\./);
    }
    // Later the same day: nothing twice.
    await run(at + 3 * 3_600_000);
    expect(rows()).toHaveLength(people.length);
  });
});

test.describe('crew', () => {
  test('the hold page does not show crew who was told; producers see it', async ({ crew, producer, prod }) => {
    await crew.goto(`/productions/${prod.demo}/hold`);
    const standing = one<{ id: string }>('select id from holds where production_id = ? and lifted_at is null', prod.demo);
    if (!standing) {
      await crew.getByLabel('Why must work stop?').fill('Delivery e2e: cable across the fire exit');
      await crew.getByRole('button', { name: 'Call stop-work hold' }).click();
      await expect(crew.getByTestId('hold-banner').first()).toBeVisible();
    }
    await expect(crew.getByRole('heading', { name: 'Who was told' })).toHaveCount(0);
    await producer.goto(`/productions/${prod.demo}/hold`);
    const told = producer.getByRole('heading', { name: 'Who was told' });
    await expect(told).toBeVisible();
    await expect(producer.getByText('In the app').first()).toBeVisible();
    if (!standing) {
      await producer.getByLabel('Written resolution').fill('Cable moved and taped; exit clear (delivery e2e cleanup).');
      await producer.getByRole('button', { name: 'Lift hold' }).click();
      await producer.getByRole('button', { name: 'Yes, lift the hold' }).click();
      await expect(producer.getByTestId('hold-lifted')).toBeVisible();
      await expect(producer.getByTestId('hold-banner')).toHaveCount(0);
    }
  });
});

test.describe('auditor', () => {
  test('has alert choices too, for the productions they belong to', async ({ auditor }) => {
    await auditor.goto('/account');
    await expect(auditor.getByRole('form', { name: /^Alerts for / }).first()).toBeVisible();
  });
});
