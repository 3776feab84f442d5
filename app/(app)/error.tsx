'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { buttonClass } from '@/components/ui/button-class';

// Only real bugs reach here: anything a user can cause comes back as a message from the action
// (ARCHITECTURE.md: a server action). The page says so calmly, offers a retry and a way back,
// and reminds that safety does not wait for the app.
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <main className="mx-auto max-w-xl px-4 py-12">
      <section role="alert" aria-labelledby="app-error-title" className="rounded-xl border border-line bg-surface p-5 sm:p-6">
        <h1 id="app-error-title" className="text-xl font-bold">
          This page could not be shown
        </h1>
        <p className="mt-2 text-muted">
          Something went wrong on our side, not in anything you did. A change you were saving was either saved completely or
          not at all: look at the record before you send it again.
        </p>
        <p className="mt-3 text-muted">
          If this is about something unsafe on set, do not wait for the app: stop work and tell the armorer or a producer in person.
        </p>
        <div className="mt-5 flex flex-col gap-3 sm:flex-row">
          <button type="button" onClick={reset} className={buttonClass()}>
            Try again
          </button>
          <Link href="/" className={buttonClass('secondary')}>
            Back to your productions
          </Link>
        </div>
        {error.digest ? <p className="mt-4 text-sm text-muted">Reference for support: {error.digest}</p> : null}
      </section>
    </main>
  );
}
