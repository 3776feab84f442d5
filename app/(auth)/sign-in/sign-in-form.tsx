'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { signInSchema, type SignInInput } from '@/app/lib/schemas/auth';
import { Field, FormError, Input, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { SecondFactorField, signInMessage, useSecondFactor } from '@/components/auth/second-factor';

export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string>();
  // Second step, shown once the password was right and the account has two-factor sign-in on.
  const factor = useSecondFactor();
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
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
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
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
