'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { SignInInput } from '@/app/lib/schemas/auth';
import { lazyResolver } from '@/components/form/lazy-resolver';
import { Field, FormError, Input, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { TWO_FACTOR_REQUIRED, WRONG_CODE } from '@/app/lib/schemas/two-factor-messages';

// The first page everyone loads stays light (ARCHITECTURE.md: performance budget): zod, its
// resolver and next-auth's client load when the form is first touched, not to show it.
const validation = lazyResolver<SignInInput>(() =>
  Promise.all([import('@hookform/resolvers/zod'), import('@/app/lib/schemas/auth')]).then(([r, s]) => r.zodResolver(s.signInSchema)),
);
const loadSignIn = () => import('next-auth/react').then((m) => m.signIn);

export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string>();
  // Second step, shown once the password was right and the account has two-factor sign-in on.
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const form = useForm<SignInInput>({ resolver: validation.resolver, defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    const signIn = await loadSignIn().catch(() => null);
    if (!signIn) {
      setError('SetSafe could not be reached. Check your connection and try again.');
      return;
    }
    const res = await signIn('credentials', { ...values, ...(askCode ? { otp: code } : {}), redirect: false });
    if (res?.ok && !res.error) {
      window.location.assign(next);
      return;
    }
    if (res?.error === TWO_FACTOR_REQUIRED || res?.error === WRONG_CODE) {
      setAskCode(true);
      if (res.error === WRONG_CODE || askCode) setError(res.error === WRONG_CODE ? WRONG_CODE : 'Enter the code.');
      return;
    }
    setError(
      res?.error && res.error !== 'CredentialsSignin' && !res.error.startsWith('Error')
        ? res.error
        : 'That email and password do not match an account.',
    );
  });

  return (
    <form onSubmit={onSubmit} onFocusCapture={() => (validation.preload(), void loadSignIn())} noValidate className="flex flex-col gap-4">
      <FormError message={error} />
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="username" inputMode="email" {...describedBy('email', errors.email?.message)} {...form.register('email')} />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...describedBy('password', errors.password?.message)} {...form.register('password')} />
      </Field>
      {askCode ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="otp" className="font-semibold">
            Code from your authenticator app
          </label>
          <p id="otp-help" className="text-sm text-muted">
            {TWO_FACTOR_REQUIRED} A recovery code works once.
          </p>
          <Input
            id="otp"
            name="otp"
            autoComplete="one-time-code"
            inputMode="text"
            autoFocus
            aria-describedby="otp-help"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
      ) : null}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Signing in…' : askCode ? 'Verify and sign in' : 'Sign in'}
      </Button>
    </form>
  );
}
