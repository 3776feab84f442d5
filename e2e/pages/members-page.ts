// Page object for the members screen, and the invite → set-password flow other specs reuse to
// make fresh accounts (never sign out or re-password the shared demo accounts: auth-state.ts).
import { expect, type Browser, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { LABELS, type Position, type Role } from '../../app/lib/enums';

export type NewMember = { email: string; name: string; role: Role; positions?: Position[] };

/** A unique address per call, so specs never collide across runs of the same database. */
export function freshEmail(prefix: string): string {
  return `${prefix}.${randomUUID().slice(0, 8)}@setsafe.test`;
}

export class MembersPage {
  constructor(
    readonly page: Page,
    readonly productionId: string,
  ) {}

  async goto() {
    await this.page.goto(`/productions/${this.productionId}/members`);
    await expect(this.page.getByRole('heading', { name: 'Members', level: 1 })).toBeVisible();
  }

  get inviteCard() {
    return this.page.getByRole('region', { name: 'Add a member' });
  }

  member(name: string) {
    return this.page.getByTestId('member').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** Fills the invite form; returns the one-time link when one is shown (null for existing accounts). */
  async invite(m: NewMember): Promise<string | null> {
    const card = this.inviteCard;
    await card.getByLabel(/^Email/).fill(m.email);
    await card.getByLabel(/^Name/).fill(m.name);
    await card.getByLabel(/^Role/).selectOption(m.role);
    for (const p of m.positions ?? []) await card.getByLabel(LABELS.position[p], { exact: true }).check();
    await card.getByRole('button', { name: 'Add member and make link' }).click();
    const link = card.getByTestId('invite-link');
    const existing = card.getByText('already has a SetSafe account and is now a member');
    await expect(link.or(existing).or(card.getByRole('alert').filter({ hasText: /\S/ }))).toBeVisible();
    if (await link.isVisible()) return link.getByRole('textbox', { name: 'Invite link' }).inputValue();
    return null;
  }

  async openEditor(name: string) {
    const row = this.member(name);
    const details = row.locator('details');
    if ((await details.getAttribute('open')) === null) await row.getByText('Role, positions and access').click();
    return row;
  }

  async changeRole(name: string, role: Role, positions?: Position[]) {
    const row = await this.openEditor(name);
    await row.getByLabel(`Role of ${name}`).selectOption(role);
    if (positions) {
      for (const p of Object.keys(LABELS.position) as Position[]) {
        await row.getByLabel(LABELS.position[p], { exact: true }).setChecked(positions.includes(p));
      }
    }
    await row.getByRole('button', { name: 'Save role and positions' }).click();
    return row;
  }

  async remove(name: string) {
    const row = await this.openEditor(name);
    await row.getByRole('button', { name: /^(Remove from production|Leave this production)$/ }).click();
    await row.getByRole('button', { name: /^Yes, remove/ }).click();
  }
}

/** Opens a set-password link in a fresh browser (the invited person's phone) and sets the password. */
export async function acceptInviteLink(browser: Browser, link: string, password: string): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(link);
    await page.getByLabel('New password').fill(password);
    await page.getByLabel('Type it again').fill(password);
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(page).toHaveURL(/\/sign-in\?welcome=1$/);
  } finally {
    await context.close();
  }
}

/** Producer invites a fresh member and the member sets a password: returns their credentials. */
export async function inviteAndActivate(
  browser: Browser,
  producer: Page,
  productionId: string,
  m: Partial<NewMember> & { role: Role },
): Promise<{ email: string; name: string; password: string }> {
  const email = m.email ?? freshEmail(m.role);
  const name = m.name ?? `Day Player ${email.split('.')[1].slice(0, 4).toUpperCase()}`;
  const password = `pw-${randomUUID()}`;
  const members = new MembersPage(producer, productionId);
  await members.goto();
  const link = await members.invite({ email, name, role: m.role, positions: m.positions });
  if (!link) throw new Error(`No invite link was shown for ${email}`);
  await acceptInviteLink(browser, link, password);
  return { email, name, password };
}
