'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cx } from '@/components/ui/cx';
import { currentOf } from './nav-current';

type Item = { href: string; label: string; section?: string[] };

/**
 * The wide-screen tab row (the main variant; a phone has PhoneNav at the bottom instead), and the
 * firearms section's tabs, which wrap on a phone rather than scroll, so no label is clipped. The
 * current page is marked by colour, underline and aria-current.
 */
export function ProductionNav({ items, label = 'Production', variant = 'main' }: { items: Item[]; label?: string; variant?: 'main' | 'tabs' }) {
  const pathname = usePathname();
  const current = currentOf(items, pathname);
  return (
    <nav aria-label={label} className={cx(variant === 'main' ? 'hidden lg:block' : 'no-print mb-4 border-b border-line')}>
      <ul className={cx('flex flex-wrap whitespace-nowrap', variant === 'main' ? 'gap-0' : 'gap-x-1')}>
        {items.map((i) => (
          <li key={i.href}>
            <Link
              href={i.href}
              aria-current={i.href === current ? 'page' : undefined}
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
