'use client';

import { useState } from 'react';
import Link from 'next/link';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { AMMO_KINDS, DUMMY_VERIFICATION_METHODS, LABELS } from '@/app/lib/enums';
import { createAmmoLotSchema, type CreateAmmoLotInput } from '@/app/lib/schemas/firearms';
import { createAmmoLot } from '@/app/(app)/productions/[productionId]/ammunition/actions';
import { Field, FormError, FormSuccess, Input, Select, Textarea, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { submitAction } from '@/components/form/form-result';
import { newId } from './new-id';

/**
 * Receive one lot of a delivery from the vendor: the paperwork, the lot, the count and, for
 * dummies, how each round was verified. Live ammunition is not offered (ARCHITECTURE.md: ammunition chain).
 */
export function AmmoLotForm({ productionId, today, liveIncidentHref }: { productionId: string; today: string; liveIncidentHref: string }) {
  // Each lot is inspected on its own: the tick never carries over to the next lot.
  // The vendor and the paperwork carry over: a delivery usually brings several lots.
  const blank = (keep: Partial<CreateAmmoLotInput> = {}): Partial<CreateAmmoLotInput> => ({ id: newId(), kind: '' as unknown as CreateAmmoLotInput['kind'], calibre: '', supplier: keep.supplier ?? '', paperworkRef: keep.paperworkRef ?? '', lotNumber: '', receivedOn: keep.receivedOn ?? today, verificationMethods: [], verifiedCount: 0, inspectionNotes: '', inspected: false as unknown as CreateAmmoLotInput['inspected'] });
  const form = useForm<CreateAmmoLotInput>({ resolver: zodResolver(createAmmoLotSchema), defaultValues: blank() });
  const { errors, isSubmitting } = form.formState;
  const [done, setDone] = useState<string>();
  const [live, setLive] = useState(false);

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(undefined);
    setLive(false);
    const res = await submitAction(form, () => createAmmoLot(productionId, values));
    if (!res) return;
    if (!res.ok) {
      const live = Boolean(res.fieldErrors?.kind);
      setLive(live);
      // A live round is said at the top too, beside the link to file the incident (rule 1).
      if (live) form.setError('root.server', { type: 'server', message: res.message });
      return;
    }
    setDone(`Lot ${values.lotNumber} received: ${values.countOnHand} ${LABELS.ammoKind[values.kind].toLowerCase()} rounds.`);
    form.reset(blank(values));
  });
  const err = (k: keyof CreateAmmoLotInput) => errors[k]?.message;
  const kind = useWatch({ control: form.control, name: 'kind' });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={errors.root?.server?.message} />
      {live ? (
        <p>
          <Link href={liveIncidentHref} className="inline-flex min-h-11 items-center font-bold text-hold underline">
            File a “Live ammunition found” incident
          </Link>
        </p>
      ) : null}
      <FormSuccess message={done} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
        <Field id="lot-kind" label="Kind" required hint="Dummies or blanks only." error={err('kind')}>
          <Select {...describedBy('lot-kind', err('kind'), true)} {...form.register('kind')}>
            <option value="" disabled>
              Choose…
            </option>
            {AMMO_KINDS.map((k) => (
              <option key={k} value={k}>
                {LABELS.ammoKind[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="lot-calibre" label="Calibre" required error={err('calibre')}>
          <Input placeholder=".45 Colt" autoComplete="off" {...describedBy('lot-calibre', err('calibre'))} {...form.register('calibre')} />
        </Field>
        <Field id="lot-count" label="Rounds received" required error={err('countOnHand')}>
          <Input type="number" inputMode="numeric" min={1} {...describedBy('lot-count', err('countOnHand'))} {...form.register('countOnHand', { valueAsNumber: true })} />
        </Field>
        <Field id="lot-received" label="Received on" required error={err('receivedOn')}>
          <Input type="date" max={today} {...describedBy('lot-received', err('receivedOn'))} {...form.register('receivedOn')} />
        </Field>
        <Field id="lot-supplier" label="Supplier" required error={err('supplier')}>
          <Input autoComplete="off" {...describedBy('lot-supplier', err('supplier'))} {...form.register('supplier')} />
        </Field>
        <Field id="lot-paperwork" label="Delivery note or invoice" required hint="The vendor’s paperwork this lot came with." error={err('paperworkRef')}>
          <Input autoComplete="off" {...describedBy('lot-paperwork', err('paperworkRef'), true)} {...form.register('paperworkRef')} />
        </Field>
        <Field id="lot-number" label="Lot number" required error={err('lotNumber')}>
          <Input autoComplete="off" {...describedBy('lot-number', err('lotNumber'))} {...form.register('lotNumber')} />
        </Field>
      </div>
      <fieldset className="flex flex-col gap-2 rounded-lg border border-line p-3">
        <legend className="px-1 font-semibold">Inspection on arrival</legend>
        {kind === 'dummy' ? (
          <>
            <fieldset className="flex flex-col gap-1" aria-describedby="lot-methods-error">
              <legend className="font-semibold">How each dummy was verified</legend>
              {DUMMY_VERIFICATION_METHODS.map((m) => (
                <label key={m} className="flex min-h-11 items-center gap-3">
                  <input type="checkbox" className="size-6 shrink-0" value={m} {...form.register('verificationMethods')} />
                  <span>{LABELS.dummyVerification[m]}</span>
                </label>
              ))}
              <div id="lot-methods-error" aria-live="polite">
                {err('verificationMethods') ? <p className="text-sm font-semibold text-hold">⚠ {err('verificationMethods')}</p> : null}
              </div>
            </fieldset>
            <Field id="lot-verified" label="Dummies verified" required hint="Counted one by one, by the methods above." error={err('verifiedCount')}>
              <Input type="number" inputMode="numeric" min={0} {...describedBy('lot-verified', err('verifiedCount'), true)} {...form.register('verifiedCount', { valueAsNumber: true })} />
            </Field>
          </>
        ) : null}
        <label className="flex min-h-11 items-start gap-3">
          <input type="checkbox" className="mt-1 size-6 shrink-0" aria-describedby="lot-inspected-error" {...form.register('inspected')} />
          <span>I inspected every round on arrival: each is a dummy or a blank, and no live round is in the lot.</span>
        </label>
        <div id="lot-inspected-error" aria-live="polite">
          {err('inspected') ? <p className="text-sm font-semibold text-hold">⚠ {err('inspected')}</p> : null}
        </div>
        <Field id="lot-notes" label="Inspection notes" hint="How the rounds were verified; anything set aside." error={err('inspectionNotes')}>
          <Textarea rows={3} {...describedBy('lot-notes', err('inspectionNotes'), true)} {...form.register('inspectionNotes')} />
        </Field>
      </fieldset>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Record the lot'}
        </Button>
      </div>
    </form>
  );
}
