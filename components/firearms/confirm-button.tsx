'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/app/lib/errors';
import { confirmWitnessAction } from '@/app/(app)/productions/[productionId]/checks/actions';
import { confirmAttendanceAction } from '@/app/(app)/productions/[productionId]/meetings/actions';
import { FormError } from '@/components/form/field';
import { Button } from '@/components/ui/button';

/** The witness's or attendee's own confirmation: one large button, made for a phone on set. */
export function ConfirmButton({
  productionId,
  what,
  id,
  label,
}: {
  productionId: string;
  what: 'witness' | 'attendance';
  id: string;
  label: string;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const onClick = () =>
    start(async () => {
      setError(undefined);
      const res: ActionResult<unknown> =
        what === 'witness' ? await confirmWitnessAction(productionId, { checkId: id }) : await confirmAttendanceAction(productionId, { meetingId: id });
      if (!res.ok) setError(res.message);
      router.refresh();
    });
  return (
    <div className="flex flex-col gap-2">
      <FormError message={error} />
      <Button type="button" onClick={onClick} disabled={pending} className="w-full sm:w-auto">
        {pending ? 'Confirming…' : label}
      </Button>
    </div>
  );
}
