import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getReferenceCase } from '@/db/queries/reference';
import { RUST_CASE_ID } from '@/db/seed/rust-case';
import { formatDays, replayRust, RUST_TIME_ZONE, type PlacementCheck } from '@/app/lib/rust/replay';
import { ANSWER_ORDER, ANSWERS } from '@/app/lib/rust/answers';
import type { RustEvent, RustSource } from '@/app/lib/rust/types';
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

export default async function RustCasePage() {
  const c = getReferenceCase(RUST_CASE_ID);
  if (!c) notFound();
  const sources = new Map<string, RustSource>(c.sources.map((s) => [s.key, s]));
  const replay = replayRust(c.events, undefined, { timeZone: c.info.timeZone || RUST_TIME_ZONE });
  const s = replay.summary;
  const events = [...c.events].sort((a, b) => a.seq - b.seq);
  const onSet = events.filter((e) => e.phase === 'on-set');
  const after = events.filter((e) => e.phase === 'after');
  const eventByKey = new Map(events.map((e) => [e.key, e]));
  const fpEvents = (fp: string) => events.filter((e) => e.failurePoints.includes(fp as RustEvent['failurePoints'][number]));
  const answeredBy = (key: string) => c.failurePoints.filter((f) => f.answers.includes(key as (typeof f.answers)[number]));
  const placementFor = (key: string) => s.placementChecks.find((p) => p.eventKey === key);
  const lastOnSet = onSet.filter((e) => e.records.length > 0).at(-1);

  const eventItem = (e: RustEvent) => {
    const r = replay.byKey[e.key];
    const check = placementFor(e.key);
    return (
      <li key={e.key} id={`event-${e.key}`} className="scroll-mt-4 rounded-xl border border-line bg-surface p-4 shadow-sm">
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
          <ReplayBox replay={r}>
            {check ? <p className="mt-2 text-sm text-muted">Date check: {placementText(check)}</p> : null}
          </ReplayBox>
        ) : null}
      </li>
    );
  };

  return (
    <div className="min-h-screen">
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

      <main className="mx-auto max-w-3xl space-y-8 px-4 py-6 break-words">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-muted">Reference case · read-only</p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">{c.info.title}</h1>
          <div className="mt-3 space-y-3 text-[1.05rem]">
            <p>
              On 21 October 2021, during a rehearsal for the Western <i>Rust</i> in a church set at Bonanza Creek Ranch near Santa Fe, New Mexico,
              a revolver held by the actor and producer Alec Baldwin discharged a live round. The director of photography, Halyna Hutchins, was
              killed. The director, Joel Souza, was wounded.
            </p>
            <p>
              Investigators and reporters later described what came before: earlier accidental discharges that were not investigated, crew
              complaints about safety that went unanswered, a revolver that reached the actor without the armorer&rsquo;s check, and live rounds on
              a set where none should ever be. New Mexico&rsquo;s Occupational Health and Safety Bureau cited the production company for a
              willful-serious violation, downgraded to serious in a later settlement.
            </p>
            <p>
              SetSafe exists so that each of those warnings is written down when it happens, reaches the people who can act on it, and stops work
              until someone answers it in writing.
            </p>
          </div>
          <SourceChips keys={['SFNM-TL', 'VUL-1021', 'NMED-PR', 'SUN-OHSB', 'NMED-PAGE']} sources={sources} />
        </div>

        <nav aria-label="On this page" className="rounded-xl border border-line bg-surface p-3">
          <ul className="flex flex-wrap gap-x-1 gap-y-0 text-[0.95rem]">
            {[
              ['#summary', 'What SetSafe would have done'],
              ['#timeline', 'Timeline'],
              ['#failure-points', 'Failure points'],
              ['#answers', 'Rules and features'],
              ['#people', 'People'],
              ['#sources', 'Sources'],
            ].map(([href, label]) => (
              <li key={href}>
                <a href={href} className="inline-flex min-h-11 items-center rounded-lg px-2 font-semibold text-brand hover:bg-brand-soft">
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>

        <Card id="summary" aria-labelledby="summary-h" className="scroll-mt-4 border-l-4 border-l-hold">
          <h2 id="summary-h" className="text-xl font-bold">
            What SetSafe would have done
          </h2>
          <p className="mt-1 text-[0.95rem] text-muted">
            Computed: each on-set event below is turned into the records SetSafe would have held (incident reports, holds, hand-off attempts,
            safety meetings) and run, in time order, through the same rule functions that guard live productions. Nothing in this box or in the
            &ldquo;Had it been logged&rdquo; panels is written by hand.
          </p>
          {s.firstStop ? (
            <div className="mt-4">
              <h3 className="font-bold">First moment work would have stopped</h3>
              <p className="mt-1">
                <a href={`#event-${s.firstStop.eventKey}`} className="font-semibold text-brand underline underline-offset-2">
                  {s.firstStop.dateLabel}
                </a>
                {s.firstStop.dateUnverified ? ' (date unverified)' : s.firstStop.approximate ? ' (approximate)' : ''}: a stop-work hold under rule{' '}
                {s.firstStop.rule} ({s.firstStop.cause}).
              </p>
              {s.firstStopExactlyDated ? (
                <p className="mt-1">
                  Leaving that report aside, because its date is not known, the first stop would have been{' '}
                  <a href={`#event-${s.firstStopExactlyDated.eventKey}`} className="font-semibold text-brand underline underline-offset-2">
                    {s.firstStopExactlyDated.dateLabel}
                  </a>
                  , under rule {s.firstStopExactlyDated.rule} ({s.firstStopExactlyDated.cause}).
                </p>
              ) : null}
            </div>
          ) : (
            <p className="mt-4">No event would have stopped work.</p>
          )}

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

          <h3 className="mt-5 font-bold">What it would have asked for before work resumed</h3>
          <div className="mt-2 space-y-3">
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
        </Card>

        <Card aria-labelledby="facts-h">
          <h2 id="facts-h" className="text-xl font-bold">
            Key facts
          </h2>
          <dl className="mt-3 space-y-3">
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
        </Card>

        <section id="timeline" aria-labelledby="timeline-h" className="scroll-mt-4">
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
          <ol className="mt-2 space-y-3">{after.map(eventItem)}</ol>
        </section>

        <section id="failure-points" aria-labelledby="fp-h" className="scroll-mt-4">
          <h2 id="fp-h" className="text-xl font-bold">
            Failure points investigators named
          </h2>
          <ol className="mt-3 space-y-3">
            {c.failurePoints.map((f) => (
              <li key={f.key} id={`fp-${f.key}`} className="scroll-mt-4 rounded-xl border border-line bg-surface p-4 shadow-sm">
                <h3 className="text-lg font-bold">
                  <span className="text-muted">{f.key} · </span>
                  {f.title}
                </h3>
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
              </li>
            ))}
          </ol>
        </section>

        <section id="answers" aria-labelledby="answers-h" className="scroll-mt-4">
          <h2 id="answers-h" className="text-xl font-bold">
            SetSafe&rsquo;s rules and features
          </h2>
          <ul className="mt-3 space-y-3">
            {ANSWER_ORDER.map((k) => {
              const a = ANSWERS[k];
              const fps = answeredBy(k);
              const fired = a.rule ? replay.events.filter((e) => e.rules.includes(a.rule as never)).map((e) => eventByKey.get(e.key)).filter((e): e is RustEvent => !!e) : [];
              return (
                <li key={k} id={`answer-${k}`} className="scroll-mt-4 rounded-xl border border-line bg-surface p-4 shadow-sm">
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
        </section>

        <section id="people" aria-labelledby="people-h" className="scroll-mt-4">
          <h2 id="people-h" className="text-xl font-bold">
            People
          </h2>
          <p className="mt-1 text-[0.95rem] text-muted">Names and roles as the sources give them. None of them is a SetSafe account.</p>
          <ul className="mt-3 divide-y divide-line rounded-xl border border-line bg-surface px-4 shadow-sm">
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
        </section>

        <section id="sources" aria-labelledby="sources-h" className="scroll-mt-4">
          <h2 id="sources-h" className="text-xl font-bold">
            Sources
          </h2>
          <p className="mt-1 text-[0.95rem] text-muted">
            Cited by publication or body and date. Links go only to the original outlet or the primary body; sources read through a syndicated
            copy are named but not linked. Wikipedia was used for cross-checking only.
          </p>
          <ul className="mt-3 divide-y divide-line rounded-xl border border-line bg-surface px-4 shadow-sm">
            {c.sources.map((src) => (
              <li key={src.key} id={`src-${src.key}`} className="scroll-mt-4 py-3">
                <p className="font-semibold">{sourceLabel(src)}</p>
                {src.title || src.about ? <p className="text-[0.95rem]">{src.title ? `“${src.title}”` : src.about}</p> : null}
                {src.url ? (
                  <a href={src.url} rel="noopener noreferrer external" className="inline-flex min-h-11 max-w-full items-center gap-1 text-[0.95rem] font-medium text-brand underline underline-offset-2">
                    <span className="truncate">Open at {new URL(src.url).hostname.replace(/^www\./, '')}</span>
                    <span aria-hidden="true">↗</span>
                  </a>
                ) : (
                  <p className="text-sm text-muted">{src.note ?? 'Not linked.'}</p>
                )}
              </li>
            ))}
          </ul>
        </section>

        <p className="border-t border-line pt-4 text-sm text-muted">
          Reference data, read-only: seeded from the sources above and locked on{' '}
          {new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(c.lockedAt)}. It is not a
          production and belongs to no one&rsquo;s account.
        </p>
      </main>
    </div>
  );
}
