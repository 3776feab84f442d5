import type { Metadata } from 'next';
import { ANSWER_ORDER, ANSWERS } from '@/app/lib/rust/answers';
import type { RustEvent } from '@/app/lib/rust/types';
import { CaseShell } from '@/components/reference/case-shell';
import { loadRustCase } from '../case';

export const metadata: Metadata = {
  title: 'The Rust case: SetSafe’s rules and features',
  description: 'Each SetSafe rule and feature, the Rust failure points it answers, and where it fires in the replay of the case.',
};

// Reads the seeded, locked reference records at request time (never at build).
export const dynamic = 'force-dynamic';

/** SetSafe's rules and features, each with the failure points it answers and where it fires in the replay. */
export default async function RustRulesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const loaded = await loadRustCase(searchParams, 'rules');
  const { c, sources } = loaded;
  const { replay } = loaded.replayed();
  const eventByKey = new Map(c.events.map((e) => [e.key, e]));
  const answeredBy = (key: string) => c.failurePoints.filter((f) => f.answers.includes(key as (typeof f.answers)[number]));

  return (
    <CaseShell current="rules" loaded={loaded}>
      <section id="answers" aria-labelledby="answers-h" className="scroll-mt-16">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">
          {c.info.title} · version {c.version.version}
        </p>
        <h1 id="answers-h" className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">
          SetSafe&rsquo;s rules and features
        </h1>
        <div className="mt-3 rounded-xl border border-line bg-surface shadow-sm">
          <h2 className="flex min-h-11 items-center px-4 font-semibold">
            The {ANSWER_ORDER.length} rules and features, and where each fires in the replay
          </h2>
        <ul className="space-y-3 border-t border-line p-3">
          {ANSWER_ORDER.map((k) => {
            const a = ANSWERS[k];
            const fps = answeredBy(k);
            const fired = a.rule ? replay.events.filter((e) => e.rules.includes(a.rule as never)).map((e) => eventByKey.get(e.key)).filter((e): e is RustEvent => !!e) : [];
            return (
              <li key={k} id={`answer-${k}`} className="scroll-mt-16 rounded-xl border border-line bg-surface p-4 shadow-sm">
                <h3 className="font-bold">{a.title}</h3>
                <p className="mt-1 text-[0.95rem]">{a.text}</p>
                {fps.length > 0 ? (
                  <div className="flex flex-wrap items-center gap-x-2 text-sm">
                    <span className="font-semibold text-muted">Answers:</span>
                    {fps.map((f) => (
                      <a key={f.key} href={sources.href(`#fp-${f.key}`)} className="inline-flex min-h-11 items-center rounded-lg px-1 text-brand underline underline-offset-2">
                        {f.key} {f.title.toLowerCase()}
                      </a>
                    ))}
                  </div>
                ) : null}
                {a.rule ? (
                  <p className="text-sm text-muted">
                    {fired.length > 0
                      ? `In the replay it fires on ${fired.length} ${fired.length === 1 ? 'event' : 'events'}: ${fired.map((e) => e.dateLabel).join('; ')}.`
                      : a.rule === 4
                        ? 'Rule 4 orders dashboards rather than answering an event, so the replay does not run it per event.'
                        : 'In the replay it fires on no event.'}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
        </div>
      </section>
    </CaseShell>
  );
}
