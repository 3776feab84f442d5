'use client';

import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { createScenePlanSchema, type CreateScenePlanInput } from '@/app/lib/schemas/scene-plans';
import { createScenePlan } from '@/app/(app)/productions/[productionId]/scene-plans/actions';
import { DUTIES, LABELS, PLAN_LOADS } from '@/app/lib/enums';
import { Field, FormError, FormSuccess, Input, Select, Textarea, describedBy } from '@/components/form/field';
import { MemberSelect } from '@/components/form/member-select';
import { submitAction } from '@/components/form/form-result';
import { Button } from '@/components/ui/button';
import { RuleRef } from '@/components/ui/rule-ref';
import { newId } from '@/components/form/new-id';

type Option = { id: string; label: string };

/** The armorer writes the plan for one setup (rule 8); signatures and approval follow on the list. */
export function ScenePlanForm({ productionId, weapons, handlers, members = [] }: { productionId: string; weapons: Option[]; handlers: Option[]; members?: Option[] }) {
  const blankRow = { firearmId: '', handlerId: '', load: 'none' as const, rounds: 0 };
  const fresh = (): CreateScenePlanInput => ({ id: newId(), scene: '', action: '', weapons: [blankRow], lineOfFire: '', protection: '', replicaConsidered: '', riskAssessment: '', duties: [] });
  const form = useForm<CreateScenePlanInput>({ resolver: zodResolver(createScenePlanSchema), defaultValues: fresh() });
  const rows = useFieldArray({ control: form.control, name: 'weapons' });
  const duties = useFieldArray({ control: form.control, name: 'duties' });
  const { errors, isSubmitting } = form.formState;
  const [done, setDone] = useState<string>();
  const onSubmit = form.handleSubmit(async (values) => {
    setDone(undefined);
    const res = await submitAction(form, () => createScenePlan(productionId, values));
    if (!res?.ok) return;
    setDone(`Plan for ${values.scene} written. It needs your signature, the safety advisor’s and a producer’s approval.`);
    form.reset(fresh());
  });
  const err = (k: keyof CreateScenePlanInput) => errors[k]?.message;
  const text = (k: 'action' | 'lineOfFire' | 'protection' | 'replicaConsidered' | 'riskAssessment', label: string, hint: string) => (
    <Field id={`sp-${k}`} label={label} required hint={hint} error={err(k)}>
      <Textarea rows={3} {...describedBy(`sp-${k}`, err(k), true)} {...form.register(k)} />
    </Field>
  );
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={errors.root?.server?.message} />
      <FormSuccess message={done} />
      <Field id="sp-scene" label="Scene or setup" required hint="As the checks and hand-outs name it, e.g. 14B." error={err('scene')}>
        <Input autoComplete="off" {...describedBy('sp-scene', err('scene'), true)} {...form.register('scene')} />
      </Field>
      {text('action', 'What happens', 'The action with the weapons, shot by shot.')}
      <fieldset className="flex flex-col gap-3 rounded-lg border border-line p-3" aria-describedby="sp-weapons-error">
        <legend className="px-1 font-semibold">
          Weapons, handlers and loads <span className="ml-1 text-sm font-normal text-muted">(required)</span>
        </legend>
        <p className="text-sm text-muted">
          A hand-out for this setup goes only to the handler named here, with this load (<RuleRef n={8} />). Live rounds are never a load.
        </p>
        {rows.fields.map((row, i) => {
          const e = errors.weapons?.[i];
          return (
            <div key={row.id} role="group" aria-label={`Weapon ${i + 1}`} className="grid gap-3 rounded-lg bg-subtle p-2 sm:grid-cols-2">
              <MemberSelect id={`sp-w${i}-firearm`} label="Weapon" options={weapons} error={e?.firearmId?.message} registration={form.register(`weapons.${i}.firearmId`)} />
              <MemberSelect id={`sp-w${i}-handler`} label="Handler" options={handlers} error={e?.handlerId?.message} registration={form.register(`weapons.${i}.handlerId`)} />
              <Field id={`sp-w${i}-load`} label="Load" error={e?.load?.message}>
                <Select {...describedBy(`sp-w${i}-load`, e?.load?.message)} {...form.register(`weapons.${i}.load`)}>
                  {PLAN_LOADS.map((l) => (
                    <option key={l} value={l}>
                      {LABELS.planLoad[l]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field id={`sp-w${i}-rounds`} label="Rounds at most" error={e?.rounds?.message}>
                <Input type="number" inputMode="numeric" min={0} {...describedBy(`sp-w${i}-rounds`, e?.rounds?.message)} {...form.register(`weapons.${i}.rounds`, { valueAsNumber: true })} />
              </Field>
              {rows.fields.length > 1 ? (
                <div className="sm:col-span-2">
                  <Button type="button" variant="secondary" onClick={() => rows.remove(i)}>
                    Remove weapon {i + 1}
                  </Button>
                </div>
              ) : null}
            </div>
          );
        })}
        <div>
          <Button type="button" variant="secondary" onClick={() => rows.append(blankRow)}>
            Add a weapon
          </Button>
        </div>
        <div id="sp-weapons-error" aria-live="polite">
          {errors.weapons?.message || errors.weapons?.root?.message ? <p className="text-sm font-semibold text-hold">⚠ {errors.weapons?.message ?? errors.weapons?.root?.message}</p> : null}
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-3 rounded-lg border border-line p-3">
        <legend className="px-1 font-semibold">Other duties on this setup</legend>
        <p id="sp-duties-hint" className="text-sm text-muted">
          Who works which other position while the weapons are out: props, camera, 1st AD and so on. The armorer, a property master or an assistant
          property master listed here cannot hand out or receive a weapon for this setup (<RuleRef n={9} />, Cal. Labor Code §9153(a)(3)).
        </p>
        {duties.fields.map((row, i) => {
          const e = errors.duties?.[i];
          return (
            <div key={row.id} role="group" aria-label={`Duty ${i + 1}`} className="grid gap-3 rounded-lg bg-subtle p-2 sm:grid-cols-2">
              <MemberSelect id={`sp-d${i}-member`} options={members} error={e?.userId?.message} registration={form.register(`duties.${i}.userId`)} />
              <Field id={`sp-d${i}-duty`} label="Duty" error={e?.duty?.message}>
                <Select {...describedBy(`sp-d${i}-duty`, e?.duty?.message)} {...form.register(`duties.${i}.duty`)}>
                  {DUTIES.map((d) => (
                    <option key={d} value={d}>
                      {LABELS.position[d]}
                    </option>
                  ))}
                </Select>
              </Field>
              <div className="sm:col-span-2">
                <Button type="button" variant="secondary" onClick={() => duties.remove(i)}>
                  Remove duty {i + 1}
                </Button>
              </div>
            </div>
          );
        })}
        <div>
          <Button type="button" variant="secondary" onClick={() => duties.append({ userId: '', duty: 'props' })}>
            Add a duty
          </Button>
        </div>
      </fieldset>
      {text('lineOfFire', 'Line of fire', 'Where each weapon points, and who may be in that line (nobody, or who and why).')}
      {text('protection', 'Protection', 'Shields, eye and ear protection, distances.')}
      {text('replicaConsidered', 'Would a replica do?', 'Whether a non-firing replica would do, and if not, why not.')}
      {text('riskAssessment', 'Specific firearms risk assessment', 'The hazards of this scene and how each is controlled (Cal. Labor Code §9152.5). You and the safety advisor sign it.')}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Writing…' : 'Write the plan'}
        </Button>
      </div>
    </form>
  );
}
