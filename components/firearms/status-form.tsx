'use client';

import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { setFirearmStatusSchema, type SetFirearmStatusInput } from '@/app/lib/schemas/firearms';
import { setFirearmStatus } from '@/app/(app)/productions/[productionId]/firearms/actions';
import { Field, FormError, Input, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { submitAction } from '@/components/form/form-result';

/** Out of service, or back in service, with the reason kept in the weapon's history. */
export function StatusForm({ productionId, firearmId, to }: { productionId: string; firearmId: string; to: 'out_of_service' | 'locked_up' }) {
  const form = useForm<SetFirearmStatusInput>({ resolver: zodResolver(setFirearmStatusSchema), defaultValues: { firearmId, to, reason: '' } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const res = await submitAction(form, () => setFirearmStatus(productionId, values));
    if (!res?.ok) return;
    form.reset({ firearmId, to, reason: '' });
  });
  const label = to === 'out_of_service' ? 'Take out of service' : 'Back in service';
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormError message={errors.root?.server?.message} />
      <Field id="status-reason" label="Reason" required error={errors.reason?.message}>
        <Input
          placeholder={to === 'out_of_service' ? 'e.g. cylinder does not index' : 'e.g. repaired and test-cycled'}
          {...describedBy('status-reason', errors.reason?.message)}
          {...form.register('reason')}
        />
      </Field>
      <div>
        <Button type="submit" variant={to === 'out_of_service' ? 'danger' : 'secondary'} disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : label}
        </Button>
      </div>
    </form>
  );
}
