import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/app/lib/auth';
import { SignInForm } from './sign-in-form';
import { AuthCard } from '@/components/auth/auth-card';
import { safeReturnPath } from '@/app/lib/return-path';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; welcome?: string; ended?: string }> }) {
  if (await getSessionUser()) redirect('/');
  const { next, welcome, ended } = await searchParams;
  const safeNext = safeReturnPath(next);
  return (
    <AuthCard
      after={
        <>
          <p className="mt-6 text-center text-muted">
            Saw something unsafe and want to stay anonymous? Use the QR code or link on your call sheet — no account needed.
          </p>
          <p className="mt-3 text-center">
            <a className="inline-flex min-h-11 items-center font-semibold text-brand underline" href="/reference/rust">
              Why SetSafe exists: the Rust case
            </a>
          </p>
        </>
      }
    >
      <h1 className="mb-1 text-2xl font-bold">Sign in</h1>
      <p className="mb-5 text-muted">The safety desk of your production: checks, custody, incidents and holds.</p>
      {welcome ? (
        <p role="status" className="mb-4 rounded-lg border border-ok/40 bg-ok-soft p-3 font-semibold text-ok">
          ✓ Your password is set. Sign in with your email and new password.
        </p>
      ) : ended ? (
        <p role="status" className="mb-4 rounded-lg border border-line bg-canvas p-3 font-semibold">
          Your password was changed. Sign in again with the new one.
        </p>
      ) : null}
      <SignInForm next={safeNext} />
      <p className="mt-4">
        <Link className="inline-flex min-h-11 items-center font-semibold text-brand underline" href="/sign-in/link">
          Email me a sign-in link instead
        </Link>
      </p>
    </AuthCard>
  );
}
