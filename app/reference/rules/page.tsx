import type { Metadata } from 'next';
import Link from 'next/link';
import { RULE_NUMBERS, RULES } from '@/app/lib/rule-text';
import { Logo } from '@/components/logo';

export const metadata: Metadata = {
  title: 'The safety rules',
  description: 'The nine safety rules SetSafe applies on every production, in plain words.',
};

/** Public, like the Rust case: an anonymous reporter and a new crew member read the same rules. */
export default function RulesPage() {
  return (
    <div className="min-h-screen">
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-3xl items-center gap-3 px-4 py-2">
          <Link href="/" className="flex min-h-11 items-center" aria-label="SetSafe home">
            <Logo />
          </Link>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-6 break-words">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">The safety rules</h1>
        <p className="mt-2 text-muted">
          SetSafe checks these on every production, on the server, whoever asks. When a screen says “rule 2”, this is what it means.
        </p>
        <ol className="mt-6 flex flex-col gap-3">
          {RULE_NUMBERS.map((n) => (
            <li key={n} id={`rule-${n}`} className="scroll-mt-4 rounded-xl border border-line bg-surface p-4 shadow-sm target:border-2 target:border-brand">
              <h2 className="text-lg font-bold">
                <span className="mr-2 inline-block rounded-md bg-brand-soft px-2 text-brand">Rule {n}</span>
                {RULES[n].title}
              </h2>
              <p className="mt-2">{RULES[n].plain}</p>
              <p className="mt-1 text-sm text-muted">Why: {RULES[n].why}</p>
              {RULES[n].sources ? (
                <div className="mt-2">
                  <h3 className="text-sm font-semibold">Where it comes from</h3>
                  <ul className="mt-1 list-disc pl-5 text-sm">
                    {RULES[n].sources!.map((src) => (
                      <li key={src}>{src}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
        <p className="mt-6">
          <Link href="/reference/rust" className="link inline-flex min-h-11 items-center">
            How these rules would have fired on the Rust set
          </Link>
        </p>
      </main>
    </div>
  );
}
