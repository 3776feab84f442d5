import { Hotline } from '@/components/signals/hotline';
import Link from 'next/link';
import { requireUser, listMyProductions } from '@/app/lib/auth';
import { Logo } from '@/components/logo';
import { ProductionSwitcher } from '@/components/shell/production-switcher';
import { NotificationBell } from '@/components/shell/notification-bell';
import { SignOutButton } from '@/components/shell/sign-out-button';
import { OutboxStatus } from '@/components/incidents/outbox-status';
import { KeepOffline } from '@/components/offline/keep-offline';

export const dynamic = 'force-dynamic';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const productions = listMyProductions(user.id);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="no-print border-b border-line bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2">
          <Link href="/" className="flex min-h-11 min-w-11 items-center justify-center" aria-label="SetSafe home">
            <Logo narrow />
          </Link>
          <ProductionSwitcher productions={productions} />
          <div className="ml-auto flex items-center gap-1">
            <NotificationBell userId={user.id} />
            <details className="relative">
              {/* On a phone the name gives way to an icon, so the header stays one row (ARCHITECTURE.md: phones and offline). */}
              <summary
                aria-label={`Account: ${user.name}`}
                className="flex min-h-11 cursor-pointer list-none items-center rounded-lg px-3 font-semibold text-ink hover:bg-canvas"
              >
                <svg aria-hidden="true" className="sm:hidden" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
                  <circle cx="12" cy="8" r="4" />
                  <path d="M4 21c0-4 3.6-7 8-7s8 3 8 7" />
                </svg>
                <span className="hidden max-w-[9rem] truncate sm:block">{user.name}</span>
                <span aria-hidden="true" className="ml-1 text-muted">▾</span>
              </summary>
              <div className="absolute right-0 z-20 mt-1 w-56 rounded-xl border border-line bg-surface p-2 shadow-lg">
                <p className="px-3 pt-1 font-semibold break-words">{user.name}</p>
                <p className="truncate px-3 pb-1 text-sm text-muted">{user.email}</p>
                <Link className="flex min-h-11 items-center rounded-lg px-3 hover:bg-canvas" href="/account">
                  Account and password
                </Link>
                {user.isAdmin ? (
                  <Link className="flex min-h-11 items-center rounded-lg px-3 hover:bg-canvas" href="/admin">
                    Site admin
                  </Link>
                ) : null}
                <SignOutButton />
              </div>
            </details>
          </div>
        </div>
      </header>
      {/* Reports filed without a signal are sent from any signed-in page (ARCHITECTURE.md: phones and offline). */}
      <OutboxStatus userId={user.id} />
      {/* This page and the home page open with no signal; another member's pages are cleared first. */}
      <KeepOffline userKey={user.id} urls={['/']} />
      <div className="flex-1">{children}</div>
      {/* Rule 7: the industry hotline is always findable, on every signed-in page. */}
      <footer className="border-t border-line bg-surface">
        <div className="mx-auto max-w-6xl px-4 py-2">
          <Hotline compact />
        </div>
      </footer>
    </div>
  );
}
