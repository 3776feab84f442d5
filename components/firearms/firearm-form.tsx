'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { FIREARM_KINDS, LABELS } from '@/app/lib/enums';
import { firearmFormSchema, type FirearmFormInput } from '@/app/lib/schemas/firearms';
import { createFirearm, updateFirearm } from '@/app/(app)/productions/[productionId]/firearms/actions';
import { Field, FormError, FormSuccess, Input, Select, Textarea, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { submitAction } from '@/components/form/form-result';

type Props = { productionId: string; firearm?: Omit<FirearmFormInput, 'status'> & { firearmId: string } };

/** Add a weapon (status locked up or out of service) or edit one's details. */
export function FirearmForm({ productionId, firearm }: Props) {
  const router = useRouter();
  const editing = Boolean(firearm);
  const empty: FirearmFormInput = { firearmId: '', tag: '', make: '', model: '', serial: '', kind: 'functional', status: 'locked_up', notes: '' };
  const form = useForm<FirearmFormInput>({ resolver: zodResolver(firearmFormSchema), defaultValues: firearm ? { ...firearm, status: 'locked_up' } : empty });
  const { errors, isSubmitting } = form.formState;
  const [done, setDone] = useState<string>();
  const p = editing ? 'edit-' : 'new-';

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(undefined);
    const res = await submitAction(form, () => (editing ? updateFirearm(productionId, values) : createFirearm(productionId, values)));
    if (!res?.ok) return;
    if (editing) {
      setDone('Saved.');
      router.refresh();
    } else {
      setDone(`Added ${values.tag}.`);
      form.reset(empty);
    }
  });

  const err = (k: keyof FirearmFormInput) => errors[k]?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={errors.root?.server?.message} />
      <FormSuccess message={done} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
        <Field id={`${p}tag`} label="Tag" required hint="The label on the weapon, unique on this production." error={err('tag')}>
          <Input autoComplete="off" {...describedBy(`${p}tag`, err('tag'), true)} {...form.register('tag')} />
        </Field>
        <Field id={`${p}kind`} label="Kind" required error={err('kind')}>
          <Select {...describedBy(`${p}kind`, err('kind'))} {...form.register('kind')}>
            {FIREARM_KINDS.map((k) => (
              <option key={k} value={k}>
                {LABELS.firearmKind[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${p}make`} label="Make" required error={err('make')}>
          <Input autoComplete="off" {...describedBy(`${p}make`, err('make'))} {...form.register('make')} />
        </Field>
        <Field id={`${p}model`} label="Model" required error={err('model')}>
          <Input autoComplete="off" {...describedBy(`${p}model`, err('model'))} {...form.register('model')} />
        </Field>
        <Field id={`${p}serial`} label="Serial number" error={err('serial')}>
          <Input autoComplete="off" {...describedBy(`${p}serial`, err('serial'))} {...form.register('serial')} />
        </Field>
        {editing ? null : (
          <Field id={`${p}status`} label="Status on arrival" required hint="Only a hand-off checks a weapon out." error={err('status')}>
            <Select {...describedBy(`${p}status`, err('status'), true)} {...form.register('status')}>
              <option value="locked_up">{LABELS.firearmStatus.locked_up}</option>
              <option value="out_of_service">{LABELS.firearmStatus.out_of_service}</option>
            </Select>
          </Field>
        )}
      </div>
      <Field id={`${p}notes`} label="Notes" error={err('notes')}>
        <Textarea rows={3} {...describedBy(`${p}notes`, err('notes'))} {...form.register('notes')} />
      </Field>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : editing ? 'Save changes' : 'Add weapon'}
        </Button>
      </div>
    </form>
  );
}
