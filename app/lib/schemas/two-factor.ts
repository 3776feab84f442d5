import { z } from 'zod';

export { TWO_FACTOR_REQUIRED, WRONG_CODE } from './two-factor-messages';

/** A 6-digit code from an authenticator app, or a recovery code (xxxxx-xxxxx); spaces ignored. */
export const otpCode = z
  .string()
  .transform((v) => v.replace(/\s+/g, '').toLowerCase())
  .pipe(z.string().min(1, 'Enter the code.').max(20, 'That code is too long.').regex(/^(\d{6}|[a-z0-9]{5}-?[a-z0-9]{5})$/, 'Enter the 6-digit code from your app, or a recovery code.'));

export const confirmTwoFactorSchema = z.object({ code: otpCode });
export type ConfirmTwoFactorInput = z.input<typeof confirmTwoFactorSchema>;

export const requireTwoFactorSchema = z.object({ required: z.boolean() });
