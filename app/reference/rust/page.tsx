import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getReferenceCase } from '@/db/queries/reference';
import { RUST_CASE_ID } from '@/db/seed/rust-case';
import { formatDays, listRules, replayRust, RUST_TIME_ZONE, type PlacementCheck } from '@/app/lib/rust/replay';
import { checkAssumptions } from '@/app/lib/rust/assumptions';
import { rule7ForEvent } from '@/app/lib/rust/rule7';
import { Rule7Replay } from '@/components/reference/rule7-replay';
import { ANSWER_ORDER, ANSWERS } from '@/app/lib/rust/answers';
import { isLinkableSource } from '@/app/lib/rust/outlets';
import type { RustEvent, RustSource } from '@/app/lib/rust/types';
import { AssumptionNote, ModelLimits } from '@/components/reference/assumptions';
import { OpenOnHash } from '@/components/reference/open-on-hash';
import { Logo } from '@/components/logo';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ChipLink, ReplayBox, RequirementList, SourceChips, sourceLabel } from '@/components/reference/case-parts';

export const metadata: Metadata = {
  title: 'The Rust case',
  description: 'The 2021 Rust shooting: a sourced timeline, and which SetSafe safety rules would have fired had each event been logged.',
};

// Reads the seeded, locked reference records at request time (never at build).
export const dynamic = 'force-dynamic';

function DateBadges({ e }: { e: RustEvent }) {
  return (
    <>
      {e.dateUnverified ? <Badge tone="warn">≈ Date unverified</Badge> : e.approximate ? <Badge tone="warn">≈ Approximate</Badge> : null}
      {e.disputed ? <Badge tone="danger">⚑ Disputed</Badge> : null}
    </>
  );
}

function placementText(check: PlacementCheck): string {
  const range = formatDays([check.from, check.to]).replace(' and ', ' to ');
  if (check.differences.length === 0) return `Placed on any day from ${range}, the same rules fire for every event.`;
  return check.differences
    .map((d) => `Whether rule ${d.rule} fires on “${d.dateLabel}” depends on it: yes if it happened on ${formatDays(d.firesOn)}; no if on ${formatDays(d.notOn)}.`)
    .join(' ');
}

const day = (d: Date | string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(typeof d === 'string' ? new Date(`${d}T00:00:00Z`) : d);

/** `?version=N` reads an older version this database holds; anything else is not a version. */
function versionParam(raw: string | string[] | undefined): number | undefined | null {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,3}$/.test(raw)) return null;
  return Number(raw);
}

function AssumptionSummary({ text, label, href }: { text: string; label: string; href: string }) {
  return (
    <p className="rounded-lg border border-medium/40 bg-warn-soft/60 p-3">
      <span className="font-semibold">{text}</span> Without it: {label}.{' '}
      <a href={href} className="inline-flex min-h-11 items-center font-semibold text-brand underline underline-offset-2">
        What changes
      </a>
    </p>
  );
}

const SECTIONS = [
  ['#summary', 'Summary'],
  ['#failure-points', 'Failure points'],
  ['#timeline', 'Timeline'],
  ['#assumptions', 'Assumptions'],
  ['#sources', 'Sources'],
  ['#corrections', 'Corrections'],
] as const;

