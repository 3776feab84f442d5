'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { changePasswordSchema, type ChangePasswordInput } from '@/app/lib/schemas/auth';
import type { ActionResult } from '@/app/lib/errors';
import { Field, FormError, FormSuccess, Input, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { submitAction } from '@/components/form/form-result';

export function ChangePasswordForm({ email, change }: { email: string; change: (v: ChangePasswordInput) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const [done, setDone] = useState<string>();
  const form = useForm<ChangePasswordInput>({ resolver: zodResolver(changePasswordSchema), defaultValues: { current: '', password: '', confirm: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(undefined);
    const res = await submitAction(form, () => change(values));
    if (!res?.ok) return;
    // The change ended every session, this one included: sign this browser in again with the new password.
    const again = await signIn('credentials', { email, password: values.password, redirect: false });
    if (!again?.ok || again.error) {
      router.replace('/sign-in?ended=1');
      return;
    }
    form.reset();
    setDone('Password changed. You are still signed in here; every other session has been signed out.');
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={errors.root?.server?.message} />
      <FormSuccess message={done} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field id="current" label="Current password" error={errors.current?.message}>
        <Input type="password" autoComplete="current-password" {...describedBy('current', errors.current?.message)} {...form.register('current')} />
      </Field>
      <Field id="password" label="New password" hint="At least 10 characters." error={errors.password?.message}>
        <Input type="password" autoComplete="new-password" {...describedBy('password', errors.password?.message, true)} {...form.register('password')} />
      </Field>
      <Field id="confirm" label="Type the new password again" error={errors.confirm?.message}>
        <Input type="password" autoComplete="new-password" {...describedBy('confirm', errors.confirm?.message)} {...form.register('confirm')} />
      </Field>
      <Button type="submit" disabled={isSubmitting} className="self-start">
        {isSubmitting ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
