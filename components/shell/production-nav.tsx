'use client';

import { usePathname } from 'next/navigation';
import { TabRow } from '@/components/ui/tab-row';
import { currentOf } from './nav-current';

type Item = { href: string; label: string; section?: string[] };

/**
 * The wide-screen tab row (the main variant; a phone has PhoneNav at the bottom instead), and the
 * firearms section's tabs, which wrap on a phone rather than scroll, so no label is clipped. The
 * current page is marked by colour, underline and aria-current.
 */
export function ProductionNav({ items, label = 'Production', variant = 'main' }: { items: Item[]; label?: string; variant?: 'main' | 'tabs' }) {
  const pathname = usePathname();
  return (
    <TabRow
      label={label}
      tabs={items}
      current={currentOf(items, pathname)}
      layout="wrap"
      className={variant === 'main' ? 'hidden lg:block' : 'no-print mb-4 border-b border-line'}
    />
  );
}
