'use client';

import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { callHoldSchema, concurHoldSchema, liftHoldSchema, type CallHoldInput, type ConcurHoldInput, type LiftHoldInput } from '@/app/lib/schemas/incidents';
import { callHold, concurHold, liftHold } from '@/app/(app)/productions/[productionId]/hold/actions';
import { Field, FormError, Textarea, describedBy } from '@/components/form/field';
import { submitAction } from '@/components/form/form-result';
import { Button } from '@/components/ui/button';

export function CallHoldForm({ productionId, autoFocus = false }: { productionId: string; autoFocus?: boolean }) {
  const form = useForm<CallHoldInput>({ resolver: zodResolver(callHoldSchema), defaultValues: { reason: '' } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (v) => {
    if ((await submitAction(form, () => callHold(productionId, v)))?.ok) form.reset({ reason: '' });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Call a stop-work hold">
      <FormError message={errors.root?.server?.message} />
      <Field id="hold-reason" label="Why must work stop?" hint="Everyone on the production is told at once. Only a producer can lift it, in writing." required error={errors.reason?.message}>
        <Textarea rows={3} autoFocus={autoFocus} {...describedBy('hold-reason', errors.reason?.message, true)} {...form.register('reason')} />
      </Field>
      <Button type="submit" variant="danger" disabled={isSubmitting} className="self-start">
        <span aria-hidden="true">■</span> {isSubmitting ? 'Calling…' : 'Call stop-work hold'}
      </Button>
    </form>
  );
}

export function ConcurForm({ productionId, holdId }: { productionId: string; holdId: string }) {
  const form = useForm<ConcurHoldInput>({ resolver: zodResolver(concurHoldSchema), defaultValues: { holdId, note: '' } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (v) => {
    await submitAction(form, () => concurHold(productionId, v));
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Concur with lifting">
      <FormError message={errors.root?.server?.message} />
      <Field id="concur-note" label="Note (optional)" hint="What you checked before agreeing that work can resume." error={errors.note?.message}>
        <Textarea rows={2} {...describedBy('concur-note', errors.note?.message, true)} {...form.register('note')} />
      </Field>
      <Button type="submit" variant="secondary" disabled={isSubmitting} className="self-start">{isSubmitting ? 'Saving…' : 'Record my concurrence'}</Button>
    </form>
  );
}

/**
 * Lifting is two steps (rule 5): the written resolution, then an explicit confirmation that says
 * what lifting means. Afterwards the page says who lifted it (the server's record, via ?lifted=).
 * `blockedBy` (the page's `lift-blocked` note, by id): rule 5 would refuse a lift now (concurrence
 * still needed), so the form is disabled rather than inviting a refusal; the server still decides.
 */
export function LiftHoldForm({ productionId, holdId, blockedBy }: { productionId: string; holdId: string; blockedBy?: string }) {
  const router = useRouter();
  const form = useForm<LiftHoldInput>({ resolver: zodResolver(liftHoldSchema), defaultValues: { holdId, resolution: '' } });
  const { errors, isSubmitting } = form.formState;
  const [confirming, setConfirming] = useState<string | null>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming !== null) confirmRef.current?.focus();
  }, [confirming]);
  const onReview = form.handleSubmit((v) => setConfirming(v.resolution));
  const onConfirm = form.handleSubmit(async (v) => {
    if ((await submitAction(form, () => liftHold(productionId, v)))?.ok) {
      router.push(`/productions/${productionId}/hold?lifted=${encodeURIComponent(holdId)}`);
      return;
    }
    setConfirming(null);
  });
  if (confirming !== null) {
    return (
      <div role="group" aria-labelledby="lift-confirm-h" className="flex flex-col gap-3 rounded-lg border-2 border-hold bg-hold-soft p-3 sm:p-4" data-testid="lift-confirm">
        <h4 id="lift-confirm-h" ref={confirmRef} tabIndex={-1} className="text-lg font-extrabold text-ink">
          Lift this stop-work hold?
        </h4>
        <p className="text-ink">
          Everyone on the production is told at once, and weapons can be handed out again (each still after a passing,
          witnessed check). The hold and your resolution stay in the record.
        </p>
        <blockquote className="whitespace-pre-line break-words rounded-md border-l-4 border-line bg-surface p-3 text-ink">{confirming}</blockquote>
        <div className="flex flex-wrap gap-3">
          <Button type="button" variant="danger" disabled={isSubmitting} onClick={() => void onConfirm()}>
            {isSubmitting ? 'Lifting…' : 'Yes, lift the hold'}
          </Button>
          <Button type="button" variant="secondary" disabled={isSubmitting} onClick={() => setConfirming(null)}>
            Go back
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form onSubmit={onReview} noValidate className="flex flex-col gap-3" aria-label="Lift the hold" aria-describedby={blockedBy}>
      <FormError message={errors.root?.server?.message} />
      <fieldset disabled={!!blockedBy} className="contents">
        <Field id="lift-resolution" label="Written resolution" hint="What was found, what changed, and why work can resume." required error={errors.resolution?.message}>
          <Textarea rows={4} {...describedBy('lift-resolution', errors.resolution?.message, true)} {...form.register('resolution')} />
        </Field>
        <Button type="submit" className="self-start">Lift hold</Button>
      </fieldset>
    </form>
  );
}
