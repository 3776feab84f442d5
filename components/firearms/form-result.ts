'use client';

import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ActionResult } from '@/app/lib/errors';

/** Puts a refused action's per-field messages back on the fields; returns the form-level message. */
export function applyFieldErrors<T extends FieldValues>(form: UseFormReturn<T>, res: ActionResult<unknown>): string | undefined {
  if (res.ok) return undefined;
  for (const [name, msgs] of Object.entries(res.fieldErrors ?? {})) {
    if (msgs?.[0] && name !== '_form') form.setError(name as Path<T>, { message: msgs[0] });
  }
  return res.message;
}
