'use client';

// One switch: require two-factor sign-in (of a production's producers and auditors, or of site admins).
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/app/lib/errors';
import { FormError, FormSuccess } from '@/components/form/field';
import { Button } from '@/components/ui/button';

export function RequireTwoFactorForm({
  required,
  who,
  save,
  readOnly = false,
}: {
  required: boolean;
  who: string;
  save: (raw: { required: boolean }) => Promise<ActionResult<{ required: boolean }>>;
  readOnly?: boolean;
}) {
  const router = useRouter();
  const [on, setOn] = useState(required);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="flex flex-col gap-3"
      aria-label="Two-factor sign-in requirement"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(undefined);
        setDone(undefined);
        const res = await save({ required: on });
        setBusy(false);
        if (!res.ok) return setError(res.message);
        setDone(res.data.required ? `Saved: ${who} must use two-factor sign-in.` : 'Saved: two-factor sign-in is optional.');
        router.refresh();
      }}
    >
      <FormError message={error} />
      <label className="flex min-h-11 items-center gap-3 font-semibold">
        <input type="checkbox" className="size-6" checked={on} disabled={readOnly} onChange={(e) => setOn(e.target.checked)} />
        Require two-factor sign-in of {who}
      </label>
      <p className="text-sm text-muted">They are asked to set it up from their Account page before they can open anything else here.</p>
      {readOnly ? null : (
        <Button type="submit" variant="secondary" disabled={busy}>
          Save requirement
        </Button>
      )}
      <FormSuccess message={done} />
    </form>
  );
}
