import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getSessionUser } from '@/app/lib/auth';
import { findSignInLink, LINK_STATE_MESSAGE } from '@/app/lib/sign-in-link';
import { AuthCard, BrokenLinkNotice } from '@/components/auth/auth-card';
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
    <AuthCard>
      {link.state === 'valid' ? (
        <>
          <h1 className="mb-1 text-2xl font-bold">Sign in by email</h1>
          <p className="mb-5 text-muted">
            Sign in as <strong className="break-all text-ink">{link.user.email}</strong>. This link works once.
          </p>
          <FollowLinkForm token={token} />
        </>
      ) : (
        <BrokenLinkNotice message={LINK_STATE_MESSAGE[link.state]} testId="link-problem" href="/sign-in/link" action="Ask for a new link" />
      )}
    </AuthCard>
  );
}
