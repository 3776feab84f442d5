'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { inviteMemberSchema, type InviteMemberInput } from '@/app/lib/schemas/members';
import { LABELS, ROLES } from '@/app/lib/enums';
import type { ActionResult } from '@/app/lib/errors';
import type { InviteResult } from '@/app/lib/members';
import { Field, FormError, FormSuccess, Input, Select, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { InviteLink } from './invite-link';
import { PositionsFieldset, ROLE_HINT } from './positions-fieldset';
import { submitAction } from '@/components/form/form-result';

type Invite = (values: InviteMemberInput) => Promise<ActionResult<InviteResult>>;

export function InviteForm({ invite }: { invite: Invite }) {
  const [done, setDone] = useState<InviteResult | null>(null);
  const form = useForm<InviteMemberInput>({
    resolver: zodResolver(inviteMemberSchema),
    defaultValues: { email: '', name: '', role: 'crew', positions: [] },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(null);
    const res = await submitAction(form, () => invite({ ...values, positions: values.positions || [] }));
    if (!res) return;
    if (res.ok) {
      setDone(res.data);
      form.reset();
      return;
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={errors.root?.server?.message} />
      {done ? (
        done.token && done.expiresAt ? (
          <InviteLink token={done.token} name={done.name} expiresAt={done.expiresAt} />
        ) : (
          <FormSuccess message={`${done.name} already has a SetSafe account and is now a member: they sign in with their own password.`} />
        )
      ) : null}
      <Field id="invite-email" label="Email" error={errors.email?.message} required>
        <Input type="email" autoComplete="off" inputMode="email" {...describedBy('invite-email', errors.email?.message)} {...form.register('email')} />
      </Field>
      <Field id="invite-name" label="Name" error={errors.name?.message} required>
        <Input autoComplete="off" {...describedBy('invite-name', errors.name?.message)} {...form.register('name')} />
      </Field>
      <Field id="invite-role" label="Role" hint={ROLE_HINT} error={errors.role?.message} required>
        <Select {...describedBy('invite-role', errors.role?.message, true)} {...form.register('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {LABELS.role[r]}
            </option>
          ))}
        </Select>
      </Field>
      <PositionsFieldset idPrefix="invite" register={form.register('positions')} error={errors.positions?.message} />
      <Button type="submit" disabled={isSubmitting} className="self-start">
        {isSubmitting ? 'Adding…' : 'Add member and make link'}
      </Button>
    </form>
  );
}
