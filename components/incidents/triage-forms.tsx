'use client';

import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import {
  assignOwnerSchema, markDuplicateSchema, setSeveritySchema, setStatusSchema,
  type AssignOwnerInput, type SetSeverityInput, type SetStatusInput,
} from '@/app/lib/schemas/incidents';
import { LABELS, type IncidentStatus, type Role, type Severity } from '@/app/lib/enums';
import { assignIncidentOwner, markIncidentDuplicate, setIncidentSeverity, setIncidentStatus } from '@/app/(app)/productions/[productionId]/incidents/actions';
import { Field, FormError, FormSuccess, Input, Select, Textarea, describedBy } from '@/components/form/field';
import { submitAction } from '@/components/form/form-result';
import { Button } from '@/components/ui/button';
import { RuleRef } from '@/components/ui/rule-ref';

type Base = { productionId: string; incidentId: string };

/** Forward through the workflow, or back a step; a closed report can only be reopened. */
function choicesFor(status: IncidentStatus): IncidentStatus[] {
  return status === 'closed' ? ['investigating', 'action_required'] : (['investigating', 'action_required', 'closed'] as const).filter((s) => s !== status);
}

export function StatusForm({ productionId, incidentId, status }: Base & { status: IncidentStatus }) {
  const closed = status === 'closed';
  const choices = choicesFor(status);
  const [saved, setSaved] = useState<string>();
  const form = useForm<SetStatusInput>({ resolver: zodResolver(setStatusSchema), defaultValues: { incidentId, status: choices[0], note: '' } });
  const { errors, isSubmitting } = form.formState;
  const next = useWatch({ control: form.control, name: 'status' });
  const noteLabel = closed ? 'Why reopen it?' : next === 'closed' ? 'Resolution: what was found and what changed' : 'Note';
  const onSubmit = form.handleSubmit(async (v) => {
    setSaved(undefined);
    if ((await submitAction(form, () => setIncidentStatus(productionId, v)))?.ok) {
      setSaved(closed ? 'Reopened.' : `Status set to “${LABELS.status[v.status]}”.`);
      // The page refreshes with the new status; the form stays mounted so this message stays.
      form.reset({ incidentId, status: choicesFor(v.status)[0], note: '' });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={closed ? 'Reopen' : 'Change status'}>
      <FormError message={errors.root?.server?.message} />
      <FormSuccess message={saved} />
      <Field id="status" label={closed ? 'Reopen as' : 'Move to'} error={errors.status?.message}>
        <Select {...describedBy('status', errors.status?.message)} {...form.register('status')}>
          {choices.map((s) => (
            <option key={s} value={s}>{LABELS.status[s]}</option>
          ))}
        </Select>
      </Field>
      <Field id="status-note" label={noteLabel} required={closed || next === 'closed'} error={errors.note?.message}>
        <Textarea rows={3} {...describedBy('status-note', errors.note?.message)} {...form.register('note')} />
      </Field>
      <Button type="submit" disabled={isSubmitting} variant={next === 'closed' && !closed ? 'primary' : 'secondary'}>
        {isSubmitting ? 'Saving…' : closed ? 'Reopen' : next === 'closed' ? 'Close report' : 'Change status'}
      </Button>
    </form>
  );
}

export function OwnerForm({ productionId, incidentId, ownerId, options }: Base & { ownerId: string | null; options: { userId: string; name: string; role: Role }[] }) {
  const [saved, setSaved] = useState<string>();
  const form = useForm<AssignOwnerInput>({ resolver: zodResolver(assignOwnerSchema), defaultValues: { incidentId, ownerId: ownerId ?? '' } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (v) => {
    setSaved(undefined);
    if ((await submitAction(form, () => assignIncidentOwner(productionId, v)))?.ok) setSaved(v.ownerId ? 'Owner assigned and told.' : 'Owner removed.');
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Assign owner">
      <FormError message={errors.root?.server?.message} />
      <FormSuccess message={saved} />
      <Field id="ownerId" label="Owner" hint="Who investigates it." error={errors.ownerId?.message}>
        <Select {...describedBy('ownerId', errors.ownerId?.message, true)} {...form.register('ownerId')}>
          <option value="">Unassigned</option>
          {options.map((m) => (
            <option key={m.userId} value={m.userId}>{m.name} ({LABELS.role[m.role]})</option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : 'Save owner'}</Button>
    </form>
  );
}

export function SeverityForm({ productionId, incidentId, severity, locked }: Base & { severity: Severity; locked: boolean }) {
  const [saved, setSaved] = useState<string>();
  const form = useForm<SetSeverityInput>({
    resolver: zodResolver(setSeveritySchema),
    defaultValues: { incidentId, severity: severity === 'unrated' ? undefined : (severity as SetSeverityInput['severity']) },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (v) => {
    setSaved(undefined);
    if ((await submitAction(form, () => setIncidentSeverity(productionId, v)))?.ok) setSaved(`Rated ${LABELS.severity[v.severity].toLowerCase()}.`);
  });
  if (locked) {
    return (
      <div>
        <p className="font-semibold">Severity</p>
        <p className="text-muted">Always critical: an accidental discharge, a live round found or someone hurt on a firearm-related report (<RuleRef n={1} />).</p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Rate severity">
      <FormError message={errors.root?.server?.message} />
      <FormSuccess message={saved} />
      <Field id="severity" label="Severity" error={errors.severity?.message}>
        <Select {...describedBy('severity', errors.severity?.message)} {...form.register('severity')}>
          {severity === 'unrated' ? <option value="">Choose…</option> : null}
          {(['low', 'medium', 'high', 'critical'] as const).map((s) => (
            <option key={s} value={s}>{LABELS.severity[s]}</option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : 'Save severity'}</Button>
    </form>
  );
}

export function DuplicateForm({ productionId, incidentId }: Base) {
  const form = useForm<z.input<typeof markDuplicateSchema>, unknown, z.output<typeof markDuplicateSchema>>({
    resolver: zodResolver(markDuplicateSchema),
    defaultValues: { incidentId, duplicateOfNumber: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (v) => {
    await submitAction(form, () => markIncidentDuplicate(productionId, v));
  });
  // Rare: folded away so the everyday controls stay short on a phone; opens itself on an error.
  return (
    <details className="group rounded-lg border border-line" open={errors.duplicateOfNumber || errors.root ? true : undefined}>
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between px-3 font-semibold">
        <span>Same as another report?</span>
        <span aria-hidden="true" className="text-muted group-open:rotate-180">▾</span>
      </summary>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 border-t border-line p-3" aria-label="Mark as duplicate">
        <FormError message={errors.root?.server?.message} />
        <Field id="duplicateOfNumber" label="Duplicate of report #" hint="Closes this report; the original carries on." error={errors.duplicateOfNumber?.message}>
          <Input type="number" inputMode="numeric" min={1} {...describedBy('duplicateOfNumber', errors.duplicateOfNumber?.message, true)} {...form.register('duplicateOfNumber')} />
        </Field>
        <Button type="submit" variant="secondary" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : 'Mark as duplicate'}</Button>
      </form>
    </details>
  );
}
