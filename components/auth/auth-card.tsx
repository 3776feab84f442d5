// The one shell of the pages a person sees before they are signed in (sign-in, sign-in by email,
// a sign-in link, an invitation): the logo, one card, and whatever follows the card.
import Link from 'next/link';
import { Logo } from '@/components/logo';

export function AuthCard({ children, after }: { children: React.ReactNode; after?: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 flex items-center gap-3">
        <Logo />
      </div>
      <div className="rounded-xl border border-line bg-surface p-5 shadow-sm sm:p-6">{children}</div>
      {after}
    </main>
  );
}

/** A one-time link that cannot be used (spent, expired, unknown): why, and the way on. */
export function BrokenLinkNotice({ message, testId, href, action }: { message: string; testId: string; href: string; action: string }) {
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">This link does not work</h1>
      <p role="alert" className="mb-5 text-ink" data-testid={testId}>
        {message}
      </p>
      <Link href={href} className="inline-flex min-h-11 items-center font-semibold text-brand underline">
        {action}
      </Link>
    </>
  );
}
