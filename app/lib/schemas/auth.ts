import { z } from 'zod';

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email.').max(254, 'That email is too long.').email('Enter a valid email address.'),
  password: z.string().min(1, 'Enter your password.').max(200, 'That password is too long.'),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const newPasswordSchema = z
  .object({
    password: z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.'),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: 'The two passwords differ.', path: ['confirm'] });

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, 'Enter your current password.').max(200),
    password: z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.'),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: 'The two passwords differ.', path: ['confirm'] });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
