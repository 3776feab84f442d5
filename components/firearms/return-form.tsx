'use client';

import { useRouter } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { emptyChecklist } from '@/app/lib/firearms/checklist';
import { recordReturnSchema, type RecordReturnInput } from '@/app/lib/schemas/firearms';
import { recordReturn } from '@/app/(app)/productions/[productionId]/custody/actions';
import { Field, FormError, Input, Select, describedBy } from '@/components/form/field';
import { Button, LinkButton } from '@/components/ui/button';
import { ChecklistFields } from './checklist-fields';
import { submitAction } from '@/components/form/form-result';
import { newId } from './new-id';

/** The return to the armorer: rounds counted back and the after-use check. */
export function ReturnForm({
  productionId,
  handoffId,
  roundsOut,
  lotKind,
  afterChecks,
  cancelHref,
  collectors = [],
}: {
  /** Besides the one recording: the other armorers, property masters and assistants (rule 9). */
  collectors?: { id: string; label: string }[];
  productionId: string;
  handoffId: string;
  roundsOut: number;
  /** The kind of the rounds that went out: only blanks can be fired. */
  lotKind: 'dummy' | 'blank' | null;
  afterChecks: { id: string; label: string }[];
  cancelHref: string;
}) {
  const router = useRouter();
  const form = useForm<RecordReturnInput>({
    resolver: zodResolver(recordReturnSchema),
    defaultValues: { handoffId, collectedById: '', roundsBack: undefined, roundsFired: 0, afterCheckId: afterChecks[0]?.id ?? '', checkId: newId(), checklist: emptyChecklist(), result: null, findings: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const picked = useWatch({ control: form.control, name: 'afterCheckId' });

  const onSubmit = form.handleSubmit(async (values) => {
    const res = await submitAction(form, () => recordReturn(productionId, values));
    if (!res?.ok) return;
    // The custody page reads the stored return and says what happened (counts, incident, status).
    router.push(`${cancelHref}?returned=${res.data.id}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={errors.root?.server?.message} />
      {lotKind === 'blank' && roundsOut > 0 ? (
        <Field id="ret-fired" label="Rounds fired (blanks spent)" required hint="Spent blanks do not come back and are not missing." error={errors.roundsFired?.message}>
          <Input type="number" inputMode="numeric" min={0} max={roundsOut} {...describedBy('ret-fired', errors.roundsFired?.message, true)} {...form.register('roundsFired', { valueAsNumber: true })} />
        </Field>
      ) : null}
      <Field
        id="ret-rounds"
        label="Rounds counted back"
        required
        hint={
          lotKind === 'blank' && roundsOut > 0
            ? `${roundsOut} went out. Count every unspent round that comes back: only those go back into the lot; what neither fired nor back explains files an incident.`
            : `${roundsOut} went out. Count every round that comes back; a difference files an incident.`
        }
        error={errors.roundsBack?.message}
      >
        <Input type="number" inputMode="numeric" min={0} {...describedBy('ret-rounds', errors.roundsBack?.message, true)} {...form.register('roundsBack', { valueAsNumber: true })} />
      </Field>
      <Field
        id="ret-collector"
        label="Collected by"
        hint="Only the armorer, a property master or an assistant property master collects a weapon after use (Cal. Labor Code §9153(a)(2))."
        error={errors.collectedById?.message}
      >
        <Select {...describedBy('ret-collector', errors.collectedById?.message, true)} {...form.register('collectedById')}>
          <option value="">Me</option>
          {collectors.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="ret-check" label="After-use check" required error={errors.afterCheckId?.message}>
        <Select {...describedBy('ret-check', errors.afterCheckId?.message)} {...form.register('afterCheckId')}>
          <option value="">Record it here now</option>
          {afterChecks.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      {picked ? null : <ChecklistFields phase="after_use" register={form.register} errors={errors} idPrefix="ret" />}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Recording…' : 'Record the return'}
        </Button>
        <LinkButton href={cancelHref} variant="secondary">
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
