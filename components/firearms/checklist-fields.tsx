'use client';

import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import type { CheckPhase } from '@/app/lib/enums';
import { itemHint, itemsFor, type CheckItemKey } from '@/app/lib/firearms/checklist';
import { Field, Textarea, describedBy } from '@/components/form/field';

type WithChecklist = { checklist: Record<CheckItemKey, boolean>; result?: 'pass' | 'fail' | null; findings: string };

/** The checklist, the result and the findings: shared by the new-check form and the return form. */
export function ChecklistFields({
  phase,
  register,
  errors,
  idPrefix,
}: {
  phase: CheckPhase;
  // The forms differ in their other fields; these three are the same in both.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  register: UseFormRegister<any>;
  errors: FieldErrors<WithChecklist>;
  idPrefix: string;
}) {
  const items = itemsFor(phase);
  return (
    <>
      <fieldset className="flex flex-col gap-1 rounded-lg border border-line p-3">
        <legend className="px-1 font-semibold">Checklist</legend>
        <p className="mb-1 text-sm text-muted">Tick each item shown and verified. A check passes only with every item ticked.</p>
        {items.map((i) => {
          const id = `${idPrefix}-${i.key}`;
          const error = errors.checklist?.[i.key]?.message;
          return (
            <div key={i.key} className="border-t border-line py-2 first-of-type:border-t-0">
              <label htmlFor={id} className="flex min-h-11 cursor-pointer items-start gap-3">
                <input id={id} type="checkbox" className="mt-1 size-6 shrink-0" aria-describedby={`${id}-error`} {...register(`checklist.${i.key}`)} />
                <span>
                  <span className="font-semibold">{i.label}</span>
                  <span id={`${id}-hint`} className="block text-sm text-muted">
                    {itemHint(i, phase)}
                  </span>
                </span>
              </label>
              <div id={`${id}-error`} aria-live="polite">
                {error ? <p className="ml-9 text-sm font-semibold text-hold">⚠ {error}</p> : null}
              </div>
            </div>
          );
        })}
      </fieldset>
      <fieldset className="flex flex-col gap-2" aria-describedby={`${idPrefix}-result-error`}>
        <legend className="mb-1 font-semibold">
          Result <span className="ml-1 text-sm font-normal text-muted">(required)</span>
        </legend>
        <div className="grid grid-cols-2 gap-3">
          <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-line px-3 has-[:checked]:border-ok has-[:checked]:bg-ok-soft">
            <input type="radio" value="pass" className="size-5" {...register('result')} />
            <span className="font-semibold">
              <span aria-hidden="true">✓ </span>Pass
            </span>
          </label>
          <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-line px-3 has-[:checked]:border-hold has-[:checked]:bg-hold-soft">
            <input type="radio" value="fail" className="size-5" {...register('result')} />
            <span className="font-semibold">
              <span aria-hidden="true">✕ </span>Fail
            </span>
          </label>
        </div>
        <div id={`${idPrefix}-result-error`} aria-live="polite">
          {errors.result?.message ? <p className="text-sm font-semibold text-hold">⚠ {errors.result.message}</p> : null}
        </div>
      </fieldset>
      <Field
        id={`${idPrefix}-findings`}
        label="Findings"
        hint="Required when the check fails: a failed check puts the weapon out of service until a later passing check."
        error={errors.findings?.message}
      >
        <Textarea rows={3} {...describedBy(`${idPrefix}-findings`, errors.findings?.message, true)} {...register('findings')} />
      </Field>
    </>
  );
}
