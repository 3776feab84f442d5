import type { UseFormRegisterReturn } from 'react-hook-form';
import { LABELS, POSITIONS } from '@/app/lib/enums';

/** Positions as large checkboxes; one membership may carry several (ARCHITECTURE.md: positions). */
export function PositionsFieldset({ idPrefix, register, error }: { idPrefix: string; register: UseFormRegisterReturn; error?: string }) {
  return (
    <fieldset className="flex flex-col gap-1.5" aria-describedby={`${idPrefix}-positions-hint ${idPrefix}-positions-error`}>
      <legend className="font-semibold text-ink">Positions</legend>
      <p id={`${idPrefix}-positions-hint`} className="text-sm text-muted">
        Actors, stunt performers and 1st ADs can be named as check witnesses and receive a weapon. Property masters and assistant property masters
        receive and collect weapons in custody (rule 9); Props crew are the rest of the department.
      </p>
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        {POSITIONS.map((p) => (
          <label key={p} className="flex min-h-11 cursor-pointer items-center gap-3">
            <input type="checkbox" value={p} className="size-5 accent-brand" {...register} />
            {LABELS.position[p]}
          </label>
        ))}
      </div>
      <div id={`${idPrefix}-positions-error`} aria-live="polite">
        {error ? <p className="text-sm font-semibold text-hold">⚠ {error}</p> : null}
      </div>
    </fieldset>
  );
}

export const ROLE_HINT =
  'Crew file reports, call holds and confirm checks. Armorers run weapons, checks and custody. Producers manage everything, including members. Auditors read everything and change nothing.';
