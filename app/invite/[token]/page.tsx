import type { Metadata } from 'next';
import { getInvite } from '@/db/queries/invites';
import { INVITE_STATE_MESSAGE } from '@/app/lib/account';
import { AuthCard, BrokenLinkNotice } from '@/components/auth/auth-card';
import { SetPasswordForm } from './set-password-form';
import { acceptInvite } from './actions';

export const metadata: Metadata = { title: 'Set your password', robots: { index: false } };
export const dynamic = 'force-dynamic';

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = getInvite(token);
  return (
    <AuthCard>
      {invite.state === 'valid' ? (
        <>
          <h1 className="mb-1 text-2xl font-bold">Welcome, {invite.name}</h1>
          <p className="mb-5 text-muted">
            {invite.productionTitle ? (
              <>
                You have been added to <strong className="text-ink">{invite.productionTitle}</strong>.{' '}
              </>
            ) : null}
            Choose a password for <strong className="break-all text-ink">{invite.email}</strong>. This link works once.
          </p>
          <SetPasswordForm email={invite.email} accept={acceptInvite.bind(null, token)} />
        </>
      ) : (
        <BrokenLinkNotice message={INVITE_STATE_MESSAGE[invite.state]} testId="invite-problem" href="/sign-in" action="Go to sign-in" />
      )}
    </AuthCard>
  );
}
