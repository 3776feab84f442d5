'use client';

import { useState, useTransition } from 'react';
import { completeCorrectiveAction } from '@/app/(app)/productions/[productionId]/incidents/actions';
import { NETWORK_MESSAGE } from '@/components/form/form-result';
import { Button } from '@/components/ui/button';

/** One tap; the server checks the caller is the owner, a producer, or the armorer on a firearm matter. */
export function MarkDoneButton({ productionId, actionId, label = 'Mark done' }: { productionId: string; actionId: string; label?: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(undefined);
            try {
              const res = await completeCorrectiveAction(productionId, { actionId });
              if (!res.ok) setError(res.message);
            } catch {
              setError(NETWORK_MESSAGE);
            }
          })
        }
      >
        <span aria-hidden="true">✓</span> {pending ? 'Saving…' : label}
      </Button>
      <div aria-live="polite">{error ? <p className="text-sm font-semibold text-hold">⚠ {error}</p> : null}</div>
    </div>
  );
}
