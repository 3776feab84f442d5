'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { SAFETY_CONTACT_KINDS, SAFETY_CONTACT_LABELS } from '@/app/lib/rules/acknowledgement';
import { addSafetyContactSchema, type AddSafetyContactInput } from '@/app/lib/schemas/signals';
import type { ActionResult } from '@/app/lib/errors';
import { describedBy, Field, FormError, FormSuccess, Input, Select } from '@/components/form/field';
import { submitAction } from '@/components/form/form-result';
import { Button } from '@/components/ui/button';

const EMPTY: AddSafetyContactInput = { kind: 'studio_safety_rep', name: '', title: '', email: '', phone: '' };

/** Adds one safety contact (rule 7): told by email when a critical signal goes unacknowledged. */
export function SafetyContactForm({ save }: { save: (v: AddSafetyContactInput) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const [done, setDone] = useState<string>();
  const form = useForm<AddSafetyContactInput>({ resolver: zodResolver(addSafetyContactSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (v) => {
    setDone(undefined);
    if ((await submitAction(form, () => save(v)))?.ok) {
      setDone(`${v.name} added.`);
      form.reset(EMPTY);
      router.refresh();
    }
  });
  const rootMessage = (errors.root as Record<string, { message?: string }> | undefined)?.server?.message;
  const err = (k: keyof AddSafetyContactInput) => errors[k]?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Add a safety contact">
      <FormError message={rootMessage} />
      <FormSuccess message={done} />
      <Field id="sc-kind" label="Kind of contact" error={err('kind')} required>
        <Select {...describedBy('sc-kind', err('kind'))} {...form.register('kind')}>
          {SAFETY_CONTACT_KINDS.map((k) => (
            <option key={k} value={k}>
              {SAFETY_CONTACT_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="sc-name" label="Name" error={err('name')} required>
          <Input autoComplete="off" {...describedBy('sc-name', err('name'))} {...form.register('name')} />
        </Field>
        <Field id="sc-title" label="Role or title" error={err('title')}>
          <Input autoComplete="off" {...describedBy('sc-title', err('title'))} {...form.register('title')} />
        </Field>
        <Field id="sc-email" label="Email" error={err('email')} required>
          <Input type="email" inputMode="email" autoComplete="off" {...describedBy('sc-email', err('email'))} {...form.register('email')} />
        </Field>
        <Field id="sc-phone" label="Phone" error={err('phone')}>
          <Input type="tel" inputMode="tel" autoComplete="off" {...describedBy('sc-phone', err('phone'))} {...form.register('phone')} />
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting} className="self-start">
        {isSubmitting ? 'Adding…' : 'Add contact'}
      </Button>
    </form>
  );
}
