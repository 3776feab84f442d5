'use client';

import { get, useFormContext } from 'react-hook-form';
import { Field, Input, Select, Textarea, describedBy } from '@/components/form/field';
import { Checkbox } from '@/components/form/choice';
import type { InjuryInput } from '@/app/lib/schemas/incidents';
import { INJURY_FIELD_LABELS as L } from '@/app/lib/schemas/injury-labels';

/**
 * The OSHA Form 301 questions (OSHA Form 301, 29 CFR 1904). The personal ones are rendered only for
 * those who may see them (producers, auditors, the reporter): for anyone else the server never
 * sends their values and refuses to overwrite them.
 */
export function InjuryFields({ personal, prefix = 'injury', idPrefix = 'injury' }: { personal: boolean; /** Where the fields sit in the form ('injuredPeople.1'). */ prefix?: string; idPrefix?: string }) {
  const { register: reg, formState } = useFormContext();
  // One component for every form that holds a Form 301 section, wherever it sits in that form.
  const register = (name: string) => reg(`${prefix}.${name}`);
  const err = (get(formState.errors, prefix) ?? {}) as Partial<Record<keyof InjuryInput, { message?: string }>>;
  const text = (name: keyof InjuryInput, opts: { area?: boolean; type?: string; hint?: string; autoComplete?: string } = {}) => {
    const id = `${idPrefix}-${name}`;
    const message = err[name]?.message;
    const props = { ...describedBy(id, message, !!opts.hint), ...register(name) };
    return (
      <Field id={id} label={L[name]} hint={opts.hint} error={message}>
        {opts.area ? <Textarea rows={3} {...props} /> : <Input type={opts.type ?? 'text'} autoComplete={opts.autoComplete ?? 'off'} {...props} />}
      </Field>
    );
  };
  const box = (name: keyof InjuryInput, hint?: string) => <Checkbox label={L[name]} hint={hint} {...register(name)} />;

  return (
    <div className="flex flex-col gap-5">
      {personal ? (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-1 w-full border-b-2 border-line pb-1 text-base font-bold">
            The employee <span className="font-normal text-muted">— private: producers, auditors and the reporter only</span>
          </legend>
          {text('employeeName', { autoComplete: 'off' })}
          {text('employeeAddress', { area: true })}
          <div className="grid gap-4 sm:grid-cols-2">
            {text('employeeBirthDate', { type: 'date' })}
            {text('employeeHiredDate', { type: 'date' })}
          </div>
          <Field id={`${idPrefix}-employeeSex`} label={L.employeeSex} error={err.employeeSex?.message}>
            <Select {...describedBy(`${idPrefix}-employeeSex`, err.employeeSex?.message)} {...register('employeeSex')}>
              <option value="">Not given</option>
              <option value="male">Male</option>
              <option value="female">Female</option>
            </Select>
          </Field>
          {text('physicianName')}
          {text('facilityNameAddress', { area: true })}
          {box('emergencyRoom')}
          {box('hospitalizedInpatient', 'Starts a reporting clock: 24 hours (federal OSHA), 8 hours in California.')}
        </fieldset>
      ) : (
        <p className="rounded-lg bg-canvas p-3 text-sm text-muted">The employee’s personal details are visible to producers, auditors and the reporter only.</p>
      )}
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 w-full border-b-2 border-line pb-1 text-base font-bold">The case</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {text('caseNumber')}
          {text('timeBeganWork', { type: 'time' })}
        </div>
        {text('activityBefore', { area: true, hint: 'The activity, tools, equipment or material.' })}
        {text('howOccurred', { area: true })}
        {text('injuryDescription', { area: true })}
        {text('harmingObject')}
        <div className="grid gap-2 sm:grid-cols-3">
          {box('died', '8-hour reporting clock')}
          {box('amputation', 'Reporting clock: 24 hours (8 in California)')}
          {box('lossOfEye', 'Reporting clock: 24 hours (8 in California)')}
        </div>
        {text('deathDate', { type: 'date' })}
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 w-full border-b-2 border-line pb-1 text-base font-bold">Completed by</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {text('completedBy')}
          {text('completedTitle')}
          {text('completedPhone', { type: 'tel' })}
        </div>
      </fieldset>
    </div>
  );
}
