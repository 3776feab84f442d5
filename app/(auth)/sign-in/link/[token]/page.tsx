import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getSessionUser } from '@/app/lib/auth';
import { findSignInLink, LINK_STATE_MESSAGE } from '@/app/lib/sign-in-link';
import { Logo } from '@/components/logo';
import { FollowLinkForm } from '@/components/auth/follow-link-form';

export const metadata: Metadata = { title: 'Sign in by email', robots: { index: false } };
export const dynamic = 'force-dynamic';

// Opening the page uses nothing up: mail scanners fetch links before people do. The link is used
// when its owner presses the button (and gives their second factor, if they have one).
export default async function FollowSignInLinkPage({ params }: { params: Promise<{ token: string }> }) {
  if (await getSessionUser()) redirect('/');
  const { token } = await params;
  const link = findSignInLink(getDb(), token, new Date());
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 flex items-center gap-3">
        <Logo />
      </div>
      <div className="rounded-xl border border-line bg-surface p-5 shadow-sm sm:p-6">
        {link.state === 'valid' ? (
          <>
            <h1 className="mb-1 text-2xl font-bold">Sign in by email</h1>
            <p className="mb-5 text-muted">
              Sign in as <strong className="break-all text-ink">{link.user.email}</strong>. This link works once.
            </p>
            <FollowLinkForm token={token} />
          </>
        ) : (
          <>
            <h1 className="mb-2 text-2xl font-bold">This link does not work</h1>
            <p role="alert" className="mb-5 text-ink" data-testid="link-problem">
              {LINK_STATE_MESSAGE[link.state]}
            </p>
            <Link href="/sign-in/link" className="inline-flex min-h-11 items-center font-semibold text-brand underline">
              Ask for a new link
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
