import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { FieldErrors } from '@/app/lib/errors';

export const NETWORK_MESSAGE = 'Could not reach SetSafe. Nothing was lost: check the connection and press the button again.';

/** Puts the server's per-field errors back beside their fields (ARCHITECTURE.md: a server action) and its message on top. */
export function applyServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, res: { message: string; fieldErrors?: FieldErrors }) {
  for (const [name, msgs] of Object.entries(res.fieldErrors ?? {})) {
    if (name !== '_form' && msgs?.[0]) setError(name as Path<T>, { type: 'server', message: msgs[0] });
  }
  // A refusal about one field is said once, beside that field.
  const saidBeside = Object.values(res.fieldErrors ?? {}).some((m) => m?.[0] === res.message);
  if (!saidBeside) setError('root.server' as Path<T>, { type: 'server', message: res.message });
}
