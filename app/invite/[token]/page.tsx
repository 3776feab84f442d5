import type { Metadata } from 'next';
import Link from 'next/link';
import { getInvite } from '@/db/queries/invites';
import { INVITE_STATE_MESSAGE } from '@/app/lib/account';
import { Logo } from '@/components/logo';
import { SetPasswordForm } from './set-password-form';
import { acceptInvite } from './actions';

export const metadata: Metadata = { title: 'Set your password', robots: { index: false } };
export const dynamic = 'force-dynamic';

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = getInvite(token);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 flex items-center gap-3">
        <Logo />
      </div>
      <div className="rounded-xl border border-line bg-surface p-5 shadow-sm sm:p-6">
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
          <>
            <h1 className="mb-2 text-2xl font-bold">This link does not work</h1>
            <p role="alert" className="mb-5 text-ink" data-testid="invite-problem">
              {INVITE_STATE_MESSAGE[invite.state]}
            </p>
            <Link href="/sign-in" className="inline-flex min-h-11 items-center font-semibold text-brand underline">
              Go to sign-in
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
