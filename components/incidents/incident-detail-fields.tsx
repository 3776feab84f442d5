'use client';

import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { FileIncidentInput } from '@/app/lib/schemas/incidents';
import type { Severity } from '@/app/lib/enums';
import { Field, Input, Select, Textarea, describedBy } from '@/components/form/field';
import { Checkbox } from '@/components/form/choice';
import { Button } from '@/components/ui/button';
import { InjuryFields } from './injury-fields';
import type { FirearmOption } from './file-incident-form';

export type DetailProps = {
  timeZone: string;
  nowLocal: string;
  firearms: FirearmOption[];
  severityOptions: { value: Severity; label: string }[];
  /** A rule-1 kind: always critical, whatever is chosen here. */
  critical: boolean;
};

/**
 * The new-incident form's optional detail, behind "Add more detail". Its own module, loaded on the
 * form's first touch: a report needs only its three answers (ARCHITECTURE.md: performance budget).
 */
export function IncidentDetailFields({ timeZone, nowLocal, firearms, severityOptions, critical }: DetailProps) {
  const { register, formState, control, setValue } = useFormContext<FileIncidentInput>();
  const { errors } = formState;
  // Everyone hurt in this one event: each person is an OSHA case of their own (ARCHITECTURE.md: OSHA recordkeeping).
  const people = useFieldArray({ control, name: 'injuredPeople' });
  const picked = useWatch({ control, name: 'firearmIds' }) ?? [];
  return (
    <div id="more-detail" className="flex flex-col gap-5 rounded-xl border border-line bg-surface p-3 sm:p-4">
      <Field id="occurredAt" label="When did it happen?" hint={`Production time (${timeZone}). Leave empty if unsure.`} error={errors.occurredAt?.message}>
        <Input type="datetime-local" max={nowLocal} {...describedBy('occurredAt', errors.occurredAt?.message, true)} {...register('occurredAt')} />
      </Field>
      <Field id="scene" label="Scene / setup" error={errors.scene?.message}>
        <Input autoComplete="off" {...describedBy('scene', errors.scene?.message)} {...register('scene')} />
      </Field>
      <Field
        id="severity"
        label="How serious?"
        hint={critical ? 'Always critical for this kind (rule 1).' : 'Leave “Unrated” if unsure: whoever triages rates it.'}
        error={errors.severity?.message}
      >
        <Select {...describedBy('severity', errors.severity?.message, true)} {...register('severity')}>
          {severityOptions.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
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
      <section aria-labelledby="form301-h" className="flex flex-col gap-3">
        <h2 id="form301-h" className="text-lg font-bold">
          Injured people: OSHA Form 301
        </h2>
        <p className="text-sm text-muted">One section per person hurt in this event. Fill in what you know now; the rest can be added within 7 days.</p>
        {people.fields.map((f, n) => (
          <section key={f.id} aria-labelledby={`person${n}-h`} className="flex flex-col gap-3 rounded-lg border-2 border-line p-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 id={`person${n}-h`} className="font-bold">Injured person {n + 1}</h3>
              <Button type="button" variant="secondary" onClick={() => people.remove(n)}>
                Remove person {n + 1}
              </Button>
            </div>
            <InjuryFields personal prefix={`injuredPeople.${n}`} idPrefix={`person${n}`} />
          </section>
        ))}
        <Button type="button" variant="secondary" className="self-start" onClick={() => people.append({})}>
          {people.fields.length ? 'Add another injured person' : 'Add an injured person'}
        </Button>
      </section>
    </div>
  );
}
