'use client';

import { useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  addCommentSchema, addCorrectiveActionSchema, recordInjuryClockSchema, updateIncidentSchema,
  type AddCommentInput, type AddCorrectiveActionInput, type RecordInjuryClockInput, type UpdateIncidentInput,
} from '@/app/lib/schemas/incidents';
import { LABELS, type Role } from '@/app/lib/enums';
import { addComment, addCorrectiveAction, recordInjuryClock, updateIncidentDetails } from '@/app/(app)/productions/[productionId]/incidents/actions';
import { Field, FormError, FormSuccess, Input, Select, Textarea, describedBy } from '@/components/form/field';
import { Checkbox } from '@/components/form/choice';
import { submitAction } from '@/components/form/form-result';
import { Button } from '@/components/ui/button';
import type { FirearmOption } from './file-incident-form';

type Base = { productionId: string; incidentId: string };

export function CommentForm({ productionId, incidentId }: Base) {
  const form = useForm<AddCommentInput>({ resolver: zodResolver(addCommentSchema), defaultValues: { incidentId, body: '' } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (v) => {
    if ((await submitAction(form, () => addComment(productionId, v)))?.ok) form.reset({ incidentId, body: '' });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Add a comment">
      <FormError message={errors.root?.server?.message} />
      <Field id="comment-body" label="Add a comment" error={errors.body?.message}>
        <Textarea rows={3} {...describedBy('comment-body', errors.body?.message)} {...form.register('body')} />
      </Field>
      <Button type="submit" disabled={isSubmitting} className="self-start">{isSubmitting ? 'Posting…' : 'Post comment'}</Button>
    </form>
  );
}

export function CorrectiveActionForm({ productionId, incidentId, owners, today }: Base & { owners: { userId: string; name: string; role: Role }[]; today: string }) {
  const [saved, setSaved] = useState<string>();
  const blank = { incidentId, what: '', ownerId: '', dueDate: '' };
  const form = useForm<AddCorrectiveActionInput>({ resolver: zodResolver(addCorrectiveActionSchema), defaultValues: blank });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (v) => {
    setSaved(undefined);
    if ((await submitAction(form, () => addCorrectiveAction(productionId, v)))?.ok) {
      form.reset(blank);
      setSaved('Corrective action added; its owner was told.');
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Add a corrective action">
      <FormError message={errors.root?.server?.message} />
      <FormSuccess message={saved} />
      <Field id="ca-what" label="What will be done" required error={errors.what?.message}>
        <Textarea rows={2} {...describedBy('ca-what', errors.what?.message)} {...form.register('what')} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="ca-owner" label="Owner" required error={errors.ownerId?.message}>
          <Select {...describedBy('ca-owner', errors.ownerId?.message)} {...form.register('ownerId')}>
            <option value="">Choose…</option>
            {owners.map((m) => (
              <option key={m.userId} value={m.userId}>{m.name} ({LABELS.role[m.role]})</option>
            ))}
          </Select>
        </Field>
        <Field id="ca-due" label="Due" required error={errors.dueDate?.message}>
          <Input type="date" min={today} {...describedBy('ca-due', errors.dueDate?.message)} {...form.register('dueDate')} />
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting} className="self-start">{isSubmitting ? 'Adding…' : 'Add corrective action'}</Button>
    </form>
  );
}

export function InjuryClockForm({ productionId, incidentId, personId, clock, label, nowLocal, timeZone }: Base & { personId: string; clock: RecordInjuryClockInput['clock']; label: string; nowLocal: string; timeZone: string }) {
  const [saved, setSaved] = useState<string>();
  const form = useForm<RecordInjuryClockInput>({ resolver: zodResolver(recordInjuryClockSchema), defaultValues: { incidentId, personId, clock, at: nowLocal } });
  const { errors, isSubmitting } = form.formState;
  const id = `clock-${clock}-${personId}`;
  const onSubmit = form.handleSubmit(async (v) => {
    setSaved(undefined);
    if ((await submitAction(form, () => recordInjuryClock(productionId, v)))?.ok) setSaved('Recorded.');
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={label}>
      <FormError message={errors.root?.server?.message} />
      <FormSuccess message={saved} />
      <Field id={id} label={label} hint={`Production time (${timeZone}).`} error={errors.at?.message}>
        <Input type="datetime-local" max={nowLocal} {...describedBy(id, errors.at?.message, true)} {...form.register('at')} />
      </Field>
      <Button type="submit" variant="secondary" disabled={isSubmitting} className="self-start">{isSubmitting ? 'Saving…' : 'Record'}</Button>
    </form>
  );
}

/** Details added after the first report, by the reporter or whoever triages it. */
export function EditDetailsForm({
  productionId,
  incidentId,
  defaults,
  timeZone,
  nowLocal,
  firearms,
}: Base & {
  defaults: Omit<UpdateIncidentInput, 'incidentId'>;
  timeZone: string;
  nowLocal: string;
  firearms: FirearmOption[];
}) {
  const [saved, setSaved] = useState<string>();
  const form = useForm<UpdateIncidentInput>({
    resolver: zodResolver(updateIncidentSchema),
    defaultValues: { incidentId, ...defaults },
  });
  const { register, formState, control, setValue } = form;
  const { errors, isSubmitting } = formState;
  const picked = useWatch({ control, name: 'firearmIds' }) ?? [];
  const onSubmit = form.handleSubmit(async (v) => {
    setSaved(undefined);
    if ((await submitAction(form, () => updateIncidentDetails(productionId, v)))?.ok) setSaved('Saved. The change is in the timeline.');
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Edit details">
        <FormError message={errors.root?.server?.message} />
        <Field id="ed-description" label="What happened" required error={errors.description?.message}>
          <Textarea rows={4} {...describedBy('ed-description', errors.description?.message)} {...register('description')} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="ed-location" label="Where" required error={errors.location?.message}>
            <Input {...describedBy('ed-location', errors.location?.message)} {...register('location')} />
          </Field>
          <Field id="ed-scene" label="Scene / setup" error={errors.scene?.message}>
            <Input {...describedBy('ed-scene', errors.scene?.message)} {...register('scene')} />
          </Field>
        </div>
        <Field id="ed-occurredAt" label="When did it happen?" hint={`Production time (${timeZone}).`} error={errors.occurredAt?.message}>
          <Input type="datetime-local" max={nowLocal} {...describedBy('ed-occurredAt', errors.occurredAt?.message, true)} {...register('occurredAt')} />
        </Field>
        <Field id="ed-immediateActions" label="What was done straight away?" error={errors.immediateActions?.message}>
          <Textarea rows={3} {...describedBy('ed-immediateActions', errors.immediateActions?.message)} {...register('immediateActions')} />
        </Field>
        <Field id="ed-peopleInvolved" label="People involved" error={errors.peopleInvolved?.message}>
          <Textarea rows={2} {...describedBy('ed-peopleInvolved', errors.peopleInvolved?.message)} {...register('peopleInvolved')} />
        </Field>
        {firearms.length ? (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 font-semibold">Weapons involved</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {firearms.map((f) => (
                <Checkbox
                  key={f.id}
                  label={f.tag}
                  hint={`${f.make} ${f.model}`}
                  checked={picked.includes(f.id)}
                  onChange={(e) => setValue('firearmIds', e.target.checked ? [...picked, f.id] : picked.filter((x) => x !== f.id), { shouldDirty: true })}
                />
              ))}
            </div>
          </fieldset>
        ) : null}
        <FormSuccess message={saved} />
        <Button type="submit" disabled={isSubmitting} className="self-start">{isSubmitting ? 'Saving…' : 'Save details'}</Button>
      </form>
    </FormProvider>
  );
}
