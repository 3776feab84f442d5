import { test, expect } from './fixtures';
import { signIn } from './helpers';
import { MembersPage, acceptInviteLink, freshEmail, inviteAndActivate } from './pages/members-page';
import { one, query } from './db';

test.describe('producer', () => {
  test('invites a member, who sets a password through the one-time link and signs in', async ({ producer, prod, browser, page }) => {
    const members = new MembersPage(producer, prod.demo);
    await members.goto();
    const email = freshEmail('dayplayer');
    const link = await members.invite({ email, name: 'Dana Day-Player', role: 'crew', positions: ['actor', 'stunt_performer'] });
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await expect(members.member('Dana Day-Player')).toContainText('Invited, no password yet');
    await expect(members.member('Dana Day-Player')).toContainText('Actor, Stunt performer');

    // The invite page says who and where, and refuses a weak password next to its field.
    await page.goto(link!);
    await expect(page.getByRole('heading', { name: 'Welcome, Dana Day-Player' })).toBeVisible();
    await expect(page.getByText('Dry Creek (demo)')).toBeVisible();
    await page.getByLabel('New password').fill('short');
    await page.getByLabel('Type it again').fill('short');
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
    await page.getByLabel('New password').fill('a long enough password');
    await page.getByLabel('Type it again').fill('a long enough password');
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(page).toHaveURL(/\/sign-in\?welcome=1$/);
    await expect(page.getByText('Your password is set.')).toBeVisible();

    await signIn(page, email, 'a long enough password');
    await expect(page).toHaveURL(new RegExp(`/productions/${prod.demo}$`));
    await expect(page.getByText('you are Crew')).toBeVisible();

    // One-time: the same link now explains itself instead of working again.
    const again = await browser.newPage();
    await again.goto(link!);
    await expect(again.getByTestId('invite-problem')).toHaveText(/already been used/);
    await again.close();

    await producer.reload();
    await expect(members.member('Dana Day-Player')).not.toContainText('Invited, no password yet');
    const audit = query<{ action: string }>("select action from audit_log where chain = ? and action in ('member.add','invite.create','invite.use') order by seq", prod.demo);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['member.add', 'invite.create', 'invite.use']));
  });

  test('changes a role and it applies at the member’s next request', async ({ producer, prod, browser, page }) => {
    const m = await inviteAndActivate(browser, producer, prod.demo, { role: 'crew', positions: ['camera'] });
    await signIn(page, m.email, m.password);
    const nav = page.getByRole('navigation', { name: 'Production' });
    await expect(page.getByText('you are Crew')).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Firearms' })).toHaveCount(0);

    const members = new MembersPage(producer, prod.demo);
    const row = await members.changeRole(m.name, 'armorer', ['props']);
    await expect(row.getByText('Saved. It applies from their next page load.')).toBeVisible();

    await page.reload();
    await expect(page.getByText('you are Armorer')).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Firearms' })).toBeVisible();
    await expect(page.getByText('Your positions')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Production' })).toContainText('Props');
  });

  test('removes a member, which ends their sessions at once', async ({ producer, prod, browser, page }) => {
    const m = await inviteAndActivate(browser, producer, prod.demo, { role: 'crew' });
    await signIn(page, m.email, m.password);
    await expect(page.getByText('you are Crew')).toBeVisible();

    const members = new MembersPage(producer, prod.demo);
    await members.remove(m.name);
    await expect(members.member(m.name)).toHaveCount(0);

    await page.reload();
    await expect(page).toHaveURL(/\/sign-in$/);
    // Signing in again works, but the production is gone for them: 404, as if it never existed.
    await signIn(page, m.email, m.password);
    await expect(page.getByRole('heading', { name: 'Your productions' })).toBeVisible();
    const res = await page.goto(`/productions/${prod.demo}`);
    expect(res?.status()).toBe(404);
  });

  test('a new link replaces the old one for someone who has not set a password', async ({ producer, prod, page }) => {
    const members = new MembersPage(producer, prod.demo);
    await members.goto();
    const first = await members.invite({ email: freshEmail('slow'), name: 'Slow Sam', role: 'crew' });
    const row = await members.openEditor('Slow Sam');
    await row.getByRole('button', { name: 'New set-password link' }).click();
    const second = await row.getByTestId('invite-link').getByRole('textbox', { name: 'Invite link' }).inputValue();
    expect(second).not.toBe(first);
    await page.goto(first!);
    await expect(page.getByTestId('invite-problem')).toHaveText(/expired or was replaced/);
    await page.goto(second);
    await expect(page.getByRole('heading', { name: 'Welcome, Slow Sam' })).toBeVisible();
  });

  test('inviting someone already on the show is refused next to the email', async ({ producer, prod }) => {
    const members = new MembersPage(producer, prod.demo);
    await members.goto();
    const link = await members.invite({ email: 'actor@setsafe.test', name: 'Cal Again', role: 'producer' });
    expect(link).toBeNull();
    await expect(members.inviteCard.getByRole('alert').first()).toContainText('Cal Actor is already a member of this production.');
    await expect(members.inviteCard.getByText('Already a member: change their role in the list below.')).toBeVisible();
  });

  test('an account from another production is added at once, without a link', async ({ producer, other, prod, browser }) => {
    const m = await inviteAndActivate(browser, producer, prod.demo, { role: 'crew', positions: ['stunt_performer'] });
    // Other Show's producer adds the same person as a day player: their account and password stay theirs.
    const members = new MembersPage(other, prod.other);
    await members.goto();
    const link = await members.invite({ email: m.email, name: 'Ignored Name', role: 'crew', positions: ['stunt_performer'] });
    expect(link).toBeNull();
    await expect(members.inviteCard.getByText(`${m.name} already has a SetSafe account`)).toBeVisible();
    await expect(members.member(m.name)).toBeVisible();
    await expect(members.member('Ignored Name')).toHaveCount(0);
  });

  test('the only producer cannot demote or remove themselves', async ({ other, prod }) => {
    const members = new MembersPage(other, prod.other);
    await members.goto();
    const me = 'Olive Other-Producer';
    const row = members.page.getByTestId('member').filter({ hasText: me });
    await row.getByText('Role, positions and access').click();
    await row.getByLabel(`Role of ${me}`).selectOption('crew');
    await row.getByRole('button', { name: 'Save role and positions' }).click();
    await expect(row.getByRole('alert').first()).toContainText('You are the only producer of this production');
    await row.getByRole('button', { name: 'Leave this production' }).click();
    await row.getByRole('button', { name: 'Yes, remove me' }).click();
    await expect(row.getByRole('alert').filter({ hasText: 'cannot remove yourself' })).toBeVisible();

    const r = one<{ role: string }>('select m.role from memberships m join users u on u.id = m.user_id where u.email = ? and m.production_id = ?', 'other.producer@setsafe.test', prod.other);
    expect(r.role).toBe('producer');
  });
});

