'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { saveEstablishmentYearSchema, type SaveEstablishmentYearInput } from '@/app/lib/schemas/osha';
import type { ActionResult } from '@/app/lib/errors';
import { Field, FormError, FormSuccess, Input, describedBy } from '@/components/form/field';
import { submitAction } from '@/components/form/form-result';
import { Button } from '@/components/ui/button';
import { ItaFlags } from './ita-flags';

const FIELDS: { name: Path<SaveEstablishmentYearInput>; label: string; hint?: string; type?: string; inputMode?: 'numeric' }[] = [
  { name: 'annualAverageEmployees', label: 'Annual average number of employees', hint: 'Total paid to all employees ÷ pay periods (Form 300A worksheet).', inputMode: 'numeric' },
  { name: 'totalHoursWorked', label: 'Total hours worked by all employees last year', inputMode: 'numeric' },
  { name: 'certifierName', label: 'Company executive who certifies' },
  { name: 'certifierTitle', label: 'Title' },
  { name: 'certifierPhone', label: 'Phone', type: 'tel' },
  { name: 'certifiedOn', label: 'Date certified', type: 'date' },
];

/** The 300A's figures for one year and its certifying executive (29 CFR 1904.32(b)(3)-(4)). */
export function YearForm({ values, save, readOnly, flags = {} }: { values: SaveEstablishmentYearInput; save: (v: SaveEstablishmentYearInput) => Promise<ActionResult<unknown>>; readOnly: boolean; flags?: Record<string, string[]> }) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const form = useForm<SaveEstablishmentYearInput>({ resolver: zodResolver(saveEstablishmentYearSchema), defaultValues: values });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (v) => {
    setSaved(undefined);
    if ((await submitAction(form, () => save(v)))?.ok) {
      setSaved('Saved.');
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={`Figures for ${values.year}`}>
      <FormError message={errors.root?.server?.message} />
      {FIELDS.map((f) => {
        const err = errors[f.name as keyof SaveEstablishmentYearInput]?.message;
        return (
          <Field key={f.name} id={`year-${f.name}`} label={f.label} hint={f.hint} error={err}>
            <Input disabled={readOnly} type={f.type ?? 'text'} inputMode={f.inputMode} {...describedBy(`year-${f.name}`, err, !!f.hint)} {...form.register(f.name)} />
            <ItaFlags messages={flags[f.name]} />
          </Field>
        );
      })}
      <FormSuccess message={saved} />
      {readOnly ? null : <Button type="submit" variant="secondary" disabled={isSubmitting} className="self-start">{isSubmitting ? 'Saving…' : `Save ${values.year} figures`}</Button>}
    </form>
  );
}
