'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { saveEstablishmentSchema, type SaveEstablishmentInput } from '@/app/lib/schemas/osha';
import { ESTABLISHMENT_TYPE_LABELS, ESTABLISHMENT_TYPES } from '@/app/lib/rules/osha';
import type { ActionResult } from '@/app/lib/errors';
import { Field, FormError, FormSuccess, Input, Select, Textarea, describedBy } from '@/components/form/field';
import { submitAction } from '@/components/form/form-result';
import { newId } from '@/components/form/new-id';
import { Button } from '@/components/ui/button';
import { ItaFlags } from './ita-flags';

type Save = (v: SaveEstablishmentInput) => Promise<ActionResult<{ establishmentId: string; created: boolean }>>;

const TEXT_FIELDS: { name: Path<SaveEstablishmentInput>; label: string; hint?: string; required?: boolean; inputMode?: 'numeric' }[] = [
  { name: 'name', label: 'Establishment name', hint: 'A stage or a location the log is kept for.', required: true },
  { name: 'companyName', label: 'Company name' },
  { name: 'ein', label: 'EIN (Employer Identification Number)', hint: '9 digits. ITA asks for it.', inputMode: 'numeric' },
  { name: 'street', label: 'Street address' },
  { name: 'city', label: 'City' },
  { name: 'state', label: 'State', hint: 'Two-letter postal code.' },
  { name: 'zip', label: 'Zip code', hint: '5 or 9 digits.', inputMode: 'numeric' },
  { name: 'naicsCode', label: 'NAICS code', hint: '512110 is motion picture and video production.', required: true, inputMode: 'numeric' },
  { name: 'industryDescription', label: 'Industry description' },
  { name: 'peakEmployees', label: 'Most employees at any one time this year', hint: 'Sets ITA’s size and which obligations apply.', inputMode: 'numeric' },
];

/** Adds or edits an OSHA establishment (ARCHITECTURE.md: OSHA recordkeeping). ITA's objections show by their fields. */
export function EstablishmentForm({ values, save, readOnly, flags = {}, label }: { values?: SaveEstablishmentInput; save: Save; readOnly: boolean; flags?: Record<string, string[]>; label: string }) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const form = useForm<SaveEstablishmentInput>({
    resolver: zodResolver(saveEstablishmentSchema),
    defaultValues: values ?? {
      establishmentId: newId(), name: '', companyName: '', ein: '', street: '', city: '', state: '', zip: '', naicsCode: '512110',
      industryDescription: 'Motion Picture and Video Production', establishmentType: 'private', peakEmployees: '', writtenRequest: '',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (v) => {
    setSaved(undefined);
    const res = await submitAction(form, () => save(v));
    if (res?.ok) {
      setSaved(res.data.created ? 'Establishment added.' : 'Saved.');
      if (res.data.created && !values) form.reset({ ...form.getValues(), establishmentId: newId(), name: '' });
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={label}>
      <FormError message={errors.root?.server?.message} />
      {TEXT_FIELDS.map((f) => {
        const err = errors[f.name as keyof SaveEstablishmentInput]?.message;
        return (
          <Field key={f.name} id={`est-${f.name}`} label={f.label} hint={f.hint} error={err} required={f.required}>
            <Input disabled={readOnly} inputMode={f.inputMode} {...describedBy(`est-${f.name}`, err, !!f.hint)} {...form.register(f.name)} />
            <ItaFlags messages={flags[f.name]} />
          </Field>
        );
      })}
      <Field id="est-establishmentType" label="Government entity?" error={errors.establishmentType?.message}>
        <Select disabled={readOnly} {...describedBy('est-establishmentType', errors.establishmentType?.message)} {...form.register('establishmentType')}>
          {ESTABLISHMENT_TYPES.map((t) => <option key={t} value={t}>{ESTABLISHMENT_TYPE_LABELS[t]}</option>)}
        </Select>
      </Field>
      <Field id="est-writtenRequest" label="Written request from OSHA or BLS" hint="If OSHA or the Bureau of Labor Statistics asked in writing to keep or send records: who, what and when." error={errors.writtenRequest?.message}>
        <Textarea disabled={readOnly} {...describedBy('est-writtenRequest', errors.writtenRequest?.message, true)} {...form.register('writtenRequest')} />
      </Field>
      <FormSuccess message={saved} />
      {readOnly ? null : <Button type="submit" variant={values ? 'secondary' : 'primary'} disabled={isSubmitting} className="self-start">{isSubmitting ? 'Saving…' : values ? 'Save establishment' : 'Add establishment'}</Button>}
    </form>
  );
}
