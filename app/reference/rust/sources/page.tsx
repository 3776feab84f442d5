import type { Metadata } from 'next';
import { isLinkableSource } from '@/app/lib/rust/outlets';
import { sourceLabel } from '@/components/reference/case-parts';
import { CaseShell } from '@/components/reference/case-shell';
import { loadRustCase } from '../case';

export const metadata: Metadata = {
  title: 'The Rust case: sources',
  description: 'The sources of the Rust case, cited by publication or body and date, linked only to the original outlet or the primary body.',
};

// Reads the seeded, locked reference records at request time (never at build).
export const dynamic = 'force-dynamic';

/** Every source of the case, cited by publication or body and date; linked only to original outlets. */
export default async function RustSourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const loaded = await loadRustCase(searchParams, 'sources');
  const { c } = loaded;

  return (
    <CaseShell current="sources" loaded={loaded}>
      <section id="sources" aria-labelledby="sources-h" className="scroll-mt-16">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">
          {c.info.title} · version {c.version.version}
        </p>
        <h1 id="sources-h" className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">
          Sources
        </h1>
        <p className="mt-1 text-[0.95rem] text-muted">
          Cited by publication or body and date. Links go only to the original outlet or the primary body; sources read through a syndicated
          copy are named but not linked. Wikipedia was used for cross-checking only.
        </p>
        <div className="mt-3 rounded-xl border border-line bg-surface shadow-sm">
          <h2 className="flex min-h-11 items-center px-4 font-semibold">All {c.sources.length} sources</h2>
        <ul className="divide-y divide-line border-t border-line px-4">
          {c.sources.map((src) => (
            <li key={src.key} id={`src-${src.key}`} className="scroll-mt-16 py-2">
              <p>
                <span className="font-semibold">{sourceLabel(src)}</span>
                {src.title || src.about ? <span className="text-[0.95rem]">: {src.title ? `“${src.title}”` : src.about}</span> : null}
              </p>
              {isLinkableSource(src.url) ? (
                <a href={src.url} rel="noopener noreferrer external" className="inline-flex min-h-11 max-w-full items-center gap-1 text-[0.95rem] font-medium text-brand underline underline-offset-2">
                  <span className="truncate">Open at {new URL(src.url).hostname.replace(/^www\./, '')}</span>
                  <span aria-hidden="true">↗</span>
                </a>
              ) : src.url ? (
                <p className="text-sm text-muted">Not linked: a later correction withdrew this link (not an original outlet).</p>
              ) : (
                <p className="text-sm text-muted">{src.note ?? 'Not linked.'}</p>
              )}
            </li>
          ))}
        </ul>
        </div>
      </section>
    </CaseShell>
  );
}
