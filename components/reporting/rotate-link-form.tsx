'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { rotateReportLink } from '@/app/(app)/productions/[productionId]/reporting/actions';
import { FormError, FormSuccess } from '@/components/form/field';
import { Button } from '@/components/ui/button';

/** Two steps (tick, then press) because a rotation cannot be undone: printed codes stop working. */
export function RotateLinkForm({ productionId }: { productionId: string }) {
  const router = useRouter();
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  return (
    <form
      className="mt-3 flex flex-col gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(undefined);
        setDone(undefined);
        setBusy(true);
        try {
          const res = await rotateReportLink(productionId, { confirm });
          if (!res.ok) setError(res.fieldErrors?.confirm?.[0] ?? res.message);
          else {
            setDone('Done: the old link no longer works. Print and hand out the new QR code.');
            setConfirm(false);
            router.refresh();
          }
        } catch {
          setError('Could not reach SetSafe. Try again.');
        } finally {
          setBusy(false);
        }
      }}
    >
      <FormError message={error} />
      <FormSuccess message={done} />
      <label className="flex min-h-11 cursor-pointer items-start gap-3">
        <input type="checkbox" className="mt-1 size-5 shrink-0 accent-hold" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />
        <span>I understand that the old link and every printed QR code stop working now.</span>
      </label>
      <Button type="submit" variant="danger" disabled={busy || !confirm}>
        {busy ? 'Changing…' : 'Change the link now'}
      </Button>
    </form>
  );
}
