'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { createProductionSchema, type CreateProductionInput } from '@/app/lib/schemas/production';
import type { ActionResult } from '@/app/lib/errors';
import type { CreatedProduction } from '@/app/lib/productions';
import { Field, FormError, FormSuccess, Input, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { InviteLink } from '@/components/members/invite-link';
import { ProductionFields, type BindField } from '@/components/productions/production-fields';
import { submitAction } from '@/components/form/form-result';

const EMPTY: CreateProductionInput = {
  title: '',
  company: '',
  locations: '',
  startDate: '',
  endDate: '',
  timeZone: '',
  phase: 'prep',
  producerEmail: '',
  producerName: '',
};

export function CreateProductionForm({ create }: { create: (v: CreateProductionInput) => Promise<ActionResult<CreatedProduction>> }) {
  const router = useRouter();
  const [done, setDone] = useState<CreatedProduction | null>(null);
  const form = useForm<CreateProductionInput>({ resolver: zodResolver(createProductionSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const bind: BindField = (name) => ({ reg: form.register(name), error: errors[name]?.message });

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(null);
    const res = await submitAction(form, () => create(values));
    if (!res) return;
    if (res.ok) {
      setDone(res.data);
      form.reset(EMPTY);
      router.refresh();
      return;
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={errors.root?.server?.message} />
      {done ? (
        <>
          <FormSuccess message={`Created ${done.title}, with ${done.producerName} as its producer.`} />
          {done.token && done.expiresAt ? (
            <InviteLink token={done.token} name={done.producerName} expiresAt={done.expiresAt} />
          ) : (
            <p className="text-muted">{done.producerName} already has an account and signs in with their own password.</p>
          )}
        </>
      ) : null}
      <ProductionFields bind={bind} idPrefix="new" />
      <hr className="border-line" />
      <fieldset className="flex flex-col gap-4">
        <legend className="text-lg font-semibold text-ink">First producer</legend>
        <p className="text-sm text-muted">They invite everyone else. New people get a one-time link to set their password.</p>
        <Field id="producerEmail" label="Producer’s email" error={errors.producerEmail?.message} required>
          <Input type="email" inputMode="email" autoComplete="off" {...describedBy('producerEmail', errors.producerEmail?.message)} {...form.register('producerEmail')} />
        </Field>
        <Field id="producerName" label="Producer’s name" error={errors.producerName?.message} required>
          <Input autoComplete="off" {...describedBy('producerName', errors.producerName?.message)} {...form.register('producerName')} />
        </Field>
      </fieldset>
      <Button type="submit" disabled={isSubmitting} className="self-start">
        {isSubmitting ? 'Creating…' : 'Create production'}
      </Button>
    </form>
  );
}
