'use client';

import { useEffect, useRef } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ActionResult, FieldErrors } from '@/app/lib/errors';
import { cx } from '@/components/ui/cx';

/** The one message for a request that never reached the server: nothing was stored, nothing lost. */
export const NETWORK_MESSAGE = 'Could not reach SetSafe. Nothing was lost: check the connection and press the button again.';

/**
 * success: done as asked. warning: done, but it filed an incident or needs attention (a count that
 * differs). error: refused or not sent; nothing changed.
 */
export type Tone = 'success' | 'warning' | 'error';

const BOX: Record<Tone, string> = { success: 'border-ok/40 bg-ok-soft', warning: 'border-medium/50 bg-warn-soft', error: 'border-hold/40 bg-hold-soft' };

// The symbol is CSS-generated, so the message's text stays exactly the server's words.
const TONE: Record<Tone, string> = {
  success: "text-ok before:content-['✓_']",
  warning: "text-medium before:content-['▲_']",
  error: "text-hold before:content-['⚠_']",
};

/**
 * A form's result, where the eye is: when a message appears it takes focus and is scrolled to
 * the middle of the screen, so a result above a long form on a phone is never off-screen. The
 * live region is always in the page, so screen readers announce the message as it arrives.
 */
export function FormResult({ tone, message, children, className }: { tone: Tone; message?: string; children?: React.ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!message || !ref.current) return;
    ref.current.focus({ preventScroll: true });
    ref.current.scrollIntoView({ block: 'center' });
  }, [message]);
  return (
    <div role={tone === 'success' ? 'status' : 'alert'} aria-live={tone === 'success' ? 'polite' : 'assertive'}>
      {message ? (
        <div ref={ref} tabIndex={-1} data-tone={tone} className={cx('rounded-lg border p-3 font-semibold outline-offset-2', BOX[tone], className)}>
          <p className={TONE[tone]}>{message}</p>
          {children}
        </div>
      ) : null}
    </div>
  );
}

export function FormError({ message, children }: { message?: string; children?: React.ReactNode }) {
  return <FormResult tone="error" message={message}>{children}</FormResult>;
}

export function FormSuccess({ message, children }: { message?: string; children?: React.ReactNode }) {
  return <FormResult tone="success" message={message}>{children}</FormResult>;
}

export function FormWarning({ message, children }: { message?: string; children?: React.ReactNode }) {
  return <FormResult tone="warning" message={message}>{children}</FormResult>;
}

/** Puts the server's per-field errors back beside their fields (ARCHITECTURE.md: forms) and its message on the form's root. */
export function applyServerErrors<T extends FieldValues>(setError: UseFormReturn<T>['setError'], res: { message: string; fieldErrors?: FieldErrors }) {
  for (const [name, msgs] of Object.entries(res.fieldErrors ?? {})) {
    if (name !== '_form' && msgs?.[0]) setError(name as Path<T>, { type: 'server', message: msgs[0] });
  }
  // A refusal about one field is said once, beside that field.
  const saidBeside = Object.values(res.fieldErrors ?? {}).some((m) => m?.[0] === res.message);
  if (!saidBeside) setError('root.server' as Path<T>, { type: 'server', message: res.message });
}

/**
 * Every form's submit: calls the server action; a refusal lands beside its fields and on the
 * form's root (shown by <FormError message={errors.root?.server?.message} />); a request that
 * never arrives says so with NETWORK_MESSAGE. Returns the action's result, or null when the
 * network failed.
 */
export async function submitAction<T extends FieldValues, D>(form: UseFormReturn<T>, call: () => Promise<ActionResult<D>>): Promise<ActionResult<D> | null> {
  form.clearErrors('root.server' as Path<T>);
  try {
    const res = await call();
    if (!res.ok) applyServerErrors(form.setError, res);
    return res;
  } catch {
    form.setError('root.server' as Path<T>, { type: 'network', message: NETWORK_MESSAGE });
    return null;
  }
}
