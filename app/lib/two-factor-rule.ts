// Who must use two-factor sign-in before working (README: Security). Pure.

/** Roles a production's "require two-factor sign-in" setting applies to. */
export const TWO_FACTOR_ROLES = ['producer', 'auditor'] as const;
/** The site setting (site_settings key) that requires it of site admins. */
export const ADMIN_2FA_SETTING = 'require_two_factor_admins';

export const MUST_ENROL_MESSAGE = 'This production requires two-factor sign-in for producers and auditors. Turn it on from your Account page first.';
export const ADMIN_MUST_ENROL_MESSAGE = 'Site admins must use two-factor sign-in. Turn it on from your Account page first.';

/** Whether this member must set up two-factor sign-in before working on the production. */
export function mustEnrol(actor: { role: string; production: { requireTwoFactor: boolean } }, user: { twoFactor?: boolean }): boolean {
  return actor.production.requireTwoFactor && (TWO_FACTOR_ROLES as readonly string[]).includes(actor.role) && !user.twoFactor;
}
