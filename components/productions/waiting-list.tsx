import Link from 'next/link';
import type { WaitingItem } from '@/db/queries/home';
import { Card, CardTitle } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';

const KIND: Record<WaitingItem['kind'] | 'hold', string> = {
  hold: 'Hold',
  witness: 'Witness',
  meeting: 'Meeting',
  question: 'Your report',
  action: 'Your action',
};

/** A member's home: what waits for them, most pressing first, each one tap from where it is done. */
export function WaitingList({ items, hold }: { items: WaitingItem[]; hold: { reason: string; href: string } | null }) {
  const rows = [
    ...(hold ? [{ key: 'hold', kind: 'hold' as const, text: `A stop-work hold stands: ${hold.reason}`, href: hold.href, urgent: true }] : []),
    ...items.filter((i) => i.urgent),
    ...items.filter((i) => !i.urgent),
  ];
  // A line standing for items not listed by name counts as that many.
  const count = rows.reduce((n, r) => n + ('more' in r && r.more ? r.more : 1), 0);
  return (
    <Card aria-labelledby="waiting-h" className="mb-4">
      <CardTitle id="waiting-h">Waiting for you{rows.length ? ` (${count})` : ''}</CardTitle>
      {rows.length === 0 ? (
        <p className="flex items-center gap-2 rounded-lg bg-ok-soft p-3 font-semibold text-ok">
          <span aria-hidden="true">✓</span> Nothing waits for you on this production.
        </p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="waiting-list">
          {rows.map((r) => (
            <li key={r.key}>
              <Link
                href={r.href}
                className={cx(
                  'flex min-h-11 items-center gap-3 rounded-lg border p-3 hover:bg-canvas',
                  r.kind === 'hold' ? 'border-2 border-hold bg-hold-soft' : r.urgent ? 'border-medium/50 bg-warn-soft' : 'border-line',
                )}
              >
                <span className="flex min-w-0 flex-1 flex-col items-start gap-0.5 [overflow-wrap:anywhere]">
                  <span
                    className={cx(
                      'rounded text-xs font-bold uppercase tracking-wide',
                      r.kind === 'hold' ? 'bg-hold-solid px-1.5 py-0.5 text-white' : r.urgent ? 'text-medium' : 'text-muted',
                    )}
                  >
                    {r.kind === 'hold' ? <span aria-hidden="true">■ </span> : null}
                    {KIND[r.kind]}
                  </span>
                  <span className={cx('font-semibold', r.kind === 'hold' ? 'text-hold' : 'text-ink')}>{r.text}</span>
                </span>
                <span aria-hidden="true" className="text-muted">
                  ›
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
