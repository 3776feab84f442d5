'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { usePathname } from 'next/navigation';
import { cx } from '@/components/ui/cx';
import { NavLink, navLinkClass } from '@/components/ui/nav-link';
import { currentOf } from './nav-current';

type Item = { href: string; label: string; section?: string[] };
/** A bar entry: its icon and short word are drawn on the server (phone-nav-icon.tsx), so they add nothing to every page's JavaScript. */
type BarItem = Item & { icon: ReactNode; short: string };

const tab = navLinkClass(
  'flex min-h-14 w-full flex-col items-center justify-center gap-0.5 rounded-lg px-1 text-[0.8125rem] font-semibold leading-tight',
  'text-brand',
  'text-muted hover:text-ink',
);
const moreClass = navLinkClass('flex min-h-11 items-center rounded-lg px-3 font-semibold', 'bg-brand-soft text-brand', 'text-ink hover:bg-canvas');

/**
 * A phone's navigation: a bar at the bottom, where the thumb is, with the four things this role
 * does most and "More" for the rest, so no label is ever clipped or scrolled off the screen.
 * Hidden on a wide screen, where the tab row of ProductionNav shows every entry.
 */
export function PhoneNav({ primary, more }: { primary: BarItem[]; more: Item[] }) {
  const pathname = usePathname();
  const current = currentOf([...primary, ...more], pathname);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const moreRef = useRef<HTMLButtonElement>(null);
  const moreHasCurrent = more.some((i) => i.href === current);

  // A new page closes the panel.
  const [seen, setSeen] = useState(pathname);
  if (seen !== pathname) {
    setSeen(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        moreRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <nav aria-label="Production" className="no-print fixed inset-x-0 bottom-0 z-30 border-t border-line bg-surface pb-[env(safe-area-inset-bottom)] shadow-[0_-2px_8px_rgb(0_0_0/0.08)] lg:hidden">
      {open ? (
        <div id={panelId} className="border-b border-line px-3 py-2">
          <p className="px-2 pb-1 text-sm font-semibold text-muted">More</p>
          <ul className="grid grid-cols-2 gap-1">
            {more.map((i) => (
              <li key={i.href}>
                <NavLink href={i.href} current={i.href === current} className={moreClass}>
                  {i.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="mx-auto grid max-w-lg grid-cols-5 gap-1 px-1 py-1">
        {primary.map((i) => (
          <li key={i.href}>
            <NavLink href={i.href} current={i.href === current} className={tab}>
              {i.icon}
              <span className={cx(i.href === current && 'underline decoration-2 underline-offset-4')}>{i.short}</span>
            </NavLink>
          </li>
        ))}
        {more.length ? (
          <li>
            <button ref={moreRef} type="button" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen((o) => !o)} className={tab(moreHasCurrent || open)}>
              <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" fill="currentColor">
                <circle cx="5" cy="12" r="2" />
                <circle cx="12" cy="12" r="2" />
                <circle cx="19" cy="12" r="2" />
              </svg>
              <span>More</span>
            </button>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
