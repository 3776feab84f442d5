import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ActionResult } from '@/app/lib/errors';
import { applyServerErrors, NETWORK_MESSAGE } from './server-errors';

/** Calls a server action for a react-hook-form form; refusals land beside their fields. True on success. */
export async function submitWith<T extends FieldValues>(form: UseFormReturn<T>, call: () => Promise<ActionResult<unknown>>): Promise<boolean> {
  try {
    const res = await call();
    if (res.ok) return true;
    applyServerErrors(form.setError, res);
    return false;
  } catch {
    form.setError('root.server' as Path<T>, { type: 'network', message: NETWORK_MESSAGE });
    return false;
  }
}
