'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { LABELS, PHASES, type Phase } from '@/app/lib/enums';
import type { ActionResult } from '@/app/lib/errors';
import type { SetPhaseInput } from '@/app/lib/schemas/production';
import { Select } from '@/components/form/field';
import { Button } from '@/components/ui/button';

/** Site admin: move one production between prep, shooting and wrapped. */
export function PhaseForm({
  productionId,
  title,
  phase,
  setPhase,
}: {
  productionId: string;
  title: string;
  phase: Phase;
  setPhase: (v: SetPhaseInput) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [value, setValue] = useState<Phase>(phase);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `phase-${productionId.slice(0, 8)}`;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await setPhase({ productionId, phase: value });
    setBusy(false);
    setMessage(res.ok ? { ok: true, text: `Now ${LABELS.phase[value]}.` } : { ok: false, text: res.message });
    if (res.ok) router.refresh();
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-40 flex-1 flex-col gap-1">
          <label htmlFor={id} className="text-sm font-semibold text-muted">
            Phase of {title}
          </label>
          <Select id={id} value={value} onChange={(e) => setValue(e.target.value as Phase)}>
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {LABELS.phase[p]}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary" disabled={busy || value === phase}>
          Set phase
        </Button>
      </div>
      {value === 'wrapped' && phase !== 'wrapped' ? <p className="text-sm text-muted">Wrapping makes it read-only for every member.</p> : null}
      {phase === 'wrapped' && value !== 'wrapped' ? <p className="text-sm text-muted">Reopening lets its members change records again. It is audited.</p> : null}
      <div aria-live="polite">{message ? <p className={message.ok ? 'text-sm font-semibold text-ok' : 'text-sm font-semibold text-hold'}>{message.ok ? '✓ ' : '⚠ '}{message.text}</p> : null}</div>
    </form>
  );
}
