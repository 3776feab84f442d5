import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { SourceChips } from '@/components/reference/case-parts';
import { CaseShell, caseDay } from '@/components/reference/case-shell';
import { loadRustCase, rustPageHref } from '../case';

export const metadata: Metadata = {
  title: 'The Rust case: corrections',
  description: 'What each version of the Rust case changed, and when; older versions stay readable.',
};

// Reads the seeded, locked reference records at request time (never at build).
export const dynamic = 'force-dynamic';

/** The case's correction log, like a newspaper's, and every version this database holds. */
export default async function RustCorrectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const loaded = await loadRustCase(searchParams, 'corrections');
  const { c, sources } = loaded;
  const corrections = c.newest.corrections;

  return (
    <CaseShell current="corrections" loaded={loaded}>
      <section id="corrections" aria-labelledby="corrections-h" className="scroll-mt-16">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">
          {c.info.title} · version {c.version.version}
        </p>
        <h1 id="corrections-h" className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">
          Corrections
        </h1>
        <p className="mt-1 text-[0.95rem] text-muted">
          Like a newspaper&rsquo;s correction log: what each version changed, and when. Older versions stay readable.
        </p>
        {corrections.length > 0 ? (
          <ol className="mt-3 space-y-3">
            {[...corrections].reverse().map((k) => (
              <li key={k.version} className="rounded-xl border border-line bg-surface p-4 shadow-sm">
                <h3 className="font-bold">
                  Version {k.version}, corrected {caseDay(k.date)}
                </h3>
                <ul className="mt-2 list-disc space-y-2 pl-5">
                  {k.items.map((item) => (
                    <li key={item.text}>
                      {item.text}
                      <SourceChips keys={item.sources} sources={sources} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-3">No corrections have been published.</p>
        )}
        <h3 className="mt-5 font-bold">Versions in this database</h3>
        <ul className="mt-1 divide-y divide-line rounded-xl border border-line bg-surface px-4 shadow-sm">
          {c.versions.map((v) => (
            <li key={v.version} className="flex flex-wrap items-center gap-x-3 py-1">
              {v.version === c.version.version ? (
                <span className="inline-flex min-h-11 items-center font-semibold">
                  Version {v.version} (shown), added {caseDay(v.publishedAt)}
                </span>
              ) : (
                <Link
                  href={rustPageHref('', v.version === c.newest.version ? undefined : v.version)}
                  className="link inline-flex min-h-11 items-center"
                >
                  Version {v.version}, added {caseDay(v.publishedAt)}
                </Link>
              )}
              {v.version === c.newest.version ? <Badge tone="ok">Current</Badge> : null}
            </li>
          ))}
        </ul>
      </section>
    </CaseShell>
  );
}
