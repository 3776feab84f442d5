'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { askReporter } from '@/app/(app)/productions/[productionId]/incidents/[incidentId]/reporter-actions';
import { askReporterSchema, type AskReporterInput } from '@/app/lib/schemas/anonymous';
import { Field, FormError, FormSuccess, Textarea, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';

export function AskReporterForm({ productionId, incidentId }: { productionId: string; incidentId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<string>();
  const form = useForm<AskReporterInput>({ resolver: zodResolver(askReporterSchema), defaultValues: { incidentId, body: '' } });
  const err = form.formState.errors.body?.message;
  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    setSent(undefined);
    try {
      const res = await askReporter(productionId, values);
      if (!res.ok) {
        if (res.fieldErrors?.body) form.setError('body', { message: res.fieldErrors.body[0] });
        setError(res.message);
        return;
      }
      form.reset({ incidentId, body: '' });
      setSent('Question sent. The reporter sees it when they open their report with the receipt code.');
      router.refresh();
    } catch {
      setError('Could not reach SetSafe. Try again.');
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-col gap-3">
      <FormError message={error} />
      <FormSuccess message={sent} />
      <Field id="ask-body" label="Ask the reporter" hint="They cannot be told directly: they see it the next time they open their report." error={err}>
        <Textarea rows={3} {...describedBy('ask-body', err, true)} {...form.register('body')} />
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting} className="self-start">
        {form.formState.isSubmitting ? 'Sending…' : 'Send question'}
      </Button>
    </form>
  );
}
