'use client';

// The lot page's forms (ARCHITECTURE.md: ammunition chain): a count adjustment with its reason, a
// live round found (the lot frozen), each evidence transfer to the authorities, the return to the
// vendor signed by the armorer, and the producer's acknowledgement. Each posts to the same core
// the JSON route calls; the server decides again.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  adjustAmmoCountSchema,
  freezeAmmoLotSchema,
  recordEvidenceTransferSchema,
  returnLotToVendorSchema,
  type AdjustAmmoCountInput,
  type FreezeAmmoLotInput,
  type RecordEvidenceTransferInput,
  type ReturnLotToVendorInput,
} from '@/app/lib/schemas/ammunition';
import {
  acknowledgeVendorReturn,
  adjustAmmoCount,
  freezeAmmoLot,
  recordEvidenceTransfer,
  returnLotToVendor,
} from '@/app/(app)/productions/[productionId]/ammunition/actions';
import { Field, FormError, FormSuccess, Input, Select, Textarea, describedBy } from '@/components/form/field';
import { submitAction } from '@/components/form/form-result';
import { useOneTap } from '@/components/form/one-tap';
import { Button } from '@/components/ui/button';
import { newId } from './new-id';

export function AdjustCountForm({ productionId, lotId, onHand }: { productionId: string; lotId: string; onHand: number }) {
  const router = useRouter();
  const fresh = (): AdjustAmmoCountInput => ({ id: newId(), lotId, countedOnHand: onHand, reason: '' });
  const form = useForm<AdjustAmmoCountInput>({ resolver: zodResolver(adjustAmmoCountSchema), defaultValues: fresh() });
  const { errors, isSubmitting } = form.formState;
  const [done, setDone] = useState<string>();
  const onSubmit = form.handleSubmit(async (values) => {
    setDone(undefined);
    const res = await submitAction(form, () => adjustAmmoCount(productionId, values));
    if (!res?.ok) return;
    setDone(`Count set to ${values.countedOnHand}; the reason is in the ledger.`);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormError message={errors.root?.server?.message} />
      <FormSuccess message={done} />
      <Field id="adj-count" label="Rounds counted in the store" required hint={`The ledger holds ${onHand}.`} error={errors.countedOnHand?.message}>
        <Input type="number" inputMode="numeric" min={0} {...describedBy('adj-count', errors.countedOnHand?.message, true)} {...form.register('countedOnHand', { valueAsNumber: true })} />
      </Field>
      <Field id="adj-reason" label="Reason for the difference" required error={errors.reason?.message}>
        <Input autoComplete="off" {...describedBy('adj-reason', errors.reason?.message)} {...form.register('reason')} />
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Record the count'}
        </Button>
      </div>
    </form>
  );
}

export function FreezeLotForm({
  productionId,
  lotId,
  onHand,
  reports,
}: {
  productionId: string;
  lotId: string;
  onHand: number;
  /** "Live ammunition found" reports not yet linked to a lot (crew may have filed one). */
  reports: { id: string; number: number; summary: string }[];
}) {
  const router = useRouter();
  const form = useForm<FreezeAmmoLotInput>({ resolver: zodResolver(freezeAmmoLotSchema), defaultValues: { lotId, incidentId: '', liveRoundsFound: 1, countedInert: onHand, description: '' } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const res = await submitAction(form, () => freezeAmmoLot(productionId, values));
    if (res?.ok) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormError message={errors.root?.server?.message} />
      <Field id="frz-report" label="The “Live ammunition found” report" hint="Already reported (by you or whoever found it)? Choose it. Otherwise one is filed now: critical, with a stop-work hold." error={errors.incidentId?.message}>
        <Select {...describedBy('frz-report', errors.incidentId?.message, true)} {...form.register('incidentId')}>
          <option value="">File a new report now</option>
          {reports.map((r) => (
            <option key={r.id} value={r.id}>
              #{r.number}: {r.summary}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="frz-live" label="Live rounds found" required error={errors.liveRoundsFound?.message}>
          <Input type="number" inputMode="numeric" min={1} {...describedBy('frz-live', errors.liveRoundsFound?.message)} {...form.register('liveRoundsFound', { valueAsNumber: true })} />
        </Field>
        <Field id="frz-count" label="Other rounds counted in the lot" required hint={`The ledger holds ${onHand}.`} error={errors.countedInert?.message}>
          <Input type="number" inputMode="numeric" min={0} {...describedBy('frz-count', errors.countedInert?.message, true)} {...form.register('countedInert', { valueAsNumber: true })} />
        </Field>
      </div>
      <Field id="frz-desc" label="Where and how it was found" error={errors.description?.message}>
        <Textarea rows={3} {...describedBy('frz-desc', errors.description?.message)} {...form.register('description')} />
      </Field>
      <div>
        <Button type="submit" variant="danger" disabled={isSubmitting}>
          {isSubmitting ? 'Freezing…' : 'Freeze the lot'}
        </Button>
      </div>
    </form>
  );
}

export function EvidenceTransferForm({ productionId, lotId, now, defaults }: { productionId: string; lotId: string; now: string; defaults: { fromStore: boolean; fromName: string; fromAgency: string; rounds: number; liveRounds: number; sealNumber: string } }) {
  const router = useRouter();
  const fresh = (): RecordEvidenceTransferInput => ({ id: newId(), lotId, ...defaults, toName: '', toAgency: '', toBadge: '', transferredAt: now });
  const form = useForm<RecordEvidenceTransferInput>({ resolver: zodResolver(recordEvidenceTransferSchema), defaultValues: fresh() });
  const { errors, isSubmitting } = form.formState;
  const [done, setDone] = useState<string>();
  const onSubmit = form.handleSubmit(async (values) => {
    setDone(undefined);
    const res = await submitAction(form, () => recordEvidenceTransfer(productionId, values));
    if (!res?.ok) return;
    setDone(`Transfer to ${values.toName} recorded.`);
    router.refresh();
  });
  const e = errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormError message={e.root?.server?.message} />
      <FormSuccess message={done} />
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" className="size-6 shrink-0" {...form.register('fromStore')} />
        <span>The rounds leave the production’s store in this transfer</span>
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="ev-from" label="From (name)" required error={e.fromName?.message}>
          <Input autoComplete="off" {...describedBy('ev-from', e.fromName?.message)} {...form.register('fromName')} />
        </Field>
        <Field id="ev-from-agency" label="From (agency, if any)" error={e.fromAgency?.message}>
          <Input autoComplete="off" {...describedBy('ev-from-agency', e.fromAgency?.message)} {...form.register('fromAgency')} />
        </Field>
        <Field id="ev-to" label="To (name)" required error={e.toName?.message}>
          <Input autoComplete="off" {...describedBy('ev-to', e.toName?.message)} {...form.register('toName')} />
        </Field>
        <Field id="ev-agency" label="To (agency)" required error={e.toAgency?.message}>
          <Input autoComplete="off" placeholder="County sheriff" {...describedBy('ev-agency', e.toAgency?.message)} {...form.register('toAgency')} />
        </Field>
        <Field id="ev-badge" label="Badge or ID number" required error={e.toBadge?.message}>
          <Input autoComplete="off" {...describedBy('ev-badge', e.toBadge?.message)} {...form.register('toBadge')} />
        </Field>
        <Field id="ev-at" label="When" required error={e.transferredAt?.message}>
          <Input type="datetime-local" max={now} {...describedBy('ev-at', e.transferredAt?.message)} {...form.register('transferredAt')} />
        </Field>
        <Field id="ev-rounds" label="Rounds of the lot handed over" required error={e.rounds?.message}>
          <Input type="number" inputMode="numeric" min={0} {...describedBy('ev-rounds', e.rounds?.message)} {...form.register('rounds', { valueAsNumber: true })} />
        </Field>
        <Field id="ev-live" label="Live rounds handed over" required error={e.liveRounds?.message}>
          <Input type="number" inputMode="numeric" min={0} {...describedBy('ev-live', e.liveRounds?.message)} {...form.register('liveRounds', { valueAsNumber: true })} />
        </Field>
        <Field id="ev-seal" label="Seal or evidence bag number" required error={e.sealNumber?.message}>
          <Input autoComplete="off" {...describedBy('ev-seal', e.sealNumber?.message)} {...form.register('sealNumber')} />
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Record the transfer'}
        </Button>
      </div>
    </form>
  );
}

export function VendorReturnForm({ productionId, lotId, onHand, supplier, blockedBy }: { productionId: string; lotId: string; onHand: number; supplier: string; blockedBy: string | null }) {
  const router = useRouter();
  const form = useForm<ReturnLotToVendorInput>({
    resolver: zodResolver(returnLotToVendorSchema),
    defaultValues: { lotId, countReturned: onHand, vendorReceiver: '', vendorReference: '', signed: false as unknown as true },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const res = await submitAction(form, () => returnLotToVendor(productionId, values));
    if (res?.ok) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-describedby={blockedBy ? 'vr-blocked' : undefined}>
      {blockedBy ? (
        <p id="vr-blocked" className="rounded-lg border border-medium/50 bg-warn-soft p-3 font-semibold text-medium">
          <span aria-hidden="true">⚠ </span>
          {blockedBy}
        </p>
      ) : null}
      <FormError message={errors.root?.server?.message} />
      <fieldset disabled={Boolean(blockedBy)} className="contents">
        <Field id="vr-count" label="Rounds returned" required hint={`The ledger holds ${onHand}: all of them go back.`} error={errors.countReturned?.message}>
          <Input type="number" inputMode="numeric" min={0} {...describedBy('vr-count', errors.countReturned?.message, true)} {...form.register('countReturned', { valueAsNumber: true })} />
        </Field>
        <Field id="vr-receiver" label={`Received for ${supplier} by`} required error={errors.vendorReceiver?.message}>
          <Input autoComplete="off" {...describedBy('vr-receiver', errors.vendorReceiver?.message)} {...form.register('vendorReceiver')} />
        </Field>
        <Field id="vr-ref" label="Vendor’s return reference" required error={errors.vendorReference?.message}>
          <Input autoComplete="off" {...describedBy('vr-ref', errors.vendorReference?.message)} {...form.register('vendorReference')} />
        </Field>
        <label className="flex min-h-11 items-start gap-3">
          <input type="checkbox" className="mt-1 size-6 shrink-0" aria-describedby="vr-signed-error" {...form.register('signed')} />
          <span>I counted these rounds and handed them to the vendor. Signed as the armorer.</span>
        </label>
        <div id="vr-signed-error" aria-live="polite">
          {errors.signed?.message ? <p className="text-sm font-semibold text-hold">⚠ {errors.signed.message}</p> : null}
        </div>
        <div>
          <Button type="submit" disabled={isSubmitting || Boolean(blockedBy)}>
            {isSubmitting ? 'Saving…' : 'Sign the return and close the lot'}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

export function AcknowledgeReturnButton({ productionId, lotId }: { productionId: string; lotId: string }) {
  const { pending, error, run } = useOneTap();
  return (
    <div className="flex flex-col gap-2">
      <FormError message={error} />
      <Button type="button" onClick={() => run(() => acknowledgeVendorReturn(productionId, { lotId }))} disabled={pending} className="w-full sm:w-auto">
        {pending ? 'Acknowledging…' : 'Acknowledge the return'}
      </Button>
    </div>
  );
}
