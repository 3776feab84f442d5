import type { Metadata } from 'next';
import { SourceChips } from '@/components/reference/case-parts';
import { CaseShell } from '@/components/reference/case-shell';
import { loadRustCase } from '../case';

export const metadata: Metadata = {
  title: 'The Rust case: people',
  description: 'The people named in the sources on the 2021 Rust shooting, with their roles as the sources give them.',
};

// Reads the seeded, locked reference records at request time (never at build).
export const dynamic = 'force-dynamic';

/** The people the sources name, with their roles as the sources give them. */
export default async function RustPeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const loaded = await loadRustCase(searchParams, 'people');
  const { c, sources } = loaded;

  return (
    <CaseShell current="people" loaded={loaded}>
      <section id="people" aria-labelledby="people-h" className="scroll-mt-16">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">
          {c.info.title} · version {c.version.version}
        </p>
        <h1 id="people-h" className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">
          People
        </h1>
        <p className="mt-1 text-[0.95rem] text-muted">Names and roles as the sources give them. None of them is a SetSafe account.</p>
        <div className="mt-3 rounded-xl border border-line bg-surface shadow-sm">
          <h2 className="flex min-h-11 items-center px-4 font-semibold">The {c.people.length} people named</h2>
        <ul className="divide-y divide-line border-t border-line px-4">
          {c.people.map((p) => (
            <li key={p.key} className="py-3">
              <p className="font-bold">
                {p.name}
                {p.alsoWritten ? <span className="font-normal text-muted"> (also written {p.alsoWritten})</span> : null}
              </p>
              <p>{p.role}</p>
              <SourceChips keys={p.sources} sources={sources} />
            </li>
          ))}
        </ul>
        </div>
      </section>
    </CaseShell>
  );
}
