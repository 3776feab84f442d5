'use client';

import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { newPasswordSchema } from '@/app/lib/schemas/auth';
import type { ActionResult } from '@/app/lib/errors';
import { Field, FormError, Input, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';

type Values = z.infer<typeof newPasswordSchema>;

export function SetPasswordForm({ email, accept }: { email: string; accept: (v: Values) => Promise<ActionResult<{ email: string }>> }) {
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(newPasswordSchema), defaultValues: { password: '', confirm: '' } });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const res = await accept(values);
    if (res.ok) {
      router.replace('/sign-in?welcome=1');
      return;
    }
    for (const [name, msgs] of Object.entries(res.fieldErrors ?? {})) form.setError(name as keyof Values, { message: msgs?.[0] });
    form.setError('root', { message: res.message });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={errors.root?.message} />
      {/* Lets password managers save the new password against the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field id="password" label="New password" hint="At least 10 characters. A short sentence is easy to remember." error={errors.password?.message}>
        <Input type="password" autoComplete="new-password" {...describedBy('password', errors.password?.message, true)} {...form.register('password')} />
      </Field>
      <Field id="confirm" label="Type it again" error={errors.confirm?.message}>
        <Input type="password" autoComplete="new-password" {...describedBy('confirm', errors.confirm?.message)} {...form.register('confirm')} />
      </Field>
      <Button type="submit" disabled={isSubmitting || (isSubmitSuccessful && !errors.root)}>
        {isSubmitting ? 'Saving…' : 'Set password'}
      </Button>
    </form>
  );
}
