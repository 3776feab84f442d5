// One tab row for every set of pages shown as tabs: the production's sections, the firearms
// section's pages and the public Rust case's pages. The current tab is told by colour, a thick
// underline and aria-current, never by colour alone. No 'use client': the Rust case renders it on
// the server; ProductionNav, a client component, passes the current tab from the path. It imports
// no client component of its own: whatever it imports ships on every signed-in page with the
// production nav, so the Rust case's scroll-into-view effect comes in through `after` (a budget of
// 25 kB over the empty page, docs/ARCHITECTURE.md, "Performance budget").
import type { ReactNode } from 'react';
import { cx } from './cx';
import { NavLink, navLinkClass } from './nav-link';

export type Tab = { href: string; label: string };

const tabClass = navLinkClass(
  'flex min-h-11 items-center whitespace-nowrap border-b-4 px-3 font-semibold lg:px-2',
  'border-brand text-brand',
  'border-transparent text-muted hover:text-ink',
);

/**
 * `wrap`: the row wraps onto a second line rather than clip a label. `scroll`: the row scrolls
 * sideways (a phone); pass `after={<RevealCurrentTab …/>}` so it opens with the current tab in
 * view (the effect reads the list just before it).
 */
export function TabRow({
  label,
  tabs,
  current,
  layout,
  className,
  listClassName,
  after,
}: {
  label: string;
  tabs: Tab[];
  /** The href of the current tab, if one is. */
  current: string | undefined;
  layout: 'wrap' | 'scroll';
  className?: string;
  listClassName?: string;
  /** Rendered right after the list, inside the nav. */
  after?: ReactNode;
}) {
  return (
    <nav aria-label={label} className={className}>
      <ul className={cx('flex gap-x-1', layout === 'wrap' ? 'flex-wrap' : 'overflow-x-auto [scrollbar-width:none]', listClassName)}>
        {tabs.map((t) => (
          <li key={t.href} className="shrink-0">
            <NavLink href={t.href} current={t.href === current} className={tabClass}>
              {t.label}
            </NavLink>
          </li>
        ))}
      </ul>
      {after}
    </nav>
  );
}
