import { randomUUID } from 'node:crypto';
import { test, expect } from './fixtures';
import { one, testDb } from './db';

// Other features write notifications; here the e2e database stands in for them.
function notify(email: string, productionId: string, title: string, minutesAgo: number, link: string | null = null) {
  const db = testDb();
  const { id: userId } = db.prepare('select id from users where email = ?').get(email) as { id: string };
  const id = randomUUID();
  db.prepare('insert into notifications (id, user_id, production_id, kind, title, body, link, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)').run(
    id, userId, productionId, 'hold_called', title, `Body of ${title}`, link, Date.now() - minutesAgo * 60_000,
  );
  db.close();
  return id;
}
function unreadOf(email: string): number {
  const r = one<{ n: number }>('select count(*) as n from notifications n join users u on u.id = n.user_id where u.email = ? and n.read_at is null', email);
  return r.n;
}

test('a person sees their own notifications newest first and marks them read', async ({ ad, prod }) => {
  const tag = randomUUID().slice(0, 6);
  notify('ad@setsafe.test', prod.demo, `Older ${tag}`, 30);
  notify('ad@setsafe.test', prod.demo, `Newest ${tag}`, 1, `/productions/${prod.demo}`);
  notify('ad@setsafe.test', prod.demo, `Middle ${tag}`, 10, 'https://evil.example/phish');
  notify('crew@setsafe.test', prod.demo, `Not yours ${tag}`, 0);

  await ad.goto(`/productions/${prod.demo}`);
  await expect(ad.getByRole('link', { name: /Notifications: \d+ unread/ })).toBeVisible();
  await ad.getByRole('link', { name: /Notifications: \d+ unread/ }).click();
  await expect(ad.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  const items = ad.getByTestId('notification').filter({ hasText: tag });
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText(`Newest ${tag}`);
  await expect(items.nth(1)).toContainText(`Middle ${tag}`);
  await expect(items.nth(2)).toContainText(`Older ${tag}`);
  await expect(ad.getByText(`Not yours ${tag}`)).toHaveCount(0);
  // Only links inside SetSafe are links.
  await expect(items.nth(0).getByRole('link', { name: `Newest ${tag}` })).toHaveAttribute('href', `/productions/${prod.demo}`);
  await expect(items.nth(1).getByRole('link')).toHaveCount(0);

  await items.nth(2).getByRole('button', { name: `Mark read: Older ${tag}` }).click();
  await expect(items.nth(2)).toContainText('✓ Read');
  await expect(items.nth(0)).toContainText('New');

  await ad.getByRole('button', { name: 'Mark all read' }).click();
  await expect(ad.getByText('All read')).toBeVisible();
  await expect(ad.getByRole('link', { name: 'Notifications: none unread' })).toBeVisible();
  expect(unreadOf('ad@setsafe.test')).toBe(0);
  expect(unreadOf('crew@setsafe.test')).toBeGreaterThan(0);

  await items.nth(0).getByRole('link').click();
  await expect(ad).toHaveURL(new RegExp(`/productions/${prod.demo}$`));
});
