'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { setJurisdictionSchema, type SetJurisdictionInput } from '@/app/lib/schemas/incidents';
import { JURISDICTION_LABELS, JURISDICTIONS } from '@/app/lib/rules/osha';
import type { ActionResult } from '@/app/lib/errors';
import { Field, FormError, FormSuccess, Select, describedBy } from '@/components/form/field';
import { submitAction } from '@/components/form/form-result';
import { Button } from '@/components/ui/button';

/** Whose injury-reporting rule sets the legal clocks (ARCHITECTURE.md: OSHA recordkeeping). A producer; audited. */
export function JurisdictionForm({ value, readOnly, save }: { value: SetJurisdictionInput['jurisdiction']; readOnly: boolean; save: (v: SetJurisdictionInput) => Promise<ActionResult<unknown>> }) {
  const [saved, setSaved] = useState<string>();
  const form = useForm<SetJurisdictionInput>({ resolver: zodResolver(setJurisdictionSchema), defaultValues: { jurisdiction: value } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (v) => {
    setSaved(undefined);
    if ((await submitAction(form, () => save(v)))?.ok) setSaved('Saved. Every injured person’s clocks now follow it.');
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Injury reporting jurisdiction">
      <FormError message={errors.root?.server?.message} />
      <Field id="jurisdiction" label="Jurisdiction" hint="Federal OSHA: a death within 8 hours, an in-patient hospitalisation, amputation or loss of an eye within 24. California: a death or serious injury within 8 hours." error={errors.jurisdiction?.message}>
        <Select disabled={readOnly} {...describedBy('jurisdiction', errors.jurisdiction?.message, true)} {...form.register('jurisdiction')}>
          {JURISDICTIONS.map((j) => <option key={j} value={j}>{JURISDICTION_LABELS[j]}</option>)}
        </Select>
      </Field>
      <FormSuccess message={saved} />
      {readOnly ? null : <Button type="submit" variant="secondary" disabled={isSubmitting} className="self-start">{isSubmitting ? 'Saving…' : 'Save jurisdiction'}</Button>}
    </form>
  );
}
