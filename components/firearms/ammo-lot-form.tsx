'use client';

import { useState } from 'react';
import Link from 'next/link';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { AMMO_KINDS, LABELS } from '@/app/lib/enums';
import { createAmmoLotSchema, type CreateAmmoLotInput } from '@/app/lib/schemas/firearms';
import { createAmmoLot } from '@/app/(app)/productions/[productionId]/ammunition/actions';
import { Field, FormError, FormSuccess, Input, Select, Textarea, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { submitAction } from '@/components/form/form-result';
import { newId } from './new-id';

/** Receive a lot of dummies or blanks. Live ammunition is not offered (ARCHITECTURE.md: ammunition). */
export function AmmoLotForm({ productionId, today, liveIncidentHref }: { productionId: string; today: string; liveIncidentHref: string }) {
  // Each lot is inspected on its own: the tick never carries over to the next lot.
  const blank = (): Partial<CreateAmmoLotInput> => ({ id: newId(), kind: '' as unknown as CreateAmmoLotInput['kind'], calibre: '', supplier: '', lotNumber: '', receivedOn: today, inspectionNotes: '', inspected: false as unknown as CreateAmmoLotInput['inspected'] });
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
    form.reset(blank());
  });
  const err = (k: keyof CreateAmmoLotInput) => errors[k]?.message;

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
        <Field id="lot-number" label="Lot number" required error={err('lotNumber')}>
          <Input autoComplete="off" {...describedBy('lot-number', err('lotNumber'))} {...form.register('lotNumber')} />
        </Field>
      </div>
      <fieldset className="flex flex-col gap-2 rounded-lg border border-line p-3">
        <legend className="px-1 font-semibold">Inspection on arrival</legend>
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
