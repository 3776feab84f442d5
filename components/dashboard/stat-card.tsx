import type { ReactNode } from 'react';
import { cx } from '@/components/ui/cx';

export type Tone = 'danger' | 'warn' | 'ok' | 'neutral';

const TONE: Record<Tone, { box: string; count: string; icon: string }> = {
  danger: { box: 'border-hold/60 bg-hold-soft/40', count: 'text-hold', icon: '■' },
  warn: { box: 'border-medium/50 bg-warn-soft/40', count: 'text-medium', icon: '◆' },
  ok: { box: 'border-line', count: 'text-ok', icon: '✓' },
  neutral: { box: 'border-line', count: 'text-ink', icon: '' },
};

/**
 * Dashboard card shell; its minimum height matches the skeleton that stands in for it. Lower on a
 * phone, where the cards stack in one column and a short card would otherwise end in blank space.
 */
export const CARD_MIN_H = 'min-h-36 sm:min-h-52';

/**
 * One figure and what is behind it. The figure carries a word and a symbol as well as colour
 * (colour is never the only signal: ARCHITECTURE.md, phones and offline).
 */
export function StatCard({
  id,
  title,
  count,
  countLabel,
  tone,
  children,
  footer,
  className,
}: {
  id: string;
  title: string;
  count?: number | string;
  countLabel?: string;
  tone: Tone;
  children?: ReactNode;
  footer?: ReactNode;
  className?: string;
}) {
  const t = TONE[tone];
  return (
    <section aria-labelledby={id} className={cx('flex flex-col rounded-xl border bg-surface p-4 shadow-sm sm:p-5', t.box, CARD_MIN_H, className)} data-testid={id}>
      <div className="mb-2 flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
        <h2 id={id} className="min-w-0 flex-1 basis-40 text-lg font-semibold leading-snug text-ink">
          {title}
        </h2>
        {count !== undefined ? (
          <p className={cx('flex shrink-0 items-baseline gap-1.5 font-bold', t.count)}>
            {t.icon ? <span aria-hidden="true" className="text-base">{t.icon}</span> : null}
            <span className="text-3xl tabular-nums" data-testid={`${id}-count`}>{count}</span>
            {countLabel ? <span className="text-sm font-semibold">{countLabel}</span> : null}
          </p>
        ) : null}
      </div>
      <div className="flex-1">{children}</div>
      {footer ? <div className="mt-3 border-t border-line pt-2 text-sm">{footer}</div> : null}
    </section>
  );
}

export function ItemList({ children }: { children: ReactNode }) {
  return <ul className="flex flex-col divide-y divide-line">{children}</ul>;
}

export function Item({ children }: { children: ReactNode }) {
  return <li className="py-2 break-words">{children}</li>;
}

export function NoneYet({ children }: { children: ReactNode }) {
  return <p className="text-muted">{children}</p>;
}
