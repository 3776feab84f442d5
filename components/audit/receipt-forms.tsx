'use client';

import { useActionState, useRef } from 'react';
import type { ActionResult } from '@/app/lib/errors';
import type { ReceiptCheck } from '@/app/lib/receipts/sign';
import type { SendReceiptOutcome } from '@/app/(app)/productions/[productionId]/audit/actions';
import { Button } from '@/components/ui/button';
import { describedBy, Field, FormError, FormSuccess, Textarea } from '@/components/form/field';

type Send = (prev: ActionResult<SendReceiptOutcome> | null, form: FormData) => Promise<ActionResult<SendReceiptOutcome>>;
type Check = (prev: ActionResult<ReceiptCheck> | null, form: FormData) => Promise<ActionResult<ReceiptCheck>>;

/** "Send a receipt now": signs the chain's head on the server and emails it to producers and auditors. */
export function SendReceiptForm({ action }: { action: Send }) {
  const [state, run, pending] = useActionState(action, null);
  return (
    <form action={run} className="flex flex-col gap-2">
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Sending…' : 'Send a receipt now'}
        </Button>
      </div>
      {state && !state.ok ? <FormError message={state.message} /> : null}
      {state?.ok ? (
        <FormSuccess
          message={`Receipt sent to ${state.data.recipients} ${state.data.recipients === 1 ? 'person' : 'people'}: entry #${state.data.seq}, hash ${state.data.hash.slice(0, 16)}…`}
        />
      ) : null}
    </form>
  );
}

const VERDICT = {
  confirmed: { cls: 'border-ok/40 bg-ok-soft', icon: '✓', word: 'Receipt confirmed' },
  contradicted: { cls: 'border-hold bg-hold-soft', icon: '✗', word: 'The chain contradicts this receipt' },
  forged: { cls: 'border-hold bg-hold-soft', icon: '✗', word: 'Not a valid receipt' },
  elsewhere: { cls: 'border-medium/50 bg-warn-soft', icon: '◆', word: 'Another production’s receipt' },
  unreadable: { cls: 'border-medium/50 bg-warn-soft', icon: '◆', word: 'Not a receipt' },
} as const;

/** Paste a receipt (or choose its file, read in the browser) and check it against the chain now. */
export function CheckReceiptForm({ action }: { action: Check }) {
  const [state, run, pending] = useActionState(action, null);
  const text = useRef<HTMLTextAreaElement>(null);
  const error = state && !state.ok ? state.fieldErrors?.receipt?.[0] : undefined;
  const check = state?.ok ? state.data : null;
  return (
    <form action={run} className="flex flex-col gap-3">
      <Field id="receipt" label="Receipt" hint="Paste the receipt from the email (the part from { to } is enough), or choose its file." error={error}>
        <Textarea {...describedBy('receipt', error, true)} ref={text} name="receipt" rows={6} spellCheck={false} className="font-mono text-sm" />
      </Field>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="receipt-file" className="font-semibold">
          Or choose a receipt file
        </label>
        <input
          id="receipt-file"
          type="file"
          accept=".json,.txt,.eml,application/json,text/plain"
          className="min-h-11 text-base file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-line file:bg-surface file:px-4 file:font-semibold"
          onChange={async (e) => {
            const f = e.currentTarget.files?.[0];
            if (f && text.current) text.current.value = (await f.text()).slice(0, 20_000);
          }}
        />
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Checking…' : 'Check receipt'}
        </Button>
      </div>
      <div aria-live="polite" data-testid="receipt-check">
        {state && !state.ok && !error ? <FormError message={state.message} /> : null}
        {check ? (
          <div className={`rounded-lg border-2 p-3 ${VERDICT[check.verdict].cls}`}>
            <p className="font-bold">
              <span aria-hidden="true">{VERDICT[check.verdict].icon} </span>
              {VERDICT[check.verdict].word}
            </p>
            <p className="mt-1 break-words">{check.message}</p>
            {check.receipt ? (
              <ul className="mt-2 list-disc pl-5 text-sm">
                {check.verdict !== 'forged' && check.verdict !== 'unreadable' ? <li>Signature: valid ({check.receipt.keyId}).</li> : null}
                <li className="break-all">
                  Head: entry #{check.receipt.seq}, hash {check.receipt.hash.slice(0, 16)}…, signed {check.receipt.signedAt}.
                </li>
                {'report' in check ? (
                  <>
                    <li>
                      {check.newest
                        ? 'It is the newest entry now.'
                        : `The chain now ends at #${check.report.last?.seq ?? 0}${check.verdict === 'confirmed' ? ` (${check.entriesSince} since)` : ''}.`}
                    </li>
                    {check.report.findings
                      .filter((f) => f.message !== check.message)
                      .map((f, k) => (
                        <li key={k} className="break-words">
                          {f.message}
                        </li>
                      ))}
                    {!check.recorded ? <li>No record of sending this receipt is left in the database.</li> : null}
                  </>
                ) : null}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
