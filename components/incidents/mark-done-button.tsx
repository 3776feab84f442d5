'use client';

import { completeCorrectiveAction } from '@/app/(app)/productions/[productionId]/incidents/actions';
import { useOneTap } from '@/components/form/one-tap';
import { Button } from '@/components/ui/button';

/** One tap; the server checks the caller is the owner, a producer, or the armorer on a firearm matter. */
export function MarkDoneButton({ productionId, actionId, label = 'Mark done' }: { productionId: string; actionId: string; label?: string }) {
  const { pending, error, run } = useOneTap();
  return (
    <div className="flex flex-col items-start gap-1">
      <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => completeCorrectiveAction(productionId, { actionId }))}>
        <span aria-hidden="true">✓</span> {pending ? 'Saving…' : label}
      </Button>
      <div aria-live="polite">{error ? <p className="text-sm font-semibold text-hold">⚠ {error}</p> : null}</div>
    </div>
  );
}
