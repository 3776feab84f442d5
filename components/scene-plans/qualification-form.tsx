'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { recordQualificationSchema, type RecordQualificationInput } from '@/app/lib/schemas/scene-plans';
import { recordQualification } from '@/app/(app)/productions/[productionId]/qualifications/actions';
import { LABELS, QUALIFICATION_KINDS } from '@/app/lib/enums';
import { Field, FormError, FormSuccess, Input, Select, describedBy } from '@/components/form/field';
import { submitAction } from '@/components/form/form-result';
import { Button } from '@/components/ui/button';
import { newId } from '@/components/form/new-id';
import { MemberSelect } from '@/components/form/member-select';

/** Record a member's permit or training with its expiry (rule 8 reads it before a hand-out). */
export function QualificationForm({ productionId, members }: { productionId: string; members: { id: string; label: string }[] }) {
  const fresh = (): RecordQualificationInput => ({ id: newId(), userId: '', kind: 'firearms_safety_training', issuer: '', reference: '', issuedOn: '', expiresOn: '' });
  const form = useForm<RecordQualificationInput>({ resolver: zodResolver(recordQualificationSchema), defaultValues: fresh() });
  const { errors, isSubmitting } = form.formState;
  const [done, setDone] = useState<string>();
  const onSubmit = form.handleSubmit(async (values) => {
    setDone(undefined);
    const res = await submitAction(form, () => recordQualification(productionId, values));
    if (!res?.ok) return;
    setDone(`${LABELS.qualificationKind[values.kind]} recorded, valid through ${values.expiresOn}.`);
    form.reset(fresh());
  });
  const err = (k: keyof RecordQualificationInput) => errors[k]?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={errors.root?.server?.message} />
      <FormSuccess message={done} />
      <MemberSelect id="q-user" required options={members} error={err('userId')} registration={form.register('userId')} />
      <Field id="q-kind" label="Kind" required error={err('kind')}>
        <Select {...describedBy('q-kind', err('kind'))} {...form.register('kind')}>
          {QUALIFICATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {LABELS.qualificationKind[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="q-issuer" label="Issued by" required error={err('issuer')}>
        <Input autoComplete="off" {...describedBy('q-issuer', err('issuer'))} {...form.register('issuer')} />
      </Field>
      <Field id="q-ref" label="Certificate or permit number" error={err('reference')}>
        <Input autoComplete="off" {...describedBy('q-ref', err('reference'))} {...form.register('reference')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
        <Field id="q-issued" label="Issued on" required error={err('issuedOn')}>
          <Input type="date" {...describedBy('q-issued', err('issuedOn'))} {...form.register('issuedOn')} />
        </Field>
        <Field id="q-expires" label="Expires on" required hint="It counts through this day." error={err('expiresOn')}>
          <Input type="date" {...describedBy('q-expires', err('expiresOn'), true)} {...form.register('expiresOn')} />
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Recording…' : 'Record the qualification'}
        </Button>
      </div>
    </form>
  );
}
