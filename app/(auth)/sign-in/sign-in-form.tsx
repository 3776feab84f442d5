'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { SignInInput } from '@/app/lib/schemas/auth';
import { lazyResolver } from '@/components/form/lazy-resolver';
import { Field, FormError, Input, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { SecondFactorField, signInMessage, useSecondFactor } from '@/components/auth/second-factor';

// The first page everyone loads stays light (ARCHITECTURE.md: performance budget): zod, its
// resolver and next-auth's client load when the form is first touched, not to show it.
const validation = lazyResolver<SignInInput>(() =>
  Promise.all([import('@hookform/resolvers/zod'), import('@/app/lib/schemas/auth')]).then(([r, s]) => r.zodResolver(s.signInSchema)),
);
const loadSignIn = () => import('next-auth/react').then((m) => m.signIn);

export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string>();
  // Second step, shown once the password was right and the account has two-factor sign-in on.
  const factor = useSecondFactor();
  const form = useForm<SignInInput>({ resolver: validation.resolver, defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    const signIn = await loadSignIn().catch(() => null);
    if (!signIn) {
      setError('SetSafe could not be reached. Check your connection and try again.');
      return;
    }
    const res = await signIn('credentials', { ...values, ...factor.otp, redirect: false });
    if (res?.ok && !res.error) {
      window.location.assign(next);
      return;
    }
    const second = factor.answer(res?.error);
    if (second !== undefined) return setError(second ?? undefined);
    setError(signInMessage(res?.error, 'That email and password do not match an account.'));
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
      {factor.askCode ? <SecondFactorField code={factor.code} onChange={factor.setCode} /> : null}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Signing in…' : factor.askCode ? 'Verify and sign in' : 'Sign in'}
      </Button>
    </form>
  );
}
