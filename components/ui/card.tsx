import type { ComponentProps, ReactNode } from 'react';
import { cx } from './cx';

export function Card({ className, ...props }: ComponentProps<'section'>) {
  return <section className={cx('min-w-0 rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-5', className)} {...props} />;
}

export function CardTitle({ children, action, id }: { children: ReactNode; action?: ReactNode; id?: string }) {
  return (
    <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
      <h2 id={id} className="text-lg font-semibold text-ink">{children}</h2>
      {action}
    </div>
  );
}

export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">{title}</h1>
        {subtitle ? <p className="mt-1 text-muted">{subtitle}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-line bg-canvas/60 p-4 text-center text-muted">{children}</p>;
}

/** A term/value list that reads well on a phone (stacks) and on a desktop (two columns). */
export function Facts({ items }: { items: { term: string; value: ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-[minmax(0,1fr)] gap-x-6 gap-y-3 sm:grid-cols-[max-content_minmax(0,1fr)]">
      {items.map((it) => (
        <div key={it.term} className="contents">
          <dt className="font-semibold text-muted">{it.term}</dt>
          <dd className="-mt-2 break-words sm:mt-0">{it.value}</dd>
        </div>
      ))}
    </dl>
  );
}
