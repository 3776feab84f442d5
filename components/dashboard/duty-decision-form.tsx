'use client';

import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import type { DecideDutiesInput, RevokeDutyDecisionInput } from '@/app/lib/schemas/duties';
import { lazyResolver } from '@/components/form/lazy-resolver';
import { decideArmorerDuties, revokeDutyDecision } from '@/app/(app)/productions/[productionId]/dashboard/actions';
import { Field, FormError, Textarea, describedBy } from '@/components/form/field';
import { submitAction } from '@/components/form/form-result';
import { Button } from '@/components/ui/button';
import { newId } from '@/components/form/new-id';

// The dashboard stays light (ARCHITECTURE.md: performance budget; first-load JS): zod and its
// resolver load when a decision form is first touched, not to show the dashboard. The server
// action parses the same schemas whatever happens here.
const loadSchemas = () => Promise.all([import('@hookform/resolvers/zod'), import('@/app/lib/schemas/duties')]);
const decideValidation = lazyResolver<DecideDutiesInput>(() => loadSchemas().then(([r, s]) => r.zodResolver(s.decideDutiesSchema)));
const revokeValidation = lazyResolver<RevokeDutyDecisionInput>(() => loadSchemas().then(([r, s]) => r.zodResolver(s.revokeDutyDecisionSchema)));

/**
 * A producer decides, with a reason, how an armorer's other position is covered while weapons are
 * out (rule 9). It clears the dashboard flag for the positions held now; it never lets a weapon
 * out that rule 9 refuses.
 */
export function DecideDutiesForm({ productionId, userId, name }: { productionId: string; userId: string; name: string }) {
  const router = useRouter();
  const form = useForm<DecideDutiesInput>({ resolver: decideValidation.resolver, defaultValues: { id: newId(), userId, reason: '' } });
  const { errors, isSubmitting } = form.formState;
  const fid = `dd-${userId}`;
  const onSubmit = form.handleSubmit(async (values) => {
    const res = await submitAction(form, () => decideArmorerDuties(productionId, values));
    if (res) form.setValue('id', newId());
    if (res?.ok) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} onFocusCapture={decideValidation.preload} noValidate className="mt-2 flex flex-col gap-2">
      <FormError message={errors.root?.server?.message} />
      <Field id={fid} label={`Your decision on ${name}’s other position`} required hint="Who covers that work while weapons are out, and why the armorer keeps it." error={errors.reason?.message}>
        <Textarea rows={2} autoFocus {...describedBy(fid, errors.reason?.message, true)} {...form.register('reason')} />
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {isSubmitting ? 'Recording…' : 'Record the decision'}
        </Button>
      </div>
    </form>
  );
}

/** Revoking a decision puts the flag back (rule 9); the reason is recorded with it. Opened from `RevokeDutyDecision`. */
export function RevokeDutyDecisionForm({ productionId, decisionId }: { productionId: string; decisionId: string }) {
  const router = useRouter();
  const form = useForm<RevokeDutyDecisionInput>({ resolver: revokeValidation.resolver, defaultValues: { decisionId, reason: '' } });
  const { errors, isSubmitting } = form.formState;
  const fid = `rv-${decisionId}`;
  const onSubmit = form.handleSubmit(async (values) => {
    const res = await submitAction(form, () => revokeDutyDecision(productionId, values));
    if (res?.ok) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} onFocusCapture={revokeValidation.preload} noValidate className="mt-2 flex flex-col gap-2">
      <FormError message={errors.root?.server?.message} />
      <Field id={fid} label="Why the decision no longer stands" required error={errors.reason?.message}>
        <Textarea rows={2} autoFocus {...describedBy(fid, errors.reason?.message, true)} {...form.register('reason')} />
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {isSubmitting ? 'Revoking…' : 'Revoke'}
        </Button>
      </div>
    </form>
  );
}
