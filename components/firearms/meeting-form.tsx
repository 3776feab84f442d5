'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { recordMeetingSchema, type RecordMeetingInput } from '@/app/lib/schemas/firearms';
import { recordMeeting } from '@/app/(app)/productions/[productionId]/meetings/actions';
import { Field, FormError, FormSuccess, Input, Textarea, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { submitAction } from '@/components/form/form-result';
import { newId } from './new-id';
import { RuleRef } from '@/components/ui/rule-ref';

/** Record the day's safety meeting (Safety Bulletin #1; rule 6 reads it before any hand-off). */
export function MeetingForm({ productionId, today, members }: { productionId: string; today: string; members: { userId: string; name: string; detail: string }[] }) {
  const fresh = (): RecordMeetingInput => ({ id: newId(), date: today, scene: '', firearmsOnSet: false, blanksInUse: false, topics: '', attendeeIds: [] });
  const form = useForm<RecordMeetingInput>({ resolver: zodResolver(recordMeetingSchema), defaultValues: fresh() });
  const { errors, isSubmitting } = form.formState;
  const [done, setDone] = useState<string>();
  const onSubmit = form.handleSubmit(async (values) => {
    setDone(undefined);
    const res = await submitAction(form, () => recordMeeting(productionId, values));
    if (!res?.ok) return;
    setDone(`Meeting of ${values.date} recorded. Attendees are asked to confirm.`);
    form.reset(fresh());
  });
  const err = (k: keyof RecordMeetingInput) => errors[k]?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={errors.root?.server?.message} />
      <FormSuccess message={done} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
        <Field id="mt-date" label="Date" required hint="The production’s calendar day." error={err('date')}>
          <Input type="date" max={today} {...describedBy('mt-date', err('date'), true)} {...form.register('date')} />
        </Field>
        <Field id="mt-scene" label="Scene or setup" required error={err('scene')}>
          <Input autoComplete="off" {...describedBy('mt-scene', err('scene'))} {...form.register('scene')} />
        </Field>
      </div>
      <fieldset className="flex flex-col gap-1 rounded-lg border border-line p-3">
        <legend className="px-1 font-semibold">Topics</legend>
        <label className="flex min-h-11 cursor-pointer items-start gap-3">
          <input type="checkbox" className="mt-1 size-6 shrink-0" {...form.register('firearmsOnSet')} />
          <span>
            <span className="font-semibold">Firearms on set</span>
            <span className="block text-sm text-muted">Required before any weapon is handed out today (<RuleRef n={6} />).</span>
          </span>
        </label>
        <label className="flex min-h-11 cursor-pointer items-start gap-3">
          <input type="checkbox" className="mt-1 size-6 shrink-0" {...form.register('blanksInUse')} />
          <span className="font-semibold">Blanks in use</span>
        </label>
        <Field id="mt-topics" label="Other topics and notes" error={err('topics')}>
          <Textarea rows={3} {...describedBy('mt-topics', err('topics'))} {...form.register('topics')} />
        </Field>
      </fieldset>
      <fieldset className="flex flex-col gap-1 rounded-lg border border-line p-3" aria-describedby="mt-attendees-error">
        <legend className="px-1 font-semibold">
          Attendees <span className="ml-1 text-sm font-normal text-muted">(required)</span>
        </legend>
        <p className="text-sm text-muted">Each one confirms their attendance in their own session.</p>
        <div className="grid sm:grid-cols-2 lg:grid-cols-1">
          {members.map((m) => (
            <label key={m.userId} className="flex min-h-11 cursor-pointer items-center gap-3">
              <input type="checkbox" value={m.userId} className="size-6 shrink-0" {...form.register('attendeeIds')} />
              <span className="min-w-0 [overflow-wrap:anywhere]">
                <span className="font-semibold">{m.name}</span>
                <span className="text-sm text-muted"> · {m.detail}</span>
              </span>
            </label>
          ))}
        </div>
        <div id="mt-attendees-error" aria-live="polite">
          {err('attendeeIds') ? <p className="text-sm font-semibold text-hold">⚠ {err('attendeeIds')}</p> : null}
        </div>
      </fieldset>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Recording…' : 'Record the meeting'}
        </Button>
      </div>
    </form>
  );
}