test.describe('members who do not manage members', () => {
  for (const role of ['crew', 'armorer', 'auditor'] as const) {
    test(`${role} sees names, roles and positions but no emails or controls`, async ({ pageAs, prod }) => {
      const page = await pageAs(role);
      const members = new MembersPage(page, prod.demo);
      await members.goto();
      await expect(members.member('Cal Actor')).toContainText('Crew');
      await expect(members.member('Cal Actor')).toContainText('Actor');
      await expect(page.getByText('actor@setsafe.test')).toHaveCount(0);
      await expect(page.getByRole('region', { name: 'Add a member' })).toHaveCount(0);
      await expect(page.getByText('Role, positions and access')).toHaveCount(0);
    });
  }
});

test('an unknown invite link gets a clear message, not an error', async ({ page }) => {
  for (const token of ['nope', 'x'.repeat(43), 'a'.repeat(500)]) {
    const res = await page.goto(`/invite/${token}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByTestId('invite-problem')).toHaveText(/not valid/);
  }
});

test('unused invite acceptance is not possible twice from two tabs', async ({ producer, prod, browser }) => {
  const members = new MembersPage(producer, prod.demo);
  await members.goto();
  const link = await members.invite({ email: freshEmail('twice'), name: 'Twice Tess', role: 'crew' });
  const a = await browser.newPage();
  const b = await browser.newPage();
  await a.goto(link!);
  await b.goto(link!);
  await acceptInviteLink(browser, link!, 'first password!!');
  await b.getByLabel('New password').fill('second password!!');
  await b.getByLabel('Type it again').fill('second password!!');
  await b.getByRole('button', { name: 'Set password' }).click();
  await expect(b.getByRole('alert').first()).toContainText('already been used');
  await a.close();
  await b.close();
});
