'use client';

import { useEffect, useRef } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cx } from '@/components/ui/cx';

type Item = { href: string; label: string; section?: string[] };

/** '/productions/<id>': the overview is current only on itself, not on every page below it. */
const isProductionRoot = (p: string) => p.split('/').length === 3;

/** The entry whose path (or section) matches the current page most specifically. */
function currentOf(items: Item[], pathname: string): string | undefined {
  let best: { href: string; len: number } | undefined;
  for (const i of items) {
    for (const p of i.section ?? [i.href]) {
      const hit = pathname === p || (pathname.startsWith(p + '/') && !isProductionRoot(p));
      if (hit && (!best || p.length > best.len)) best = { href: i.href, len: p.length };
    }
  }
  return best?.href;
}

/** Scrolls sideways on a phone; the current page is marked by weight, underline and aria-current. */
export function ProductionNav({ items, label = 'Production', variant = 'main' }: { items: Item[]; label?: string; variant?: 'main' | 'tabs' }) {
  const pathname = usePathname();
  const current = currentOf(items, pathname);
  // On a phone the row scrolls sideways: bring the current entry into view.
  const currentRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    currentRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current]);
  return (
    <nav aria-label={label} className={cx('-mx-4 overflow-x-auto px-4', variant === 'tabs' && 'no-print mb-4 border-b border-line')}>
      <ul className="flex gap-1 whitespace-nowrap lg:flex-wrap lg:gap-0">
        {items.map((i) => (
          <li key={i.href}>
            <Link
              href={i.href}
              aria-current={i.href === current ? 'page' : undefined}
              ref={i.href === current ? currentRef : undefined}
              className={cx(
                'flex min-h-11 items-center border-b-4 px-3 font-semibold lg:px-2',
                i.href === current ? 'border-brand text-brand' : 'border-transparent text-muted hover:text-ink',
              )}
            >
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
