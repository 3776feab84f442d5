'use client';

import { useEffect, useId, useRef, useState } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cx } from '@/components/ui/cx';
import { currentOf } from './nav-current';

type Item = { href: string; label: string; section?: string[] };

/** Shorter words where the bar is narrow; the full label stays in "More" and on a wide screen. */
const SHORT: Record<string, string> = { Overview: 'Home', 'Anonymous reporting': 'Anonymous' };

function Icon({ label }: { label: string }) {
  const common = { 'aria-hidden': true, width: 24, height: 24, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;
  switch (label) {
    case 'Overview':
      return (
        <svg {...common}>
          <path d="M3 11l9-7 9 7" />
          <path d="M5 10v10h14V10" />
        </svg>
      );
    case 'Report':
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="9" />
          <path d="M12 8v8M8 12h8" />
        </svg>
      );
    case 'Checks':
      return (
        <svg {...common}>
          <path d="M4 12l5 5L20 6" />
        </svg>
      );
    case 'Holds':
      return (
        <svg {...common}>
          <rect x="5" y="5" width="14" height="14" rx="2" />
        </svg>
      );
    case 'Dashboard':
      return (
        <svg {...common}>
          <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
        </svg>
      );
    case 'Audit':
      return (
        <svg {...common}>
          <path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z" />
          <path d="M9 12l2 2 4-4" />
        </svg>
      );
    case 'Firearms':
      return (
        <svg {...common}>
          <path d="M3 8h17v4H10l-1 6H5l1-6H3z" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <path d="M5 6h14M5 12h14M5 18h10" />
        </svg>
      );
  }
}

/**
 * A phone's navigation: a bar at the bottom, where the thumb is, with the four things this role
 * does most and "More" for the rest, so no label is ever clipped or scrolled off the screen.
 * Hidden on a wide screen, where the tab row of ProductionNav shows every entry.
 */
export function PhoneNav({ primary, more }: { primary: Item[]; more: Item[] }) {
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

  const tab = (active: boolean) =>
    cx(
      'flex min-h-14 w-full flex-col items-center justify-center gap-0.5 rounded-lg px-1 text-[0.8125rem] font-semibold leading-tight',
      active ? 'text-brand' : 'text-muted hover:text-ink',
    );

  return (
    <nav aria-label="Production" className="no-print fixed inset-x-0 bottom-0 z-30 border-t border-line bg-surface pb-[env(safe-area-inset-bottom)] shadow-[0_-2px_8px_rgb(0_0_0/0.08)] lg:hidden">
      {open ? (
        <div id={panelId} className="border-b border-line px-3 py-2">
          <p className="px-2 pb-1 text-sm font-semibold text-muted">More</p>
          <ul className="grid grid-cols-2 gap-1">
            {more.map((i) => (
              <li key={i.href}>
                <Link
                  href={i.href}
                  aria-current={i.href === current ? 'page' : undefined}
                  className={cx(
                    'flex min-h-11 items-center rounded-lg px-3 font-semibold',
                    i.href === current ? 'bg-brand-soft text-brand' : 'text-ink hover:bg-canvas',
                  )}
                >
                  {i.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="mx-auto grid max-w-lg grid-cols-5 gap-1 px-1 py-1">
        {primary.map((i) => (
          <li key={i.href}>
            <Link href={i.href} aria-current={i.href === current ? 'page' : undefined} className={tab(i.href === current)}>
              <Icon label={i.label} />
              <span className={cx(i.href === current && 'underline decoration-2 underline-offset-4')}>{SHORT[i.label] ?? i.label}</span>
            </Link>
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
