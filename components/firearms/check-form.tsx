'use client';

import { useRouter } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { CHECK_PHASES, LABELS, type CheckPhase, type FirearmStatus, type Position } from '@/app/lib/enums';
import { emptyChecklist } from '@/app/lib/firearms/checklist';
import { recordCheckSchema, type RecordCheckInput } from '@/app/lib/schemas/firearms';
import { recordCheck } from '@/app/(app)/productions/[productionId]/checks/actions';
import { Field, FormError, Input, Select, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { ChecklistFields } from './checklist-fields';
import { submitAction } from '@/components/form/form-result';
import { newId } from './new-id';
import { RuleRef } from '@/components/ui/rule-ref';

type Weapon = { id: string; tag: string; make: string; model: string; status: FirearmStatus | null };
type Witness = { userId: string; name: string; positions: Position[] };

export function CheckForm({
  productionId,
  weapons,
  witnesses,
  initial,
}: {
  productionId: string;
  weapons: Weapon[];
  witnesses: Witness[];
  initial: { firearmId: string; phase: CheckPhase; scene: string };
}) {
  const router = useRouter();
  const form = useForm<RecordCheckInput>({
    resolver: zodResolver(recordCheckSchema),
    defaultValues: { id: newId(), ...initial, checklist: emptyChecklist(), findings: '', witnessIds: [] },
  });
  const { errors, isSubmitting } = form.formState;
  const phase = useWatch({ control: form.control, name: 'phase' });

  const onSubmit = form.handleSubmit(async (values) => {
    const res = await submitAction(form, () => recordCheck(productionId, values));
    if (!res?.ok) return;
    router.push(`/productions/${productionId}/checks/${res.data.id}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <FormError message={errors.root?.server?.message} />
      <Field id="check-firearm" label="Weapon" required error={errors.firearmId?.message}>
        <Select {...describedBy('check-firearm', errors.firearmId?.message)} {...form.register('firearmId')}>
          <option value="">Choose…</option>
          {weapons.map((w) => (
            <option key={w.id} value={w.id}>
              {w.tag} · {w.make} {w.model}
              {w.status && w.status !== 'locked_up' ? ` (${LABELS.firearmStatus[w.status].toLowerCase()})` : ''}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">
          When <span className="ml-1 text-sm font-normal text-muted">(required)</span>
        </legend>
        <div className="grid grid-cols-2 gap-3">
          {CHECK_PHASES.map((ph) => (
            <label key={ph} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-line px-3 has-[:checked]:border-brand has-[:checked]:bg-brand-soft">
              <input type="radio" value={ph} className="size-5" {...form.register('phase')} />
              <span className="font-semibold">{LABELS.checkPhase[ph]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="check-scene" label="Scene or setup" required hint="A hand-off needs a check for the same setup." error={errors.scene?.message}>
        <Input autoComplete="off" placeholder="12A" {...describedBy('check-scene', errors.scene?.message, true)} {...form.register('scene')} />
      </Field>

      <ChecklistFields phase={phase} register={form.register} errors={errors} idPrefix="check" />

      <fieldset className="flex flex-col gap-1 rounded-lg border border-line p-3" aria-describedby="check-witnesses-hint check-witnesses-error">
        <legend className="px-1 font-semibold">Witnesses</legend>
        <p id="check-witnesses-hint" className="text-sm text-muted">
          Members with the actor, stunt performer or 1st AD position who watched the check. Each confirms on their own phone; a hand-off waits for
          every confirmation (<RuleRef n={2} />).
        </p>
        {witnesses.length === 0 ? (
          <p className="py-2 text-muted">No member holds the actor, stunt performer or 1st AD position yet. A producer sets positions on the Members page.</p>
        ) : (
          witnesses.map((w) => (
            <label key={w.userId} className="flex min-h-11 cursor-pointer items-center gap-3 border-t border-line py-1 first-of-type:border-t-0">
              <input type="checkbox" value={w.userId} className="size-6 shrink-0" {...form.register('witnessIds')} />
              <span className="min-w-0 [overflow-wrap:anywhere]">
                <span className="font-semibold">{w.name}</span>
                <span className="text-muted"> · {w.positions.map((p) => LABELS.position[p]).join(', ')}</span>
              </span>
            </label>
          ))
        )}
        <div id="check-witnesses-error" aria-live="polite">
          {errors.witnessIds?.message ? <p className="text-sm font-semibold text-hold">⚠ {errors.witnessIds.message}</p> : null}
        </div>
      </fieldset>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Recording…' : 'Record the check'}
        </Button>
      </div>
    </form>
  );
}
