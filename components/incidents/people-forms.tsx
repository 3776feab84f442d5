'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  injuredPersonSchema, recordabilitySchema, recordOshaReportSchema,
  type InjuredPersonInput, type RecordabilityInput, type RecordOshaReportInput,
} from '@/app/lib/schemas/incidents';
import { decideRecordability } from '@/app/lib/rules/recordability';
import {
  CASE_TYPE_LABELS, CASE_TYPES, CASE_CLASSIFICATION_LABELS, FIRST_AID, FIRST_AID_LABELS, PRIVACY_REASON_LABELS, PRIVACY_REASONS, DAYS_CAP,
} from '@/app/lib/rules/osha';
import { decideRecordability as decideAction, recordOshaReport, saveInjuredPerson } from '@/app/(app)/productions/[productionId]/incidents/actions';
import { Field, FormError, FormSuccess, Input, Select, describedBy } from '@/components/form/field';
import { Checkbox } from '@/components/form/choice';
import { submitAction } from '@/components/form/form-result';
import { Button } from '@/components/ui/button';
import { newId } from '@/components/form/new-id';
import { InjuryFields } from './injury-fields';

type Base = { productionId: string; incidentId: string };

/**
 * Adds an injured person to the report (personId null: a new case) or changes one's Form 301
 * section, with the two times the legal clocks may start from (ARCHITECTURE.md: OSHA recordkeeping).
 */