export default async function RustCasePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const asked = versionParam((await searchParams).version);
  if (asked === null) notFound();
  const c = getReferenceCase(RUST_CASE_ID, asked);
  if (!c) notFound();
  const isNewest = c.version.version === c.newest.version;
  const sources = new Map<string, RustSource>(c.sources.map((s) => [s.key, s]));
  const replayOpts = { timeZone: c.info.timeZone || RUST_TIME_ZONE, jurisdiction: c.info.jurisdiction };
  const replay = replayRust(c.events, undefined, replayOpts);
  const s = replay.summary;
  const events = [...c.events].sort((a, b) => a.seq - b.seq);
  const onSet = events.filter((e) => e.phase === 'on-set');
  const after = events.filter((e) => e.phase === 'after');
  const eventByKey = new Map(events.map((e) => [e.key, e]));
  const fpEvents = (fp: string) => events.filter((e) => e.failurePoints.includes(fp as RustEvent['failurePoints'][number]));
  const answeredBy = (key: string) => c.failurePoints.filter((f) => f.answers.includes(key as (typeof f.answers)[number]));
  const placementFor = (key: string) => s.placementChecks.find((p) => p.eventKey === key);
  const lastOnSet = onSet.filter((e) => e.records.length > 0).at(-1);
  const assumptions = c.assumptions ?? [];
  const assumptionChecks = new Map(checkAssumptions(c.events, assumptions, replay, undefined, replayOpts).map((x) => [x.key, x]));
  const stops = onSet.filter((e) => (replay.byKey[e.key]?.firings.length ?? 0) > 0);
  const injuryEvent = onSet.find((e) => e.records.some((r) => r.kind === 'injury'));
  const corrections = c.newest.corrections;

  // Later events are context only: a compact row each, so the phone page stays short.
  const laterItem = (e: RustEvent) => (
    <li key={e.key} id={`event-${e.key}`} className="scroll-mt-16 py-3">
      <p>
        <span className="font-bold">{e.dateLabel}</span> <DateBadges e={e} /> {e.summary}
      </p>
      {e.placement ? <p className="text-sm text-muted">{e.placement}</p> : null}
      {e.disputed ? (
        <p className="mt-1 text-[0.95rem]">
          <span className="font-semibold">Disputed.</span> {e.disputed.note}
        </p>
      ) : null}
      <SourceChips keys={e.sources} sources={sources} />
    </li>
  );

  const eventItem = (e: RustEvent) => {
    const r = replay.byKey[e.key];
    const check = placementFor(e.key);
    return (
      <li key={e.key} id={`event-${e.key}`} className="scroll-mt-16 rounded-xl border border-line bg-surface p-4 shadow-sm">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-lg font-bold">{e.dateLabel}</h3>
          <DateBadges e={e} />
        </div>
        {e.placement ? <p className="mt-1 text-sm text-muted">{e.placement}</p> : null}
        <p className="mt-2">{e.summary}</p>
        {e.roles.length > 0 ? (
          <p className="mt-1 text-[0.95rem] text-muted">
            <span className="font-semibold">Who, by role:</span> {e.roles.join('; ')}
          </p>
        ) : null}
        {e.disputed ? (
          <div className="mt-2 rounded-lg border border-hold/30 bg-hold-soft/60 p-3 text-[0.95rem]">
            <p>
              <span className="font-semibold">Disputed.</span> {e.disputed.note}
            </p>
            <SourceChips keys={e.disputed.sources} sources={sources} label="On the dispute" />
          </div>
        ) : null}
        {e.failurePoints.length > 0 ? (
          <div className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
            <span className="font-semibold text-muted">Failure points:</span>
            {[...e.failurePoints].sort().map((fp) => (
              <a key={fp} href={`#fp-${fp}`} className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg px-1 font-semibold text-brand underline underline-offset-2">
                {fp}
              </a>
            ))}
          </div>
        ) : null}
        <SourceChips keys={e.sources} sources={sources} />
        {r && e.phase === 'on-set' ? (
          r.records.length === 0 && e.replayNote ? (
            <p className="mt-3 text-sm text-muted">No new SetSafe record. {e.replayNote}</p>
          ) : (
            <ReplayBox replay={r}>
              <Rule7Replay signals={rule7ForEvent(e, r)} timeZone={c.info.timeZone || RUST_TIME_ZONE} approximate={e.approximate} />
              {check ? <p className="mt-2 text-sm text-muted">Date check: {placementText(check)}</p> : null}
            </ReplayBox>
          )
        ) : null}
        {assumptions
          .filter((a) => a.eventKey === e.key)
          .map((a) => (
            <AssumptionNote key={a.key} a={a} check={assumptionChecks.get(a.key)} sources={sources} />
          ))}
        {injuryEvent?.key === e.key ? <ModelLimits limits={c.info.modelLimits ?? []} sources={sources} /> : null}
      </li>
    );
  };

  return (
    <div className="min-h-screen">
      <OpenOnHash />
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-3xl items-center gap-3 px-4 py-2">
          <Link href="/sign-in" className="flex min-h-11 items-center" aria-label="SetSafe sign-in">
            <Logo />
          </Link>
          <Link href="/sign-in" className="ml-auto inline-flex min-h-11 items-center rounded-lg px-3 font-semibold text-brand hover:bg-brand-soft">
            Sign in
          </Link>
        </div>
      </header>

      <nav aria-label="On this page" className="sticky top-0 z-10 border-b border-line bg-surface/95 backdrop-blur">
        <ul className="mx-auto flex max-w-3xl gap-1 overflow-x-auto px-2 text-[0.95rem] [scrollbar-width:none]">
          {SECTIONS.map(([href, label]) => (
            <li key={href} className="shrink-0">
              <a href={href} className="inline-flex min-h-11 items-center whitespace-nowrap rounded-lg px-2 font-semibold text-brand hover:bg-brand-soft">
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <main className="mx-auto max-w-3xl space-y-8 px-4 py-6 break-words">
        {!isNewest ? (
          <div role="status" className="rounded-xl border-2 border-hold bg-hold-soft p-4">
            <p className="font-bold text-hold">
              <span aria-hidden="true">⚠ </span>You are reading version {c.version.version}, published {day(c.version.publishedAt)}. It has been corrected.
            </p>
            <p className="mt-1">
              <Link href="/reference/rust" className="inline-flex min-h-11 items-center font-semibold text-brand underline underline-offset-2">
                Read the current version (version {c.newest.version}, {day(c.newest.publishedAt)})
              </Link>
            </p>
          </div>
        ) : null}

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
              <Badge tone="warn">Corrected {day(corrections[corrections.length - 1].date)}</Badge>{' '}
              <a href="#corrections" className="inline-flex min-h-11 items-center font-semibold text-brand underline underline-offset-2">
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
              <a href={`#event-${s.firstStop.eventKey}`} className="font-semibold text-brand underline underline-offset-2">
                {s.firstStop.dateLabel}
              </a>
              {s.firstStop.dateUnverified ? ' (date unverified)' : s.firstStop.approximate ? ' (approximate)' : ''}, a stop-work hold under rule{' '}
              {s.firstStop.rule} ({s.firstStop.cause}).
              {s.firstStopExactlyDated ? (
                <>
                  {' '}
                  Among exactly dated events:{' '}
                  <a href={`#event-${s.firstStopExactlyDated.eventKey}`} className="font-semibold text-brand underline underline-offset-2">
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
                  <a href={`#event-${e.key}`} className="inline-flex min-h-11 shrink-0 items-center font-semibold text-brand underline underline-offset-2 sm:w-56">
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
                            <a href={`#assumption-${a.key}`} className="underline underline-offset-2">
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
                  <RequirementList items={s.liftRequirements} />
                </div>
              ) : null}
              {s.handoffRequirements.length > 0 ? (
                <div>
                  <p className="font-semibold">Before a weapon went out again (what the refused hand-off lacked)</p>
                  <RequirementList items={s.handoffRequirements} />
                </div>
              ) : null}
              {s.patternAdvice.length > 0 ? (
                <div>
                  <p className="font-semibold">After the pattern escalation</p>
                  <RequirementList items={s.patternAdvice.map((text) => ({ rule: 3, text }))} />
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
              <a href="#assumptions" className="inline-flex min-h-11 items-center font-semibold text-brand underline underline-offset-2">
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
                    <span className="font-semibold text-brand underline underline-offset-2">{f.title}</span>
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
                    <ChipLink key={a} href={`#answer-${a}`}>
                      {ANSWERS[a].title}
                    </ChipLink>
                  ))}
                </div>
                {fpEvents(f.key).length > 0 ? (
                  <div className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                    <span className="font-semibold text-muted">In the timeline:</span>
                    {fpEvents(f.key).map((e) => (
                      <a key={e.key} href={`#event-${e.key}`} className="inline-flex min-h-11 items-center rounded-lg px-1 text-brand underline underline-offset-2">
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

        <section id="timeline" aria-labelledby="timeline-h" className="scroll-mt-16">
          <h2 id="timeline-h" className="text-xl font-bold">
            Timeline
          </h2>
          <p className="mt-1 text-[0.95rem] text-muted">
            Times are local to Santa Fe County. Events without an exact date or time are marked approximate and placed as the sources date them;
            disputed facts are shown as disputed.
          </p>
          <h3 className="mt-4 text-lg font-bold">On set, October 2021</h3>
          <ol className="mt-2 space-y-3">{onSet.map(eventItem)}</ol>
          <h3 className="mt-6 text-lg font-bold">Investigations and courts, 2022&ndash;2025</h3>
          <p className="mt-1 text-[0.95rem] text-muted">Shown for context: none of these would be logged on a set, so no rule is run on them.</p>
          <details className="mt-2 rounded-xl border border-line bg-surface shadow-sm">
            <summary className="flex min-h-11 cursor-pointer items-center px-4 font-semibold text-brand">The {after.length} later events, from the investigations to the film&rsquo;s release</summary>
            <ol className="divide-y divide-line border-t border-line px-4">{after.map(laterItem)}</ol>
          </details>
        </section>

        <section id="assumptions" aria-labelledby="assumptions-h" className="scroll-mt-16">
          <h2 id="assumptions-h" className="text-xl font-bold">
            The replay&rsquo;s assumptions
          </h2>
          {assumptions.length > 0 ? (
            <>
              <p className="mt-1 text-[0.95rem] text-muted">
                Where the sources are silent or disputed, the replay has to choose. Each choice below is also shown next to its event; the
                rules are run again without it, and what changes is listed.
              </p>
              {assumptions.map((a) => (
                <div key={a.key}>
                  <p className="mt-4 text-sm font-semibold text-muted">
                    At{' '}
                    <a href={`#event-${a.eventKey}`} className="inline-flex min-h-11 items-center text-brand underline underline-offset-2">
                      {eventByKey.get(a.eventKey)?.dateLabel ?? a.eventKey}
                    </a>
                  </p>
                  <AssumptionSummary text={a.text} label={a.without.label} href={`#assumption-${a.key}`} />
                </div>
              ))}
            </>
          ) : (
            <p className="mt-1 text-[0.95rem] text-muted">This version of the case states no assumptions.</p>
          )}
          <ModelLimits limits={c.info.modelLimits ?? []} sources={sources} />
        </section>

        

        <section id="answers" aria-labelledby="answers-h" className="scroll-mt-16">
          <h2 id="answers-h" className="text-xl font-bold">
            SetSafe&rsquo;s rules and features
          </h2>
          <details className="mt-3 rounded-xl border border-line bg-surface shadow-sm">
            <summary className="flex min-h-11 cursor-pointer items-center px-4 font-semibold text-brand">
              The {ANSWER_ORDER.length} rules and features, and where each fires in the replay
            </summary>
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
                        <a key={f.key} href={`#fp-${f.key}`} className="inline-flex min-h-11 items-center rounded-lg px-1 text-brand underline underline-offset-2">
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
          </details>
        </section>

        <section id="people" aria-labelledby="people-h" className="scroll-mt-16">
          <h2 id="people-h" className="text-xl font-bold">
            People
          </h2>
          <p className="mt-1 text-[0.95rem] text-muted">Names and roles as the sources give them. None of them is a SetSafe account.</p>
          <details className="mt-3 rounded-xl border border-line bg-surface shadow-sm">
            <summary className="flex min-h-11 cursor-pointer items-center px-4 font-semibold text-brand">The {c.people.length} people named</summary>
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
          </details>
        </section>

        <section id="sources" aria-labelledby="sources-h" className="scroll-mt-16">
          <h2 id="sources-h" className="text-xl font-bold">
            Sources
          </h2>
          <p className="mt-1 text-[0.95rem] text-muted">
            Cited by publication or body and date. Links go only to the original outlet or the primary body; sources read through a syndicated
            copy are named but not linked. Wikipedia was used for cross-checking only.
          </p>
          <details className="mt-3 rounded-xl border border-line bg-surface shadow-sm">
            <summary className="flex min-h-11 cursor-pointer items-center px-4 font-semibold text-brand">All {c.sources.length} sources</summary>
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
          </details>
        </section>

        <section id="corrections" aria-labelledby="corrections-h" className="scroll-mt-16">
          <h2 id="corrections-h" className="text-xl font-bold">
            Corrections
          </h2>
          <p className="mt-1 text-[0.95rem] text-muted">
            Like a newspaper&rsquo;s correction log: what each version changed, and when. Older versions stay readable.
          </p>
          {corrections.length > 0 ? (
            <ol className="mt-3 space-y-3">
              {[...corrections].reverse().map((k) => (
                <li key={k.version} className="rounded-xl border border-line bg-surface p-4 shadow-sm">
                  <h3 className="font-bold">
                    Version {k.version}, corrected {day(k.date)}
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
                    Version {v.version} (shown), added {day(v.publishedAt)}
                  </span>
                ) : (
                  <Link
                    href={v.version === c.newest.version ? '/reference/rust' : `/reference/rust?version=${v.version}`}
                    className="inline-flex min-h-11 items-center font-semibold text-brand underline underline-offset-2"
                  >
                    Version {v.version}, added {day(v.publishedAt)}
                  </Link>
                )}
                {v.version === c.newest.version ? <Badge tone="ok">Current</Badge> : null}
              </li>
            ))}
          </ul>
        </section>

        <p className="border-t border-line pt-4 text-sm text-muted">
          Reference data, read-only: seeded from the sources above; first locked on {day(c.lockedAt)}. It is not a production and belongs to no
          one&rsquo;s account.
        </p>
      </main>
    </div>
  );
}
