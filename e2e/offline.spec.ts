// Filing that survives a lost signal (ARCHITECTURE.md: phones and offline), on a 375 px phone: the form keeps a draft on the
// device, a submission without a network is queued and says so plainly, and the queued report is
// sent when the connection returns (the `online` event, or the next page load) — exactly once,
// because the id is made on the device. "Unsafe condition" is used so no hold or pattern rule fires.
import { randomUUID } from 'node:crypto';
import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { one, testDb } from './db';

// The service worker is what these tests are about (the suite blocks it elsewhere, playwright.config.ts).
test.use({ viewport: { width: 375, height: 812 }, serviceWorkers: 'allow' });

const OFFLINE = 'No signal — your report is saved on this phone and will be sent when the connection returns.';

function rows(where: { id?: string; description?: string }) {
  const db = testDb();
  try {
    if (where.id) return db.prepare('select id, description, location, reporter_id from incidents where id = ?').all(where.id) as { id: string; description: string }[];
    return db.prepare('select id, description, location, reporter_id from incidents where description = ?').all(where.description) as { id: string; description: string }[];
  } finally {
    db.close();
  }
}

type Queued = { productionId: string; ownerId: string; values: { id: string; description: string } };

function userId(email: string): string {
  return one<{ id: string }>('select id from users where email = ?', email).id;
}
const outboxOf = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('setsafe:outbox') ?? '[]') as Queued[]);

async function fill(page: Page, description: string, where = 'Stage 2, by the cart') {
  await page.getByRole('radio', { name: 'Unsafe condition', exact: true }).check();
  await page.getByLabel('What happened?').fill(description);
  await page.getByLabel('Where?').fill(where);
}

test('a report filed with no signal is kept, then lands exactly once when the connection returns', async ({ crew, prod }) => {
  const description = `Cable run across the fire exit, filed offline ${randomUUID()}`;
  await crew.goto(`/productions/${prod.demo}/incidents/new`);
  await fill(crew, description);
  // Every POST is tracked until it is answered or fails, so "nothing reached the server" is read
  // only after any attempt the form made has ended.
  const inFlight = new Set<Request>();
  crew.on('request', (r) => void (r.method() === 'POST' && inFlight.add(r)));
  crew.on('requestfinished', (r) => void inFlight.delete(r));
  crew.on('requestfailed', (r) => void inFlight.delete(r));

  await crew.context().setOffline(true);
  await crew.getByRole('button', { name: 'File report' }).click();
  await expect(crew.getByText(OFFLINE)).toBeVisible();
  await expect(crew.getByTestId('outbox-status')).toContainText('One report is saved on this phone');
  await crew.screenshot({ path: 'test-results/screens/375/crew/offline-queued.png', fullPage: true });

  const [queued] = await outboxOf(crew);
  expect(queued.values.description).toBe(description);
  expect(queued.productionId).toBe(prod.demo);
  expect(queued.ownerId).toBe(userId('crew@setsafe.test'));
  // Nothing reached the server.
  await expect.poll(() => inFlight.size).toBe(0);
  expect(rows({ id: queued.values.id })).toHaveLength(0);
  expect(rows({ description })).toHaveLength(0);

  await crew.context().setOffline(false); // fires `online`: the signed-in layout sends the outbox
  await expect(crew.getByTestId('queued-notice')).toContainText('Sent: your report is filed');
  await expect(crew.getByTestId('outbox-status')).toContainText('A report saved on this phone was sent');
  await crew.screenshot({ path: 'test-results/screens/375/crew/offline-sent.png', fullPage: true });
  await expect.poll(() => rows({ description }).length).toBe(1);
  expect(rows({ description })[0].id).toBe(queued.values.id);
  expect(await outboxOf(crew)).toEqual([]);

  // The link goes to the report, as the crew member who filed it.
  await crew.getByTestId('outbox-status').getByRole('link').click();
  await expect(crew).toHaveURL(new RegExp(`/incidents/${queued.values.id}$`));
  await expect(crew.getByText(description)).toBeVisible();

  // A response lost on the way back leaves the item queued although the server stored it: the
  // next page load sends it again, and the client-made id makes that the same report.
  await crew.evaluate((item) => localStorage.setItem('setsafe:outbox', JSON.stringify([{ ...item, queuedAt: Date.now() }])), queued);
  await crew.goto(`/productions/${prod.demo}`);
  await expect.poll(() => outboxOf(crew)).toEqual([]);
  expect(rows({ description })).toHaveLength(1);
});

