'use client';

import { useState } from 'react';
import { confirmWitness, declineWitness } from '@/app/(app)/productions/[productionId]/checks/actions';
import { confirmAttendance } from '@/app/(app)/productions/[productionId]/meetings/actions';
import { FormError } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { useOneTap } from '@/components/form/one-tap';

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
  const { pending, error, run } = useOneTap();
  const onClick = () => run(() => (what === 'witness' ? confirmWitness(productionId, { checkId: id }) : confirmAttendance(productionId, { meetingId: id })));
  return (
    <div className="flex flex-col gap-2">
      <FormError message={error} />
      <Button type="button" onClick={onClick} disabled={pending} className="w-full sm:w-auto">
        {pending ? 'Confirming…' : label}
      </Button>
    </div>
  );
}

/**
 * "I did not see this check" (rule 2): asked once more before it is sent, because it blocks the
 * hand-out on this check and tells the armorer.
 */
export function DeclineWitnessButton({ productionId, checkId }: { productionId: string; checkId: string }) {
  const { pending, error, run } = useOneTap();
  const [asking, setAsking] = useState(false);
  const onConfirm = () => run(() => declineWitness(productionId, { checkId }), () => setAsking(false));
  return (
    <div className="flex flex-col gap-2">
      <FormError message={error} />
      {asking ? (
        <div role="group" aria-labelledby="decline-h" className="flex flex-col gap-3 rounded-lg border-2 border-medium bg-warn-soft p-3">
          <p id="decline-h" className="font-semibold text-ink">
            Say you did not see this check? The armorer is told at once, and the weapon cannot be handed out on it.
          </p>
          <div className="flex flex-wrap gap-3">
            <Button type="button" variant="danger" onClick={onConfirm} disabled={pending}>
              {pending ? 'Sending…' : 'Yes, I did not see it'}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAsking(false)} disabled={pending}>
              Go back
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setAsking(true)} className="w-full sm:w-auto">
          I did not see this check
        </Button>
      )}
    </div>
  );
}
