import type { ReactNode } from 'react';
import { cx } from '@/components/ui/cx';
import { formatCount } from '@/app/lib/numbers';

export type Tone = 'danger' | 'warn' | 'ok' | 'neutral';

const TONE: Record<Tone, { box: string; count: string; icon: string }> = {
  danger: { box: 'border-hold/60 bg-hold-soft/40', count: 'text-hold', icon: '■' },
  warn: { box: 'border-medium/50 bg-warn-soft/40', count: 'text-medium', icon: '◆' },
  ok: { box: 'border-line', count: 'text-ok', icon: '✓' },
  neutral: { box: 'border-line', count: 'text-ink', icon: '' },
};

/**
 * One figure and what is behind it. The figure carries a word and a symbol as well as colour
 * (colour is never the only signal: ARCHITECTURE.md, phones and offline). Drawn with the short
 * classes of app/globals.css (stat-card and its parts), since the dashboard repeats it a dozen
 * times; a card is lower on a phone, where the cards stack in one column and a short card would
 * otherwise end in blank space.
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
    <section aria-labelledby={id} className={cx('stat-card', t.box, className)} data-testid={id}>
      <div className="stat-head">
        <h2 id={id} className="stat-title">
          {title}
        </h2>
        {count !== undefined ? (
          <p className={cx('stat-count', t.count)}>
            {t.icon ? <span aria-hidden="true" className="text-base">{t.icon}</span> : null}
            <span className="text-3xl tabular-nums" data-testid={`${id}-count`}>{typeof count === 'number' ? formatCount(count) : count}</span>
            {countLabel ? <span className="text-sm font-semibold">{countLabel}</span> : null}
          </p>
        ) : null}
      </div>
      <div className="flex-1">{children}</div>
      {footer ? <div className="stat-foot">{footer}</div> : null}
    </section>
  );
}

export function ItemList({ children }: { children: ReactNode }) {
  return <ul className="stat-items">{children}</ul>;
}

export function Item({ children }: { children: ReactNode }) {
  return <li>{children}</li>;
}

export function NoneYet({ children }: { children: ReactNode }) {
  return <p className="text-muted">{children}</p>;
}
