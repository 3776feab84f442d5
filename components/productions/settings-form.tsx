'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { productionFieldsSchema, type ProductionFieldsInput } from '@/app/lib/schemas/production';
import type { ActionResult } from '@/app/lib/errors';
import { FormError, FormSuccess } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { ProductionFields, type BindField } from './production-fields';
import { submitAction } from '@/components/form/form-result';

export function SettingsForm({
  values,
  save,
  readOnly,
}: {
  values: ProductionFieldsInput;
  save: (v: ProductionFieldsInput) => Promise<ActionResult<unknown>>;
  readOnly: boolean;
}) {
  const router = useRouter();
  const [done, setDone] = useState<string>();
  const form = useForm<ProductionFieldsInput>({ resolver: zodResolver(productionFieldsSchema), defaultValues: values });
  const { errors, isSubmitting } = form.formState;
  const bind: BindField = (name) => ({ reg: form.register(name), error: errors[name]?.message });
  const phase = useWatch({ control: form.control, name: 'phase' });

  const onSubmit = form.handleSubmit(async (v) => {
    setDone(undefined);
    const res = await submitAction(form, () => save(v));
    if (!res) return;
    if (res.ok) {
      setDone('Saved.');
      form.reset(v);
      router.refresh();
      return;
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={errors.root?.server?.message} />
      <FormSuccess message={done} />
      <ProductionFields bind={bind} idPrefix="settings" disabled={readOnly} />
      {!readOnly && phase === 'wrapped' && values.phase !== 'wrapped' ? (
        <p role="status" className="rounded-lg border border-medium/40 bg-warn-soft p-3 font-semibold text-medium">
          ◆ Saving as Wrapped makes this production read-only for everyone, you included. Only the site admin can reopen it.
        </p>
      ) : null}
      {readOnly ? null : (
        <Button type="submit" disabled={isSubmitting} className="self-start">
          {isSubmitting ? 'Saving…' : 'Save changes'}
        </Button>
      )}
    </form>
  );
}
