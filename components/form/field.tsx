import type { ComponentProps, ReactNode } from 'react';
import { cx } from '@/components/ui/cx';

export const controlClass =
  'block w-full min-h-11 rounded-lg border border-line-strong bg-surface px-3 py-2 text-base text-ink placeholder:text-muted focus:border-brand aria-[invalid=true]:border-hold';

/** Label + control + hint + error, wired with aria-describedby and a live region (next-learn's pattern). */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="font-semibold text-ink">
        {label}
        {required ? <span className="ml-1 text-sm font-normal text-muted">(required)</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      <div id={`${id}-error`} aria-live="polite" aria-atomic="true">
        {error ? <p className="text-sm font-semibold text-hold">⚠ {error}</p> : null}
      </div>
    </div>
  );
}

/** aria props for a control inside <Field>. */
export function describedBy(id: string, error?: string, hint?: boolean) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '),
  } as const;
}

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cx(controlClass, className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={cx(controlClass, 'min-h-24', className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cx(controlClass, className)} {...props} />;
}

// The form's result box lives with the shared submit (components/form/form-result.tsx).
export { FormError, FormSuccess, FormWarning } from './form-result';
