'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cx } from '@/components/ui/cx';

/** Scrolls sideways on a phone; the current page is marked by weight, underline and aria-current. */
export function ProductionNav({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(i.href + '/'))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="Production" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex gap-1 whitespace-nowrap">
        {items.map((i) => (
          <li key={i.href}>
            <Link
              href={i.href}
              aria-current={i.href === current ? 'page' : undefined}
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
