'use client';

import { useEffect, useRef } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cx } from '@/components/ui/cx';

/** Scrolls sideways on a phone; the current page is marked by weight, underline and aria-current. */
export function ProductionNav({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const current = items
    // The overview is the production's root: current only on itself, not on every page below it.
    .filter((i) => pathname === i.href || (pathname.startsWith(i.href + '/') && i.href.split('/').length > 3))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  // On a phone the row scrolls sideways: bring the current section into view.
  const currentRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    currentRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current]);
  return (
    <nav aria-label="Production" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex gap-1 whitespace-nowrap lg:flex-wrap">
        {items.map((i) => (
          <li key={i.href}>
            <Link
              href={i.href}
              aria-current={i.href === current ? 'page' : undefined}
              ref={i.href === current ? currentRef : undefined}
              className={cx(
                'flex min-h-11 items-center border-b-4 px-3 font-semibold',
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
