import type { ComponentProps, ReactNode } from 'react';
import { cx } from '@/components/ui/cx';

/** A checkbox whose whole row is the tap target (≥ 44 px). */
export function Checkbox({ label, hint, className, ...props }: ComponentProps<'input'> & { label: ReactNode; hint?: ReactNode }) {
  return (
    <label className={cx('flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-line bg-surface px-3 py-2.5 has-[:checked]:border-brand has-[:checked]:bg-brand-soft', className)}>
      <input type="checkbox" className="mt-0.5 size-6 shrink-0 accent-brand" {...props} />
      <span className="flex flex-col">
        <span className="font-semibold">{label}</span>
        {hint ? <span className="text-sm text-muted">{hint}</span> : null}
      </span>
    </label>
  );
}

// RadioTile lives in radio-tile.tsx, so a form that shows only tiles at first loads no checkbox code.
export { RadioTile } from './radio-tile';
