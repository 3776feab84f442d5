import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/app/lib/auth';
import { AuthCard } from '@/components/auth/auth-card';
import { RequestLinkForm } from '@/components/auth/request-link-form';
import { requestLink } from './actions';

export const metadata: Metadata = { title: 'Sign in by email' };
export const dynamic = 'force-dynamic';

export default async function SignInLinkPage() {
  if (await getSessionUser()) redirect('/');
  return (
    <AuthCard
      after={
        <p className="mt-6 text-center">
          <Link className="inline-flex min-h-11 items-center font-semibold text-brand underline" href="/sign-in">
            Back to sign in with your password
          </Link>
        </p>
      }
    >
      <h1 className="mb-1 text-2xl font-bold">Sign in by email</h1>
      <p className="mb-5 text-muted">
        We email you a link that signs you in once, within 15 minutes — also while someone else is trying wrong passwords on your account.
        If you use two-factor sign-in, the link still asks for your code.
      </p>
      <RequestLinkForm request={requestLink} />
    </AuthCard>
  );
}
