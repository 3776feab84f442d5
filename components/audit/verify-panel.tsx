'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/app/lib/errors';
import type { VerifyOutcome } from '@/app/(app)/productions/[productionId]/audit/actions';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/form/field';
import { formatInZone } from '@/app/lib/time';

type VerifyAction = (prev: ActionResult<VerifyOutcome> | null, form: FormData) => Promise<ActionResult<VerifyOutcome>>;

const STATUS = {
  intact: { cls: 'border-ok/40 bg-ok-soft', icon: '✓', word: 'Intact' },
  warning: { cls: 'border-medium/50 bg-warn-soft', icon: '◆', word: 'Intact, with a warning' },
  tampered: { cls: 'border-hold bg-hold-soft', icon: '✗', word: 'Tampering found' },
} as const;

/** The "Verify chain" button and its result (a server action: the walk runs on the server). */
export function VerifyPanel({ action, timeZone }: { action: VerifyAction; timeZone: string }) {
  const [state, run, pending] = useActionState(action, null);
  const report = state?.ok ? state.data.report : null;
  return (
    <div className="flex flex-col gap-3">
      <form action={run}>
        <Button type="submit" disabled={pending}>
          {pending ? 'Verifying…' : 'Verify chain'}
        </Button>
      </form>
      <div aria-live="polite" data-testid="verify-result">
        {state && !state.ok ? <FormError message={state.message} /> : null}
        {report ? (
          <div className={`rounded-lg border-2 p-3 ${STATUS[report.status].cls}`}>
            <p className="font-bold">
              <span aria-hidden="true">{STATUS[report.status].icon} </span>
              {STATUS[report.status].word}
              {report.status === 'tampered'
                ? `: ${report.findings.length} problem${report.findings.length === 1 ? '' : 's'} in ${report.entries} entries`
                : `, ${report.entries} ${report.entries === 1 ? 'entry' : 'entries'}`}
            </p>
            {report.findings.length ? (
              <ul className="mt-2 list-disc pl-5">
                {report.findings.map((f, k) => (
                  <li key={k} className="break-words">
                    {f.message}
                  </li>
                ))}
              </ul>
            ) : null}
            {report.warnings.map((w, k) => (
              <p key={k} className="mt-2 break-words">
                {w.message}
              </p>
            ))}
            <p className="mt-2 font-mono text-xs break-all text-muted">
              {/* One time zone on the trail: the production's, named. */}
              Checked {state?.ok ? formatInZone(new Date(state.data.checkedAt), timeZone) : ''} · last entry #{report.last?.seq ?? 0}{' '}
              {report.last?.hash ?? ''}
            </p>
          </div>
        ) : null}
      </div>
    </div>
  );
}
