'use client';

import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { LABELS, type AmmoKind, type AmmoLotStatus, type FirearmStatus } from '@/app/lib/enums';
import { handOffSchema, type HandOffInput } from '@/app/lib/schemas/firearms';
import { handOff } from '@/app/(app)/productions/[productionId]/custody/actions';
import { Field, FormError, FormSuccess, Input, Select, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { submitAction } from '@/components/form/form-result';
import { newId } from './new-id';
import { dutyProblem, handOutProblem, lotProblem, namedSetups, planProblem, type PlanGate, type Setup } from './hand-out-problem';

type Weapon = { id: string; tag: string; make: string; model: string; status: FirearmStatus | null };
type Lot = { id: string; kind: AmmoKind; calibre: string; lotNumber: string; countOnHand: number; status: AmmoLotStatus };
/**
 * The armorer hands a weapon to a member. The server applies rules 2, 5 and 6; a refusal moves
 * nothing and files a custody-breach report, and the reasons come back here.
 */
export function HandoffForm({
  productionId,
  weapons,
  recipients,
  lots,
  initial,
  ready = {},
  awaiting = [],
  blockedBy = [],
  planGate = null,
  giverId = '',
}: {
  productionId: string;
  /** Who is handing out (the signed-in armorer): rule 9 reads the setup's duty list for them. */
  giverId?: string;
  weapons: Weapon[];
  /** `custodian`: a property master or assistant, who receives the weapon into custody (rule 9). */
  recipients: { userId: string; name: string; positions: string; custodian?: boolean }[];
  lots: Lot[];
  initial: { firearmId: string; scene: string };
  /**
   * The setups each weapon has a check for that clears a hand-off (rule 2), by weapon id, newest
   * first: a weapon checked for many setups sends its id once, not once a setup.
   */
  ready?: Record<string, string[]>;
  /** Pairs whose passing check still waits for named witnesses. */
  awaiting?: (Setup & { waitingFor: string[]; declinedBy?: string[] })[];
  /** Why no hand-out can succeed right now (a standing hold, no meeting today): the form says so and is disabled. */
  blockedBy?: string[];
  /** Rule 8's facts: the form says why a hand-out the scene plan does not clear would be refused. */
  planGate?: PlanGate | null;
}) {
  const fresh = (): HandOffInput => ({ id: newId(), firearmId: initial.firearmId, toUserId: '', scene: initial.scene, ammoLotId: '', roundsOut: 0 });
  const form = useForm<HandOffInput>({ resolver: zodResolver(handOffSchema), defaultValues: fresh() });
  const { errors, isSubmitting } = form.formState;
  const [done, setDone] = useState<string>();

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(undefined);
    const res = await submitAction(form, () => handOff(productionId, values));
    // Every answer ends this attempt: the next submission is a new one (with its own record).
    if (res) form.setValue('id', newId());
    if (!res?.ok) return;
    setDone(`Handed over to ${res.data.toName}${res.data.roundsOut ? ` with ${res.data.roundsOut} rounds counted out` : ''}.`);
    form.reset({ ...fresh(), firearmId: '', scene: '' });
  });
  const err = (k: keyof HandOffInput) => errors[k]?.message;
  const firearmId = useWatch({ control: form.control, name: 'firearmId' });
  const scene = useWatch({ control: form.control, name: 'scene' }) ?? '';
  const chosen = weapons.find((w) => w.id === firearmId);
  // Disabled rather than refused: submitting this pair would only file a custody-breach report (rule 2).
  const toUserId = useWatch({ control: form.control, name: 'toUserId' }) ?? '';
  const ammoLotId = useWatch({ control: form.control, name: 'ammoLotId' }) ?? '';
  const roundsOut = useWatch({ control: form.control, name: 'roundsOut' });
  const lot = lots.find((l) => l.id === ammoLotId);
  const lotKind = lot?.kind ?? null;
  // A frozen lot (a live round found in it) issues nothing: said before sending (ARCHITECTURE.md: ammunition chain).
  const readyFor = chosen ? (ready[chosen.id] ?? []) : [];
  const problem = blockedBy.length
    ? null
    : (lotProblem(lot) ??
      handOutProblem(chosen, scene, readyFor, awaiting) ??
      planProblem(planGate, { firearmId: chosen?.id ?? '', handlerId: toUserId, scene, lotKind, rounds: Number(roundsOut) }) ??
      dutyProblem(planGate, { giverId, scene, recipient: recipients.find((r) => r.userId === toUserId) ? { userId: toUserId, custodian: !!recipients.find((r) => r.userId === toUserId)?.custodian } : null }));

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-describedby={blockedBy.length ? 'ho-blocked' : undefined}>
      {blockedBy.length ? (
        <div id="ho-blocked" className="rounded-lg border border-medium/50 bg-warn-soft p-3 text-medium" data-testid="handoff-blocked">
          <p className="font-bold">No weapon can be handed out now:</p>
          <ul className="ml-5 list-disc">
            {blockedBy.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <FormError message={errors.root?.server?.message} />
      <FormSuccess message={done} />
      {/* Disabled rather than refused: submitting now would only file a custody-breach report (rule 2). */}
      <fieldset disabled={blockedBy.length > 0} className="contents">
      <Field id="ho-firearm" label="Weapon" required error={err('firearmId')}>
        <Select {...describedBy('ho-firearm', err('firearmId'))} {...form.register('firearmId')}>
          <option value="">Choose…</option>
          {weapons.map((w) => (
            <option key={w.id} value={w.id}>
              {w.tag} · {w.make} {w.model}
              {w.status === 'out_of_service' ? ' (out of service)' : ''}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="ho-to" label="Hand to" required hint="Members with the actor, stunt performer or 1st AD position, or a property master or assistant who takes it into custody." error={err('toUserId')}>
        <Select {...describedBy('ho-to', err('toUserId'), true)} {...form.register('toUserId')}>
          <option value="">Choose…</option>
          {recipients.map((r) => (
            <option key={r.userId} value={r.userId}>
              {r.name} · {r.positions}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id="ho-scene"
        label="Scene or setup"
        required
        hint={chosen && readyFor.length ? `The setup the weapon was checked for. ${chosen.tag} is checked and witnessed for: ${namedSetups(readyFor)}.` : 'The setup the weapon was checked for.'}
        error={err('scene')}
      >
        <Input autoComplete="off" {...describedBy('ho-scene', err('scene'), true)} {...form.register('scene')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
        <Field id="ho-lot" label="Ammunition lot" error={err('ammoLotId')}>
          <Select {...describedBy('ho-lot', err('ammoLotId'))} {...form.register('ammoLotId')}>
            <option value="">No rounds</option>
            {lots.map((l) => (
              <option key={l.id} value={l.id}>
                {LABELS.ammoKind[l.kind]} {l.calibre} · lot {l.lotNumber} · {l.status === 'in_store' ? `${l.countOnHand} on hand` : LABELS.ammoLotStatus[l.status]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="ho-rounds" label="Rounds counted out" error={err('roundsOut')}>
          <Input type="number" inputMode="numeric" min={0} {...describedBy('ho-rounds', err('roundsOut'))} {...form.register('roundsOut', { valueAsNumber: true })} />
        </Field>
      </div>
      <div role="status" aria-live="polite">
        {problem ? (
          <p id="ho-problem" className="rounded-lg border border-medium/50 bg-warn-soft p-3 font-semibold text-medium" data-testid="handoff-problem">
            <span aria-hidden="true">⚠ </span>
            {problem}
          </p>
        ) : null}
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting || !!problem} aria-describedby={problem ? 'ho-problem' : undefined}>
          {isSubmitting ? 'Checking the rules…' : 'Hand over'}
        </Button>
      </div>
      </fieldset>
    </form>
  );
}
