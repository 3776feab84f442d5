import type { ComponentProps, ReactNode } from 'react';
import { cx } from '@/components/ui/cx';

/** A big radio button: the whole tile is the tap target; the checked one is marked by border, fill and a tick. */
export function RadioTile({ label, hint, className, ...props }: ComponentProps<'input'> & { label: ReactNode; hint?: ReactNode }) {
  return (
    <label
      className={cx(
        'group flex min-h-14 cursor-pointer items-center gap-3 rounded-xl border-2 border-line bg-surface px-3 py-2 has-[:checked]:border-brand has-[:checked]:bg-brand-soft has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand',
        className,
      )}
    >
      <input type="radio" className="size-6 shrink-0 accent-brand" {...props} />
      <span className="flex min-w-0 flex-col leading-tight">
        <span className="font-semibold">{label}</span>
        {hint ? <span className="text-sm text-muted">{hint}</span> : null}
      </span>
    </label>
  );
}
