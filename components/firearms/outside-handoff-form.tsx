'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { reportOutsideHandoffSchema, type ReportOutsideHandoffInput } from '@/app/lib/schemas/firearms';
import { reportOutsideHandoff } from '@/app/(app)/productions/[productionId]/custody/actions';
import { Field, FormError, FormWarning, Input, Select, Textarea, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { submitAction } from '@/components/form/form-result';
import { newId } from './new-id';

/** Any member: a weapon changed hands outside the armorer (rule 2) — a custody-breach report. */
export function OutsideHandoffForm({ productionId, weapons }: { productionId: string; weapons: { id: string; tag: string; make: string; model: string }[] }) {
  const fresh = (): ReportOutsideHandoffInput => ({ id: newId(), firearmId: '', location: '', occurredAt: '', description: '' });
  const form = useForm<ReportOutsideHandoffInput>({ resolver: zodResolver(reportOutsideHandoffSchema), defaultValues: fresh() });
  const { errors, isSubmitting } = form.formState;
  const [done, setDone] = useState<string>();
  const onSubmit = form.handleSubmit(async (values) => {
    setDone(undefined);
    const res = await submitAction(form, () => reportOutsideHandoff(productionId, values));
    if (!res?.ok) return;
    setDone(`Report #${res.data.number} filed. The producers and the armorer are told.`);
    form.reset(fresh());
  });
  const err = (k: keyof ReportOutsideHandoffInput) => errors[k]?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={errors.root?.server?.message} />
      <FormWarning message={done} />
      <Field id="out-firearm" label="Which weapon" error={err('firearmId')}>
        <Select {...describedBy('out-firearm', err('firearmId'))} {...form.register('firearmId')}>
          <option value="">Not sure</option>
          {weapons.map((w) => (
            <option key={w.id} value={w.id}>
              {w.tag} · {w.make} {w.model}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
        <Field id="out-location" label="Where" required error={err('location')}>
          <Input autoComplete="off" {...describedBy('out-location', err('location'))} {...form.register('location')} />
        </Field>
        <Field id="out-when" label="When" hint="Leave empty for “just now”." error={err('occurredAt')}>
          <Input type="datetime-local" {...describedBy('out-when', err('occurredAt'), true)} {...form.register('occurredAt')} />
        </Field>
      </div>
      <Field id="out-what" label="What you saw" required hint="Who had the weapon, who gave it to them." error={err('description')}>
        <Textarea rows={3} {...describedBy('out-what', err('description'), true)} {...form.register('description')} />
      </Field>
      <div>
        <Button type="submit" variant="danger" disabled={isSubmitting}>
          {isSubmitting ? 'Filing…' : 'Report a custody breach'}
        </Button>
      </div>
    </form>
  );
}
