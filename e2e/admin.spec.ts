import { test, expect } from './fixtures';
import { signIn } from './helpers';
import { MembersPage, acceptInviteLink, freshEmail } from './pages/members-page';
import { one, testDb } from './db';

test.describe('site admin', () => {
  test('creates a production with its first producer, who takes it from there', async ({ admin, browser, page }) => {
    await admin.goto('/admin');
    const form = admin.getByRole('region', { name: 'New production' });
    const title = `Night Shoot ${Date.now()}`;
    const email = freshEmail('producer');

    // A made-up time zone and dates in the wrong order are refused next to their fields.
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Production company').fill('Moonlight Films');
    await form.getByLabel('Locations').fill('Stage 4');
    await form.getByLabel('First day').fill('2027-03-10');
    await form.getByLabel('Last day').fill('2027-03-01');
    await form.getByLabel('Time zone').fill('Mars/Olympus_Mons');
    await form.getByLabel('Phase').selectOption('prep');
    await form.getByLabel('Producer’s email').fill(email);
    await form.getByLabel('Producer’s name').fill('Nina Night-Producer');
    await form.getByRole('button', { name: 'Create production' }).click();
    await expect(form.getByText('Not a known time zone.')).toBeVisible();
    await expect(form.getByText('The end date is before the start date.')).toBeVisible();

    await form.getByLabel('Last day').fill('2027-04-30');
    await form.getByLabel('Time zone').fill('europe/london');
    await form.getByRole('button', { name: 'Create production' }).click();
    await expect(form.getByText(`Created ${title}, with Nina Night-Producer as its producer.`)).toBeVisible();
    const link = await form.getByTestId('invite-link').getByRole('textbox', { name: 'Invite link' }).inputValue();
    const row = admin.getByTestId('admin-production').filter({ hasText: title });
    await expect(row).toContainText('Europe/London');
    await expect(row).toContainText('Nina Night-Producer');

    // The admin manages productions but sees their records only as a member: 404 here.
    const { id } = one<{ id: string }>('select id from productions where title = ?', title);
    expect((await admin.goto(`/productions/${id}`))?.status()).toBe(404);

    // The new producer sets a password, signs in and edits the production's details.
    await acceptInviteLink(browser, link, 'night shoot password');
    await signIn(page, email, 'night shoot password');
    await expect(page).toHaveURL(new RegExp(`/productions/${id}$`));
    await expect(page.getByText('you are Producer')).toBeVisible();
    await page.getByRole('link', { name: 'Edit details' }).click();
    await expect(page.getByRole('heading', { name: 'Production settings' })).toBeVisible();
    await page.getByLabel('Time zone').fill('Nowhere/Special');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Not a known time zone.')).toBeVisible();
    await page.getByLabel('Time zone').fill('America/New_York');
    await page.getByLabel('Locations').fill('Stage 4; Pier 9');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByRole('region', { name: 'Production' })).toContainText('America/New_York');
    await expect(page.getByRole('region', { name: 'Production' })).toContainText('Stage 4; Pier 9');

    // Admin wraps it: read-only for everyone, the producer included.
    await admin.goto('/admin');
    await admin.getByTestId('admin-production').filter({ hasText: title }).getByLabel(`Phase of ${title}`).selectOption('wrapped');
    await admin.getByTestId('admin-production').filter({ hasText: title }).getByRole('button', { name: 'Set phase' }).click();
    await expect(admin.getByTestId('admin-production').filter({ hasText: title }).getByText('Now Wrapped.')).toBeVisible();

    await page.reload();
    await expect(page.getByText('Wrapped — this production is read-only.')).toBeVisible();
    const members = new MembersPage(page, id);
    await members.goto();
    await expect(members.inviteCard).toHaveCount(0);
    await expect(page.getByText('Role, positions and access')).toHaveCount(0);
    await page.goto(`/productions/${id}/settings`);
    await expect(page.getByLabel('Title')).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);

    const db2 = testDb();
    const actions = db2.prepare("select action from audit_log where chain = ? order by seq").all(id) as { action: string }[];
    const site = db2.prepare("select count(*) as n from audit_log where chain = 'site' and entity_id = ? and action = 'production.phase'").get(id) as { n: number };
    db2.close();
    expect(actions.map((a) => a.action)).toEqual(['production.create', 'member.add', 'invite.create', 'invite.use', 'production.update', 'production.phase']);
    expect(site.n).toBe(1);
  });
});
