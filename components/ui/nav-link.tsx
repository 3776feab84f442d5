// A link among navigation links: the current one carries aria-current="page" and its own look, so
// every nav (the tab rows, the phone bar and its "More" panel) marks the current page the same way.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { cx } from './cx';

export function NavLink({ href, current, className, children }: { href: string; current: boolean; className: (current: boolean) => string; children: ReactNode }) {
  return (
    <Link href={href} aria-current={current ? 'page' : undefined} className={className(current)}>
      {children}
    </Link>
  );
}

/** Classes `base` plus `on` for the current link, `off` for the others. */
export const navLinkClass = (base: string, on: string, off: string) => (current: boolean) => cx(base, current ? on : off);
