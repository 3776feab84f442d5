'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { changeMemberSchema, type ChangeMemberInput, type MemberRefInput } from '@/app/lib/schemas/members';
import { LABELS, ROLES, type Position, type Role } from '@/app/lib/enums';
import type { ActionResult } from '@/app/lib/errors';
import { Field, FormError, FormSuccess, Select, describedBy } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { InviteLink } from './invite-link';
import { PositionsFieldset, ROLE_HINT } from './positions-fieldset';
import { submitAction } from '@/components/form/form-result';

type Actions = {
  change: (v: ChangeMemberInput) => Promise<ActionResult<unknown>>;
  remove: (v: MemberRefInput) => Promise<ActionResult<{ self: boolean }>>;
  reissue: (v: MemberRefInput) => Promise<ActionResult<{ token: string; expiresAt: number; name: string }>>;
};

/** A producer's controls for one member: role and positions, a new link, removal. */
export function MemberEditor({
  member,
  actions,
}: {
  member: { membershipId: string; name: string; role: Role; positions: Position[]; pending: boolean; isSelf: boolean };
  actions: Actions;
}) {
  const router = useRouter();
  const id = `m-${member.membershipId.slice(0, 8)}`;
  const [saved, setSaved] = useState<string>();
  const [link, setLink] = useState<{ token: string; expiresAt: number; name: string } | null>(null);
  const [otherError, setOtherError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useForm<ChangeMemberInput>({
    resolver: zodResolver(changeMemberSchema),
    defaultValues: { membershipId: member.membershipId, role: member.role, positions: member.positions },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(undefined);
    const res = await submitAction(form, () => actions.change({ ...values, positions: values.positions || [] }));
    if (!res) return;
    if (res.ok) {
      setSaved('Saved. It applies from their next page load.');
      router.refresh();
      return;
    }
  });

  async function reissue() {
    setBusy(true);
    setOtherError(undefined);
    const res = await actions.reissue({ membershipId: member.membershipId });
    setBusy(false);
    if (res.ok) setLink(res.data);
    else setOtherError(res.message);
  }

  async function remove() {
    setBusy(true);
    setOtherError(undefined);
    const res = await actions.remove({ membershipId: member.membershipId });
    setBusy(false);
    if (!res.ok) {
      setOtherError(res.message);
      setConfirming(false);
      return;
    }
    // Removing yourself ends your own sessions too.
    if (res.data.self) router.replace('/sign-in');
    else router.refresh();
  }

  return (
    <div className="flex flex-col gap-5 pt-3">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormError message={errors.root?.server?.message} />
        <FormSuccess message={saved} />
        <Field id={`${id}-role`} label={`Role of ${member.name}`} hint={ROLE_HINT} error={errors.role?.message}>
          <Select {...describedBy(`${id}-role`, errors.role?.message, true)} {...form.register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {LABELS.role[r]}
              </option>
            ))}
          </Select>
        </Field>
        <PositionsFieldset idPrefix={id} register={form.register('positions')} error={errors.positions?.message} />
        <Button type="submit" disabled={isSubmitting} className="self-start">
          {isSubmitting ? 'Saving…' : 'Save role and positions'}
        </Button>
      </form>

      <div className="flex flex-col gap-3 border-t border-line pt-4">
        <FormError message={otherError} />
        {link ? <InviteLink token={link.token} name={link.name} expiresAt={link.expiresAt} /> : null}
        <div className="flex flex-wrap gap-2">
          {member.pending ? (
            <Button type="button" variant="secondary" onClick={reissue} disabled={busy}>
              New set-password link
            </Button>
          ) : null}
          {confirming ? (
            <>
              <Button type="button" variant="danger" onClick={remove} disabled={busy}>
                {member.isSelf ? 'Yes, remove me' : `Yes, remove ${member.name}`}
              </Button>
              <Button type="button" variant="ghost" onClick={() => setConfirming(false)} disabled={busy}>
                Keep
              </Button>
            </>
          ) : (
            <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
              <span className="text-hold">{member.isSelf ? 'Leave this production' : 'Remove from production'}</span>
            </Button>
          )}
        </div>
        {confirming ? (
          <p className="text-sm text-muted" role="status">
            {member.isSelf
              ? 'You will lose access at once and be signed out everywhere.'
              : `${member.name} loses access at once and is signed out everywhere. What they recorded stays in the records.`}
          </p>
        ) : null}
      </div>
    </div>
  );
}
