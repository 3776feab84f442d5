import { z } from 'zod';

/** The sign-in link request form: just the account's address. */
export const requestSignInLinkSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email.').max(254, 'That email is too long.').email('Enter a valid email address.'),
});
export type RequestSignInLinkInput = z.infer<typeof requestSignInLinkSchema>;

/** One answer whether or not the address has an account, so the form cannot be used to find accounts. */
export const SIGN_IN_LINK_SENT = 'If that address has a SetSafe account, a sign-in link is on its way to it. The link works once, for 15 minutes.';