export function InjuredPersonForm({
  productionId, incidentId, personId, defaults, personal, timeZone, nowLocal,
}: Base & { personId: string | null; defaults: Omit<InjuredPersonInput, 'incidentId' | 'personId'>; personal: boolean; timeZone: string; nowLocal: string }) {
  const router = useRouter();
  const [id, setId] = useState(() => personId ?? newId());
  const [saved, setSaved] = useState<string>();
  const blank = { incidentId, personId: id, ...defaults };
  const form = useForm<InjuredPersonInput>({ resolver: zodResolver(injuredPersonSchema), defaultValues: blank });
  const { errors, isSubmitting } = form.formState;
  const adding = personId === null;
  const idPrefix = `p-${adding ? 'new' : id}`;
  const onSubmit = form.handleSubmit(async (v) => {
    setSaved(undefined);
    const res = await submitAction(form, () => saveInjuredPerson(productionId, { ...v, personId: id }));
    if (res?.ok) {
      if (adding) {
        // The next person added here is a new case with its own id.
        const next = newId();
        setId(next);
        form.reset({ ...blank, personId: next });
        setSaved(`Injured person ${res.data.ordinal} added.`);
      } else setSaved('Saved. The change is in the timeline.');
      router.refresh();
    }
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={adding ? 'Add an injured person' : 'Form 301 details'}>
        <FormError message={errors.root?.server?.message} />
        <InjuryFields personal={personal} idPrefix={idPrefix} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${idPrefix}-diedAt`} label="Time of death, if known" hint={`Starts the 8-hour clock. Production time (${timeZone}).`} error={errors.diedAt?.message}>
            <Input type="datetime-local" max={nowLocal} {...describedBy(`${idPrefix}-diedAt`, errors.diedAt?.message, true)} {...form.register('diedAt')} />
          </Field>
          <Field id={`${idPrefix}-learnedAt`} label="When the production learned of it, if later" hint="The clocks then run from this moment (29 CFR 1904.39(b)(7)-(8))." error={errors.learnedAt?.message}>
            <Input type="datetime-local" max={nowLocal} {...describedBy(`${idPrefix}-learnedAt`, errors.learnedAt?.message, true)} {...form.register('learnedAt')} />
          </Field>
        </div>
        <FormSuccess message={saved} />
        <Button type="submit" variant={adding ? 'primary' : 'secondary'} disabled={isSubmitting} className="self-start">
          {isSubmitting ? 'Saving…' : adding ? 'Add injured person' : 'Save Form 301 details'}
        </Button>
      </form>
    </FormProvider>
  );
}

/** When, to whom and under which reference the death or serious injury was reported (29 CFR 1904.39; 8 CCR 342). */
export function OshaReportForm({ productionId, incidentId, personId, nowLocal, timeZone, defaultTo }: Base & { personId: string; nowLocal: string; timeZone: string; defaultTo: string }) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const form = useForm<RecordOshaReportInput>({ resolver: zodResolver(recordOshaReportSchema), defaultValues: { incidentId, personId, at: nowLocal, to: defaultTo, reference: '' } });
  const { errors, isSubmitting } = form.formState;
  const p = `osha-${personId}`;
  const onSubmit = form.handleSubmit(async (v) => {
    setSaved(undefined);
    if ((await submitAction(form, () => recordOshaReport(productionId, v)))?.ok) {
      setSaved('Report recorded.');
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Record the report made">
      <FormError message={errors.root?.server?.message} />
      <Field id={`${p}-at`} label="Reported at" hint={`Production time (${timeZone}).`} required error={errors.at?.message}>
        <Input type="datetime-local" max={nowLocal} {...describedBy(`${p}-at`, errors.at?.message, true)} {...form.register('at')} />
      </Field>
      <Field id={`${p}-to`} label="Reported to" required error={errors.to?.message}>
        <Input {...describedBy(`${p}-to`, errors.to?.message)} {...form.register('to')} />
      </Field>
      <Field id={`${p}-ref`} label="Reference number given" error={errors.reference?.message}>
        <Input autoComplete="off" {...describedBy(`${p}-ref`, errors.reference?.message)} {...form.register('reference')} />
      </Field>
      <FormSuccess message={saved} />
      <Button type="submit" variant="secondary" disabled={isSubmitting} className="self-start">{isSubmitting ? 'Saving…' : 'Record the report'}</Button>
    </form>
  );
}

type Answer = '' | 'yes' | 'no';

const QUESTIONS: { key: 'workRelated' | 'newCase' | 'daysAwayFromWork' | 'restrictedOrTransferred' | 'medicalTreatment' | 'lossOfConsciousness' | 'significantDiagnosis'; label: string; hint: string }[] = [
  { key: 'workRelated', label: '1. Is it work-related?', hint: 'An event or exposure in the work environment caused or contributed to it, or significantly aggravated a pre-existing condition (29 CFR 1904.5).' },
  { key: 'newCase', label: '2. Is it a new case?', hint: 'Not a recurrence of a case already recorded for this person (29 CFR 1904.6).' },
  { key: 'daysAwayFromWork', label: '3. Days away from work?', hint: '29 CFR 1904.7(b)(3). Count calendar days, not the day of the injury.' },
  { key: 'restrictedOrTransferred', label: '4. Restricted work or job transfer?', hint: '29 CFR 1904.7(b)(4).' },
  { key: 'medicalTreatment', label: '5. Medical treatment beyond first aid?', hint: 'Anything not on the first-aid list below is medical treatment (29 CFR 1904.7(b)(5)).' },
  { key: 'lossOfConsciousness', label: '6. Loss of consciousness?', hint: '29 CFR 1904.7(b)(6).' },
  { key: 'significantDiagnosis', label: '7. A significant injury or illness diagnosed by a physician or other licensed health care professional?', hint: 'For example a fracture or a punctured eardrum (29 CFR 1904.7(b)(7)).' },
];

/** The guided recordability decision of one case (29 CFR 1904), previewed as it is answered. */
export function RecordabilityForm({ productionId, incidentId, personId, died, defaults }: Base & { personId: string; died: boolean; defaults: Omit<RecordabilityInput, 'incidentId' | 'personId'> }) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const form = useForm<RecordabilityInput>({ resolver: zodResolver(recordabilitySchema), defaultValues: { incidentId, personId, ...defaults } });
  const { errors, isSubmitting } = form.formState;
  const v = useWatch({ control: form.control }) as RecordabilityInput;
  const yn = (a: Answer | undefined) => (a === 'yes' ? true : a === 'no' ? false : null);
  const num = (n: unknown) => (n === '' || n === undefined || n === null || Number.isNaN(Number(n)) ? null : Number(n));
  const preview = decideRecordability({
    workRelated: yn(v.workRelated), newCase: yn(v.newCase), died, daysAwayFromWork: yn(v.daysAwayFromWork), daysAway: num(v.daysAway),
    restrictedOrTransferred: yn(v.restrictedOrTransferred), daysRestricted: num(v.daysRestricted), medicalTreatment: yn(v.medicalTreatment),
    firstAid: v.firstAid ?? [], lossOfConsciousness: yn(v.lossOfConsciousness), significantDiagnosis: yn(v.significantDiagnosis),
    caseType: v.caseType ? v.caseType : null, privacyReason: v.privacyReason ? v.privacyReason : null,
  });
  const p = `rec-${personId}`;
  const firstAid = v.firstAid ?? [];
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(undefined);
    if ((await submitAction(form, () => decideAction(productionId, values)))?.ok) {
      setSaved('Recordability saved.');
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Recordability">
      <FormError message={errors.root?.server?.message} />
      {QUESTIONS.map((q) => (
        <div key={q.key} className="flex flex-col gap-2">
          <Field id={`${p}-${q.key}`} label={q.label} hint={q.hint} error={errors[q.key]?.message}>
            <Select {...describedBy(`${p}-${q.key}`, errors[q.key]?.message, true)} {...form.register(q.key)}>
              <option value="">Not answered yet</option>
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </Select>
          </Field>
          {q.key === 'daysAwayFromWork' && v.daysAwayFromWork === 'yes' ? (
            <Field id={`${p}-daysAway`} label="Days away from work" hint={`Capped at ${DAYS_CAP}.`} error={errors.daysAway?.message}>
              <Input type="number" inputMode="numeric" min={0} max={DAYS_CAP} {...describedBy(`${p}-daysAway`, errors.daysAway?.message, true)} {...form.register('daysAway')} />
            </Field>
          ) : null}
          {q.key === 'restrictedOrTransferred' && v.restrictedOrTransferred === 'yes' ? (
            <Field id={`${p}-daysRestricted`} label="Days of restricted work or transfer" hint={`Capped at ${DAYS_CAP}.`} error={errors.daysRestricted?.message}>
              <Input type="number" inputMode="numeric" min={0} max={DAYS_CAP} {...describedBy(`${p}-daysRestricted`, errors.daysRestricted?.message, true)} {...form.register('daysRestricted')} />
            </Field>
          ) : null}
        </div>
      ))}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">First aid given (29 CFR 1904.7(b)(5)(ii)) — on its own not recordable</legend>
        {FIRST_AID.map((k) => (
          <Checkbox
            key={k}
            label={`(${k}) ${FIRST_AID_LABELS[k]}`}
            checked={firstAid.includes(k)}
            onChange={(e) => form.setValue('firstAid', e.target.checked ? [...firstAid, k] : firstAid.filter((x) => x !== k), { shouldDirty: true })}
          />
        ))}
      </fieldset>
      <Field id={`${p}-caseType`} label="Type of case (Form 300 column M)" error={errors.caseType?.message}>
        <Select {...describedBy(`${p}-caseType`, errors.caseType?.message)} {...form.register('caseType')}>
          <option value="">Not chosen yet</option>
          {CASE_TYPES.map((t) => <option key={t} value={t}>{CASE_TYPE_LABELS[t]}</option>)}
        </Select>
      </Field>
      <Field id={`${p}-privacy`} label="Privacy case (29 CFR 1904.29(b)(7))" hint="A privacy case keeps the name off the Form 300 log." error={errors.privacyReason?.message}>
        <Select {...describedBy(`${p}-privacy`, errors.privacyReason?.message, true)} {...form.register('privacyReason')}>
          <option value="">Not a privacy case</option>
          {PRIVACY_REASONS.map((r) => <option key={r} value={r}>{PRIVACY_REASON_LABELS[r]}</option>)}
        </Select>
      </Field>
      <div role="status" className="rounded-lg border border-line bg-canvas p-3" data-testid={`${p}-preview`}>
        <p className="font-semibold">
          {preview.status === 'recordable' ? 'Recordable' : preview.status === 'not_recordable' ? 'Not recordable' : 'Not decided yet'}
          {preview.classification ? ` — ${CASE_CLASSIFICATION_LABELS[preview.classification]}` : ''}
        </p>
        <p className="text-sm break-words">{preview.reason}</p>
      </div>
      <FormSuccess message={saved} />
      <Button type="submit" variant="secondary" disabled={isSubmitting} className="self-start">{isSubmitting ? 'Saving…' : 'Save recordability'}</Button>
    </form>
  );
}