test('a request that dies on the way is queued and sent on the next page load', async ({ crew, prod }) => {
  const description = `Loose sandbag on the light stand, request dropped ${randomUUID()}`;
  await crew.goto(`/productions/${prod.demo}/incidents/new`);
  await fill(crew, description);
  // The browser still thinks it is online; the server action's request fails in the network.
  await crew.route('**/incidents/new', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
  await crew.getByRole('button', { name: 'File report' }).click();
  await expect(crew.getByText(OFFLINE)).toBeVisible();
  expect(rows({ description })).toHaveLength(0);
  await crew.unrouteAll();

  await crew.goto(`/productions/${prod.demo}`);
  await expect(crew.getByTestId('outbox-status')).toContainText('A report saved on this phone was sent');
  await expect.poll(() => rows({ description }).length).toBe(1);
});

test('the draft survives a reload and is cleared once the report is filed', async ({ crew, prod }) => {
  const description = `Smoke machine fluid spilled on the stairs ${randomUUID()}`;
  const url = `/productions/${prod.demo}/incidents/new`;
  await crew.goto(url);
  await fill(crew, description, 'Stair unit, stage 2');
  await crew.getByRole('button', { name: /Add more detail/ }).click();
  await crew.getByLabel('Scene / setup').fill('14B');

  await crew.reload();
  await expect(crew.getByTestId('draft-restored')).toBeVisible();
  await crew.screenshot({ path: 'test-results/screens/375/crew/draft-restored.png', fullPage: true });
  await expect(crew.getByLabel('What happened?')).toHaveValue(description);
  await expect(crew.getByLabel('Where?')).toHaveValue('Stair unit, stage 2');
  await expect(crew.getByRole('radio', { name: 'Unsafe condition', exact: true })).toBeChecked();
  await expect(crew.getByLabel('Scene / setup')).toHaveValue('14B'); // the detail section reopens

  await crew.getByRole('button', { name: 'File report' }).click();
  await expect(crew).toHaveURL(/\/incidents\/[0-9a-f-]{36}\?filed=1$/);
  expect(rows({ description })).toHaveLength(1);

  await crew.goto(url);
  await expect(crew.getByLabel('What happened?')).toHaveValue('');
  await expect(crew.getByTestId('draft-restored')).toHaveCount(0);
  expect(await crew.evaluate((key) => localStorage.getItem(key), `setsafe:draft:${prod.demo}:${userId('crew@setsafe.test')}`)).toBeNull();
});

test('“Discard it” drops the kept draft', async ({ crew, prod }) => {
  const url = `/productions/${prod.demo}/incidents/new`;
  await crew.goto(url);
  await fill(crew, `A draft to throw away ${randomUUID()}`);
  await crew.reload();
  await crew.getByRole('button', { name: 'Discard it' }).click();
  await expect(crew.getByLabel('What happened?')).toHaveValue('');
  await crew.reload();
  await expect(crew.getByTestId('draft-restored')).toHaveCount(0);
  await expect(crew.getByLabel('What happened?')).toHaveValue('');
});

test('a phone passed between members: a report one queued is never sent under the other\u2019s name', async ({ crew, actor, prod }) => {
  const description = `Queued by the actor on a shared phone ${randomUUID()}`;
  const item = { productionId: prod.demo, ownerId: userId('actor@setsafe.test'), values: { id: randomUUID(), type: 'unsafe_condition', description, location: 'Stage 2', severity: 'unrated' }, queuedAt: Date.now() };
  // The actor queued it with no signal and handed the phone over; the crew member signs in.
  await crew.goto(`/productions/${prod.demo}`);
  await crew.evaluate((i) => localStorage.setItem('setsafe:outbox', JSON.stringify([i])), item);
  await crew.goto(`/productions/${prod.demo}/incidents/new`);
  await expect(crew.getByTestId('outbox-others')).toContainText('One report another member filed on this phone waits for them');
  // The crew member's own draft is theirs: the actor's words are not in the form.
  await expect(crew.getByLabel('What happened?')).toHaveValue('');
  await crew.goto(`/productions/${prod.demo}`); // another page load: still not sent
  await expect(crew.getByTestId('outbox-others')).toBeVisible();
  expect(rows({ description })).toHaveLength(0);
  expect((await outboxOf(crew)).map((q) => q.values.id)).toEqual([item.values.id]);

  // Back with the actor signed in, it goes, under the actor's name.
  await actor.goto(`/productions/${prod.demo}`);
  await actor.evaluate((i) => localStorage.setItem('setsafe:outbox', JSON.stringify([i])), item);
  await actor.goto(`/productions/${prod.demo}`);
  await expect(actor.getByTestId('outbox-status')).toContainText('A report saved on this phone was sent');
  await expect.poll(() => rows({ description }).length).toBe(1);
  expect((rows({ description })[0] as unknown as { reporter_id: string }).reporter_id).toBe(userId('actor@setsafe.test'));
});
