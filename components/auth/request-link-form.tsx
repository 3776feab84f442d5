'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { ActionResult } from '@/app/lib/errors';
import { requestSignInLinkSchema, type RequestSignInLinkInput } from '@/app/lib/schemas/sign-in-link';
import { describedBy, Field, FormError, FormSuccess, Input } from '@/components/form/field';
import { NETWORK_MESSAGE } from '@/components/form/form-result';
import { Button } from '@/components/ui/button';

/** The request form: one address in, the same answer out whether or not it has an account. */
export function RequestLinkForm({ request }: { request: (raw: unknown) => Promise<ActionResult<{ message: string }>> }) {
  const [result, setResult] = useState<{ ok: boolean; message: string }>();
  const form = useForm<RequestSignInLinkInput>({ resolver: zodResolver(requestSignInLinkSchema), defaultValues: { email: '' } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setResult(undefined);
    let res: ActionResult<{ message: string }>;
    try {
      res = await request(values);
    } catch {
      setResult({ ok: false, message: NETWORK_MESSAGE });
      return;
    }
    if (res.ok) return setResult({ ok: true, message: res.data.message });
    for (const [name, msgs] of Object.entries(res.fieldErrors ?? {})) if (name === 'email') form.setError('email', { message: msgs?.[0] });
    setResult({ ok: false, message: res.message });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {result && !result.ok ? <FormError message={result.message} /> : null}
      {result?.ok ? <FormSuccess message={result.message} /> : null}
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="username" inputMode="email" {...describedBy('email', errors.email?.message)} {...form.register('email')} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Sending…' : 'Email me a sign-in link'}
      </Button>
    </form>
  );
}
