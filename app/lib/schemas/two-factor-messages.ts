// The sign-in answers about a second factor, apart from the zod schemas: the sign-in forms show
// them, and importing them must not bring zod into the first load (ARCHITECTURE.md: performance budget).

/** What sign-in answers when the password was right and a second factor is on (the form then asks for it). */
export const TWO_FACTOR_REQUIRED = 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.';
export const WRONG_CODE = 'That code is not right. Check the time on your phone, or use a recovery code.';
