import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/app/lib/auth';
import { SignInForm } from './sign-in-form';
import { Logo } from '@/components/logo';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await getSessionUser()) redirect('/');
  const { next } = await searchParams;
  const safeNext = typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 flex items-center gap-3">
        <Logo />
      </div>
      <div className="rounded-xl border border-line bg-white p-5 shadow-sm sm:p-6">
        <h1 className="mb-1 text-2xl font-bold">Sign in</h1>
        <p className="mb-5 text-muted">The safety desk of your production: checks, custody, incidents and holds.</p>
        <SignInForm next={safeNext} />
      </div>
      <p className="mt-6 text-center text-muted">
        Saw something unsafe and want to stay anonymous? Use the QR code or link on your call sheet — no account needed.
      </p>
      <p className="mt-3 text-center">
        <a className="font-semibold text-brand underline" href="/reference/rust">
          Why SetSafe exists: the Rust case
        </a>
      </p>
    </main>
  );
}
