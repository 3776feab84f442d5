import type { Metadata } from 'next';
import { listRules } from '@/app/lib/rust/replay';
import { ANSWERS } from '@/app/lib/rust/answers';
import type { RustEvent } from '@/app/lib/rust/types';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ChipLink, RequirementList, SourceChips } from '@/components/reference/case-parts';
import { CaseShell, caseDay } from '@/components/reference/case-shell';
import { loadRustCase, placementText, rustPageHref } from './case';

export const metadata: Metadata = {
  title: 'The Rust case',
  description: 'The 2021 Rust shooting: a sourced timeline, and which SetSafe safety rules would have fired had each event been logged.',
};

// Reads the seeded, locked reference records at request time (never at build).
export const dynamic = 'force-dynamic';

/**
 * The case's overview: what happened, where SetSafe would have stopped work, the eight failure
 * points and the key facts. The timeline, the rules, the people, the sources and the corrections
 * are pages of their own (ARCHITECTURE.md: performance budget, the Rust case).
 */
export default async function RustCasePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const loaded = await loadRustCase(searchParams, '');
  const { c, isNewest, linkVersion, sources } = loaded;
  const { replay, assumptionChecks } = loaded.replayed();
  const s = replay.summary;
  const events = [...c.events].sort((a, b) => a.seq - b.seq);
  const onSet = events.filter((e) => e.phase === 'on-set');
  const eventByKey = new Map(events.map((e) => [e.key, e]));
  const fpEvents = (fp: string) => events.filter((e) => e.failurePoints.includes(fp as RustEvent['failurePoints'][number]));
  const lastOnSet = onSet.filter((e) => e.records.length > 0).at(-1);
  const assumptions = c.assumptions ?? [];
  const stops = onSet.filter((e) => (replay.byKey[e.key]?.firings.length ?? 0) > 0);
  const corrections = c.newest.corrections;

  return (
    <CaseShell current="" loaded={loaded}>
      <div id="summary" className="scroll-mt-16">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">
          Reference case · read-only · version {c.version.version}
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">{c.info.title}</h1>
        {c.info.intro ? (
          <div className="mt-3 space-y-3 text-[1.05rem]">
            {c.info.intro.paragraphs.map((p) => (
              <p key={p}>{p}</p>
            ))}
            <SourceChips keys={c.info.intro.sources} sources={sources} />
          </div>
        ) : null}
        {isNewest && corrections.length > 0 ? (
          <p className="mt-3 text-[0.95rem]">
            <Badge tone="warn">Corrected {caseDay(corrections[corrections.length - 1].date)}</Badge>{' '}
            <a href={rustPageHref('corrections', linkVersion)} className="link inline-flex min-h-11 items-center">
              What changed
            </a>
          </p>
        ) : null}
      </div>

      <Card aria-labelledby="stops-h" className="border-l-4 border-l-hold">
        <h2 id="stops-h" className="text-xl font-bold">
          Where SetSafe would have stopped work
        </h2>
        <p className="mt-1 text-[0.95rem] text-muted">
          Computed: each on-set event is turned into the records SetSafe would have held and run, in time order, through the same rule
          functions that guard live productions. Nothing here is written by hand.
        </p>
        {s.firstStop ? (
          <p className="mt-3 text-[1.05rem]">
            <span className="font-bold">First stop: </span>
            <a href={sources.href(`#event-${s.firstStop.eventKey}`)} className="link">
              {s.firstStop.dateLabel}
            </a>
            {s.firstStop.dateUnverified ? ' (date unverified)' : s.firstStop.approximate ? ' (approximate)' : ''}, a stop-work hold under rule{' '}
            {s.firstStop.rule} ({s.firstStop.cause}).
            {s.firstStopExactlyDated ? (
              <>
                {' '}
                Among exactly dated events:{' '}
                <a href={sources.href(`#event-${s.firstStopExactlyDated.eventKey}`)} className="link">
                  {s.firstStopExactlyDated.dateLabel}
                </a>
                .
              </>
            ) : null}
          </p>
        ) : (
          <p className="mt-3">No event would have stopped work.</p>
        )}
        <ol className="mt-3 divide-y divide-line border-y border-line" aria-label="Events where a rule would have fired">
          {stops.map((e) => {
            const r = replay.byKey[e.key];
            const dependsOn = assumptions.filter((a) => assumptionChecks.get(a.key)?.differences.some((d) => d.eventKey === e.key && d.withRules.join() !== d.withoutRules.join()));
            return (
              <li key={e.key} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-start sm:gap-3">
                <a href={sources.href(`#event-${e.key}`)} className="link inline-flex min-h-11 shrink-0 items-center sm:w-56">
                  {e.dateLabel}
                </a>
                <div className="min-w-0">
                  <p className="font-semibold">
                    Rule{r.rules.length > 1 ? 's' : ''} {listRules(r.rules)}: {r.firings[0]?.summary}
                    {r.firings.length > 1 ? ` (+${r.firings.length - 1} more)` : ''}
                  </p>
                  {dependsOn.length > 0 ? (
                    <p className="text-sm text-medium">
                      Rests on {dependsOn.length === 1 ? 'an assumption' : 'assumptions'}:{' '}
                      {dependsOn.map((a, i) => (
                        <span key={a.key}>
                          {i > 0 ? '; ' : ''}
                          <a href={sources.href(`#assumption-${a.key}`)} className="underline underline-offset-2">
                            {a.text.charAt(0).toLowerCase() + a.text.slice(1).replace(/\.$/, '')}
                          </a>
                        </span>
                      ))}
                    </p>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>

        <ul className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-4">
          {[
            [s.holdsCalled, s.holdsCalled === 1 ? 'stop-work hold called' : 'stop-work holds called'],
            [s.reportsJoiningHold, s.reportsJoiningHold === 1 ? 'later report joined it' : 'later reports joined it'],
            [s.patternEscalations, s.patternEscalations === 1 ? 'pattern escalation (rule 3)' : 'pattern escalations (rule 3)'],
            [s.refusedHandoffs, s.refusedHandoffs === 1 ? 'hand-off refused' : 'hand-offs refused'],
          ].map(([n, label]) => (
            <li key={String(label)} className="rounded-lg bg-canvas p-3">
              <span className="block text-2xl font-bold">{n}</span>
              <span className="text-sm text-muted">{label}</span>
            </li>
          ))}
        </ul>

        <details className="mt-4 rounded-lg border border-line">
          <summary className="flex min-h-11 cursor-pointer items-center px-3 font-semibold">What it would have asked for before work resumed</summary>
          <div className="space-y-3 px-3 pb-3">
            {s.liftRequirements.length > 0 ? (
              <div>
                <p className="font-semibold">To lift the hold</p>
                <RequirementList sources={sources} items={s.liftRequirements} />
              </div>
            ) : null}
            {s.handoffRequirements.length > 0 ? (
              <div>
                <p className="font-semibold">Before a weapon went out again (what the refused hand-off lacked)</p>
                <RequirementList sources={sources} items={s.handoffRequirements} />
              </div>
            ) : null}
            {s.patternAdvice.length > 0 ? (
              <div>
                <p className="font-semibold">After the pattern escalation</p>
                <RequirementList sources={sources} items={s.patternAdvice.map((text) => ({ rule: 3, text }))} />
              </div>
            ) : null}
          </div>
        </details>
        {s.standingAtEnd && lastOnSet ? (
          <p className="mt-4">
            After the last on-set event ({lastOnSet.dateLabel}), the stop-work hold from {s.standingAtEnd.since} would still stand, with{' '}
            {s.standingAtEnd.joined} later {s.standingAtEnd.joined === 1 ? 'report' : 'reports'} joined to it, and {s.criticalReports} critical{' '}
            {s.criticalReports === 1 ? 'report' : 'reports'} open. While it stood, it would head every producer&rsquo;s dashboard (rule 4).
          </p>
        ) : null}
        {s.placementChecks.map((p) => (
          <p key={p.eventKey} className="mt-3 text-[0.95rem] text-muted">
            <span className="font-semibold">Dates not known exactly.</span> The &ldquo;{eventByKey.get(p.eventKey)?.dateLabel}&rdquo; event was
            replayed on each of its {p.days} possible days. {placementText(p)}
          </p>
        ))}
        {assumptions.length > 0 ? (
          <p className="mt-3 text-[0.95rem]">
            The replay makes {assumptions.length} assumptions where the sources are silent or disputed; each is shown next to the event it
            affects, with what the rules return without it.{' '}
            <a href={sources.href('#assumptions')} className="link inline-flex min-h-11 items-center">
              All assumptions
            </a>
          </p>
        ) : null}
      </Card>

      <Card id="failure-points" aria-labelledby="fps-h" className="scroll-mt-16">
        <h2 id="fps-h" className="text-xl font-bold">
          The {c.failurePoints.length === 8 ? 'eight' : c.failurePoints.length} failure points investigators named
        </h2>
        <p className="mt-1 text-[0.95rem] text-muted">Open one for the finding, its sources, what in SetSafe answers it and where it shows in the timeline.</p>
        <ol className="mt-2 divide-y divide-line">
          {c.failurePoints.map((f) => (
            <li key={f.key}>
              <details id={`fp-${f.key}`} className="scroll-mt-16 py-1">
                <summary className="flex min-h-11 cursor-pointer items-center gap-3">
                  <span className="w-9 shrink-0 font-bold text-muted">{f.key}</span>
                  <span className="link">{f.title}</span>
                </summary>
                <div className="pb-3 pl-12">
              <p className="mt-1">{f.summary}</p>
              {f.unverified ? (
                <p className="mt-1 text-[0.95rem]">
                  <Badge tone="warn">Unverified</Badge> <span className="text-muted">{f.unverified}</span>
                </p>
              ) : null}
              <SourceChips keys={f.sources} sources={sources} />
              <div className="mt-2 flex flex-wrap items-center gap-2 text-[0.95rem]">
                <span className="font-semibold">Answered in SetSafe by:</span>
                {f.answers.map((a) => (
                  <ChipLink key={a} href={sources.href(`#answer-${a}`)}>
                    {ANSWERS[a].title}
                  </ChipLink>
                ))}
              </div>
              {fpEvents(f.key).length > 0 ? (
                <div className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                  <span className="font-semibold text-muted">In the timeline:</span>
                  {fpEvents(f.key).map((e) => (
                    <a key={e.key} href={sources.href(`#event-${e.key}`)} className="inline-flex min-h-11 items-center rounded-lg px-1 text-brand underline underline-offset-2">
                      {e.dateLabel}
                    </a>
                  ))}
                </div>
              ) : null}
            </div>
              </details>
            </li>
          ))}
        </ol>
      </Card>

      <Card aria-labelledby="facts-h">
        <h2 id="facts-h" className="text-xl font-bold">
          Key facts
        </h2>
        <details className="mt-2">
          <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-brand">The {c.info.facts.length} key facts, with sources</summary>
        <dl className="mt-1 space-y-3">
          {c.info.facts.map((f) => (
            <div key={f.term}>
              <dt className="font-semibold text-muted">{f.term}</dt>
              <dd>
                {f.value}
                <SourceChips keys={f.sources} sources={sources} />
              </dd>
            </div>
          ))}
        </dl>
        </details>
      </Card>
    </CaseShell>
  );
}
