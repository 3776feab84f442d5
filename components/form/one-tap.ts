'use client';

// The one-tap buttons (a witness's confirmation, attendance, a plan's signature, a corrective action marked done): the same path as
// a form's submit (`submitAction`), for a button with no fields. A refusal's message shows beside
// the button, a request that never arrives says so with NETWORK_MESSAGE, and the page is refreshed.
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/app/lib/errors';
import { NETWORK_MESSAGE } from './form-result';

export function useOneTap() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const run = (call: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    start(async () => {
      setError(undefined);
      try {
        const res = await call();
        if (!res.ok) setError(res.message);
      } catch {
        setError(NETWORK_MESSAGE);
      }
      after?.();
      router.refresh();
    });
  return { pending, error, run };
}
