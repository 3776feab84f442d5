// The frame of every page of the public Rust case: the header, the case's pages as tabs, the
// banner on an older version, and the closing note. A server component: it ships no JavaScript
// beyond OpenOnHash, which opens a fold a link lands in, and the tab row's RevealCurrentTab.
import type { ReactNode } from 'react';
import Link from 'next/link';
import { RUST_PAGES, rustPageHref, type LoadedCase, type RustPageSlug } from '@/app/reference/rust/case';
import { OpenOnHash } from '@/components/reference/open-on-hash';
import { Logo } from '@/components/logo';
import { TabRow } from '@/components/ui/tab-row';
import { RevealCurrentTab } from '@/components/ui/reveal-current-tab';

export const caseDay = (d: Date | string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(typeof d === 'string' ? new Date(`${d}T00:00:00Z`) : d);

export function CaseShell({ current, loaded, children }: { current: RustPageSlug; loaded: LoadedCase; children: ReactNode }) {
  const { c, isNewest, linkVersion } = loaded;
  const at = RUST_PAGES.findIndex((p) => p.slug === current);
  const next = RUST_PAGES[at + 1];
  return (
    <div className="min-h-screen">
      <OpenOnHash />
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-3xl items-center gap-3 px-4 py-2">
          <Link href="/sign-in" className="flex min-h-11 items-center" aria-label="SetSafe sign-in">
            <Logo />
          </Link>
          <Link href="/sign-in" className="ml-auto inline-flex min-h-11 items-center rounded-lg px-3 font-semibold text-brand hover:bg-brand-soft">
            Sign in
          </Link>
        </div>
      </header>

      {/* The case's pages, in reach as the reader scrolls. On a phone the row scrolls sideways and fades at its right edge, so the tabs past it show there are more. */}
      <TabRow
        label="The Rust case"
        tabs={RUST_PAGES.map((p) => ({ href: rustPageHref(p.slug, linkVersion), label: p.label }))}
        current={rustPageHref(current, linkVersion)}
        layout="scroll"
        after={<RevealCurrentTab current={rustPageHref(current, linkVersion)} />}
        className="sticky top-0 z-10 border-b border-line bg-surface/95 backdrop-blur"
        listClassName="mx-auto max-w-3xl pl-2 pr-12 text-[0.95rem] [mask-image:linear-gradient(to_right,#000_82%,transparent)] sm:pr-2 sm:[mask-image:none]"
      />

      <main className="mx-auto max-w-3xl space-y-8 px-4 py-6 break-words">
        {!isNewest ? (
          <div role="status" className="rounded-xl border-2 border-hold bg-hold-soft p-4">
            <p className="font-bold text-hold">
              <span aria-hidden="true">⚠ </span>You are reading version {c.version.version}, published {caseDay(c.version.publishedAt)}. It has been corrected.
            </p>
            <p className="mt-1">
              <Link href={rustPageHref(current)} className="link inline-flex min-h-11 items-center">
                Read the current version (version {c.newest.version}, {caseDay(c.newest.publishedAt)})
              </Link>
            </p>
          </div>
        ) : null}

        {children}

        {next ? (
          <p className="border-t border-line pt-4">
            <Link href={rustPageHref(next.slug, linkVersion)} className="link inline-flex min-h-11 items-center">
              Next: {next.label} <span aria-hidden="true">&nbsp;→</span>
            </Link>
          </p>
        ) : null}
        <p className="border-t border-line pt-4 text-sm text-muted">
          Reference data, read-only: seeded from the case&rsquo;s sources; first locked on {caseDay(c.lockedAt)}. It is not a production and belongs to no
          one&rsquo;s account.
        </p>
      </main>
    </div>
  );
}

/** The heading of a page after the overview: which case, which version, and the page's name. */
export function CasePageTitle({ loaded, title, children }: { loaded: LoadedCase; title: string; children?: ReactNode }) {
  return (
    <div>
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">
        {loaded.c.info.title} · version {loaded.c.version.version}
      </p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
      {children ? <div className="mt-1 text-[0.95rem] text-muted">{children}</div> : null}
    </div>
  );
}
