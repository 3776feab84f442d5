import { cx } from './cx';

/** A placeholder with the size of what it stands for, so the page does not jump when it arrives. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cx('animate-pulse rounded-lg bg-raised', className)} />;
}

/** Card-shaped placeholder: same border, padding and minimum height as the card it replaces. */
export function CardSkeleton({ className, lines = 3, label }: { className?: string; lines?: number; label: string }) {
  return (
    <section className={cx('rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-5', className)} aria-busy="true" aria-label={`Loading ${label}`}>
      <Skeleton className="mb-4 h-6 w-1/2" />
      <div className="flex flex-col gap-3">
        {Array.from({ length: lines }, (_, k) => (
          <Skeleton key={k} className={k % 2 ? 'h-4 w-3/4' : 'h-4 w-full'} />
        ))}
      </div>
    </section>
  );
}
