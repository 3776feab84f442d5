'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { FormProvider, useForm, useWatch, type FieldErrors as RhfErrors } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { fileIncidentSchema, type FileIncidentInput } from '@/app/lib/schemas/incidents';
import { INCIDENT_TYPES, LABELS, SEVERITIES, type IncidentType } from '@/app/lib/enums';
import { fileIncident } from '@/app/(app)/productions/[productionId]/incidents/actions';
import { Field, FormError, Input, Select, Textarea, describedBy } from '@/components/form/field';
import { Checkbox, RadioTile } from '@/components/form/choice';
import { newId } from '@/components/form/new-id';
import { applyServerErrors, NETWORK_MESSAGE } from '@/components/form/server-errors';
import { Button } from '@/components/ui/button';
import { InjuryFields } from './injury-fields';

const RULE1: readonly IncidentType[] = ['accidental_discharge', 'live_ammunition_found'];
/** Fields behind "Add more detail": an error in one of them opens the section. */
const DETAIL_FIELDS = ['occurredAt', 'scene', 'severity', 'immediateActions', 'peopleInvolved', 'firearmIds', 'injury'];

export type FirearmOption = { id: string; tag: string; make: string; model: string };

export function FileIncidentForm({
  productionId,
  timeZone,
  nowLocal,
  firearms,
  defaultType,
}: {
  productionId: string;
  timeZone: string;
  nowLocal: string;
  firearms: FirearmOption[];
  defaultType?: IncidentType;
}) {
  const router = useRouter();
  // Made once per form: a double tap or a retry after a dropped connection files one report.
  const [id] = useState(newId);
  const [more, setMore] = useState(false);
  const [done, setDone] = useState(false);
  const form = useForm<FileIncidentInput>({
    resolver: zodResolver(fileIncidentSchema),
    defaultValues: { id, type: defaultType, description: '', location: '', scene: '', occurredAt: '', severity: 'unrated', immediateActions: '', peopleInvolved: '', firearmIds: [] },
  });
  const { register, formState, control, setValue } = form;
  const { errors, isSubmitting } = formState;
  const type = useWatch({ control, name: 'type' });
  const picked = useWatch({ control, name: 'firearmIds' }) ?? [];

  const openOnDetailError = (errs: RhfErrors<FileIncidentInput>) => {
    if (Object.keys(errs).some((k) => DETAIL_FIELDS.includes(k))) setMore(true);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    const payload: FileIncidentInput = {
      ...values,
      id,
      injury: values.type === 'injury' ? values.injury : undefined,
      firearmIds: values.firearmIds?.length ? values.firearmIds : undefined,
    };
    let res;
    try {
      res = await fileIncident(productionId, payload);
    } catch {
      form.setError('root.server', { type: 'network', message: NETWORK_MESSAGE });
      return;
    }
    if (res.ok) {
      setDone(true);
      router.push(`/productions/${productionId}/incidents/${res.data.id}?filed=1`);
      return;
    }
    applyServerErrors(form.setError, res);
    if (res.fieldErrors) openOnDetailError(Object.fromEntries(Object.keys(res.fieldErrors).map((k) => [k.split('.')[0], true])) as RhfErrors<FileIncidentInput>);
  }, openOnDetailError);

  const busy = isSubmitting || done;
  const typeError = errors.type?.message;

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label="New incident report">
        <FormError message={errors.root?.server?.message} />

        <fieldset aria-describedby="type-error" aria-invalid={typeError ? true : undefined}>
          <legend className="mb-2 font-semibold">
            What kind of incident? <span className="text-sm font-normal text-muted">(required)</span>
          </legend>
          <div className="grid grid-cols-1 gap-2 min-[420px]:grid-cols-2">
            {INCIDENT_TYPES.map((t) => (
              <RadioTile key={t} value={t} label={LABELS.incidentType[t]} {...register('type')} />
            ))}
          </div>
          <div id="type-error" aria-live="polite">
            {typeError ? <p className="mt-1.5 text-sm font-semibold text-hold">⚠ {typeError}</p> : null}
          </div>
        </fieldset>

        {type && RULE1.includes(type) ? (
          <p role="note" className="rounded-lg border-2 border-hold bg-hold-soft p-3 font-semibold text-hold">
            <span aria-hidden="true">■ </span>This report is critical. Filing it stops work on the production at once and tells every producer (rule 1).
          </p>
        ) : null}

        <Field id="description" label="What happened?" required error={errors.description?.message}>
          <Textarea rows={4} {...describedBy('description', errors.description?.message)} {...register('description')} />
        </Field>
        <Field id="location" label="Where?" hint="The set, stage or place." required error={errors.location?.message}>
          <Input autoComplete="off" {...describedBy('location', errors.location?.message, true)} {...register('location')} />
        </Field>

        <button
          type="button"
          aria-expanded={more}
          aria-controls="more-detail"
          onClick={() => setMore((m) => !m)}
          className="flex min-h-12 items-center justify-between rounded-xl border-2 border-dashed border-line bg-white px-4 text-left font-semibold text-brand hover:bg-brand-soft"
        >
          <span>{more ? 'Hide the extra detail' : 'Add more detail'} <span className="font-normal text-muted">(optional — you can add it later)</span></span>
          <span aria-hidden="true" className="text-xl">{more ? '−' : '+'}</span>
        </button>

        {more ? (
          <div id="more-detail" className="flex flex-col gap-5 rounded-xl border border-line bg-white p-3 sm:p-4">
            <Field id="occurredAt" label="When did it happen?" hint={`Production time (${timeZone}). Leave empty if unsure.`} error={errors.occurredAt?.message}>
              <Input type="datetime-local" max={nowLocal} {...describedBy('occurredAt', errors.occurredAt?.message, true)} {...register('occurredAt')} />
            </Field>
            <Field id="scene" label="Scene / setup" error={errors.scene?.message}>
              <Input autoComplete="off" {...describedBy('scene', errors.scene?.message)} {...register('scene')} />
            </Field>
            <Field
              id="severity"
              label="How serious?"
              hint={type && RULE1.includes(type) ? 'Always critical for this kind (rule 1).' : 'Leave “Unrated” if unsure: whoever triages rates it.'}
              error={errors.severity?.message}
            >
              <Select {...describedBy('severity', errors.severity?.message, true)} {...register('severity')}>
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {LABELS.severity[s]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="immediateActions" label="What was done straight away?" error={errors.immediateActions?.message}>
              <Textarea rows={3} {...describedBy('immediateActions', errors.immediateActions?.message)} {...register('immediateActions')} />
            </Field>
            <Field id="peopleInvolved" label="People involved" hint="Names or roles." error={errors.peopleInvolved?.message}>
              <Textarea rows={2} {...describedBy('peopleInvolved', errors.peopleInvolved?.message, true)} {...register('peopleInvolved')} />
            </Field>
            {firearms.length ? (
              <fieldset className="flex flex-col gap-2">
                <legend className="mb-1 font-semibold">Weapons involved</legend>
                {firearms.map((f) => (
                  <Checkbox
                    key={f.id}
                    label={f.tag}
                    hint={`${f.make} ${f.model}`}
                    checked={picked.includes(f.id)}
                    onChange={(e) => setValue('firearmIds', e.target.checked ? [...picked, f.id] : picked.filter((x) => x !== f.id))}
                  />
                ))}
                {errors.firearmIds?.message ? <p className="text-sm font-semibold text-hold">⚠ {errors.firearmIds.message}</p> : null}
              </fieldset>
            ) : null}
            {type === 'injury' ? (
              <section aria-labelledby="form301-h" className="flex flex-col gap-3">
                <h2 id="form301-h" className="text-lg font-bold">
                  Injury: OSHA Form 301
                </h2>
                <p className="text-sm text-muted">Fill in what you know now; the rest can be added within 7 days.</p>
                <InjuryFields personal />
              </section>
            ) : null}
          </div>
        ) : type === 'injury' ? (
          <p className="text-muted">Someone hurt? The OSHA Form 301 questions are under “Add more detail” — now or later.</p>
        ) : null}

        <Button type="submit" disabled={busy} className="min-h-14 w-full text-lg sm:w-auto sm:self-start">
          {busy ? 'Filing…' : 'File report'}
        </Button>
      </form>
    </FormProvider>
  );
}
