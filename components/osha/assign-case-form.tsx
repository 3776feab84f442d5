'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { assignCaseSchema, type AssignCaseInput } from '@/app/lib/schemas/osha';
import type { ActionResult } from '@/app/lib/errors';
import { Field, FormError, FormSuccess, Input, Select, describedBy } from '@/components/form/field';
import { submitAction } from '@/components/form/form-result';
import { Button } from '@/components/ui/button';
import { ItaFlags } from './ita-flags';

/** Which establishment's log a case is on, and the employee's job title (Form 300 column C; 29 CFR 1904.30). */
export function AssignCaseForm({ values, establishments, save, readOnly, flags = {}, label }: {
  values: AssignCaseInput;
  establishments: { id: string; name: string }[];
  save: (v: AssignCaseInput) => Promise<ActionResult<unknown>>;
  readOnly: boolean;
  flags?: Record<string, string[]>;
  label: string;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const form = useForm<AssignCaseInput>({ resolver: zodResolver(assignCaseSchema), defaultValues: values });
  const { errors, isSubmitting } = form.formState;
  const id = values.personId.slice(0, 8);
  const onSubmit = form.handleSubmit(async (v) => {
    setSaved(undefined);
    if ((await submitAction(form, () => save(v)))?.ok) {
      setSaved('Saved.');
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={label}>
      <FormError message={errors.root?.server?.message} />
      <Field id={`assign-est-${id}`} label="On the log of" error={errors.establishmentId?.message}>
        <Select disabled={readOnly} {...describedBy(`assign-est-${id}`, errors.establishmentId?.message)} {...form.register('establishmentId')}>
          <option value="">No establishment yet</option>
          {establishments.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
        </Select>
      </Field>
      <Field id={`assign-job-${id}`} label="Job title (Form 300 column C)" error={errors.jobTitle?.message}>
        <Input disabled={readOnly} {...describedBy(`assign-job-${id}`, errors.jobTitle?.message)} {...form.register('jobTitle')} />
        <ItaFlags messages={flags.jobTitle} />
      </Field>
      <FormSuccess message={saved} />
      {readOnly ? null : <Button type="submit" variant="secondary" disabled={isSubmitting} className="self-start">{isSubmitting ? 'Saving…' : 'Save case'}</Button>}
    </form>
  );
}
