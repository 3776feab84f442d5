'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { escalationSettingsSchema } from '@/app/lib/schemas/signals';
import type { ActionResult } from '@/app/lib/errors';
import { describedBy, Field, FormError, FormSuccess, Input } from '@/components/form/field';
import { submitAction } from '@/components/form/form-result';
import { Button } from '@/components/ui/button';

type In = z.input<typeof escalationSettingsSchema>;
type Out = z.output<typeof escalationSettingsSchema>;

/** Rule 7's two windows (producer only). */
export function EscalationSettingsForm({ values, save, readOnly }: { values: Out; save: (v: Out) => Promise<ActionResult<unknown>>; readOnly: boolean }) {
  const router = useRouter();
  const [done, setDone] = useState<string>();
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(escalationSettingsSchema), defaultValues: values });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (v) => {
    setDone(undefined);
    if ((await submitAction(form, () => save(v)))?.ok) {
      setDone('Saved. New windows apply to every signal still waiting.');
      router.refresh();
    }
  });
  const rootMessage = (errors.root as Record<string, { message?: string }> | undefined)?.server?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={rootMessage} />
      <FormSuccess message={done} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="esc-resend" label="First window (minutes)" hint="Unacknowledged this long: re-sent to every producer and the armorer." error={errors.resendAfterMinutes?.message} required>
          <Input type="number" inputMode="numeric" min={1} max={720} step={1} disabled={readOnly} {...describedBy('esc-resend', errors.resendAfterMinutes?.message, true)} {...form.register('resendAfterMinutes')} />
        </Field>
        <Field id="esc-contacts" label="Second window (minutes)" hint="Still unacknowledged this long after the re-send: the safety contacts are told and everyone sees the hotline." error={errors.contactsAfterMinutes?.message} required>
          <Input type="number" inputMode="numeric" min={1} max={720} step={1} disabled={readOnly} {...describedBy('esc-contacts', errors.contactsAfterMinutes?.message, true)} {...form.register('contactsAfterMinutes')} />
        </Field>
      </div>
      {readOnly ? null : (
        <Button type="submit" disabled={isSubmitting} className="self-start">
          {isSubmitting ? 'Saving…' : 'Save windows'}
        </Button>
      )}
    </form>
  );
}
