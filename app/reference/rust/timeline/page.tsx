import type { Metadata } from 'next';
import { RUST_TIME_ZONE } from '@/app/lib/rust/replay';
import { rule7ForEvent } from '@/app/lib/rust/rule7';
import type { RustEvent } from '@/app/lib/rust/types';
import { Rule7Replay } from '@/components/reference/rule7-replay';
import { AssumptionNote, ModelLimits } from '@/components/reference/assumptions';
import { Badge } from '@/components/ui/badge';
import { ReplayBox, SourceChips } from '@/components/reference/case-parts';
import { CaseShell, CasePageTitle } from '@/components/reference/case-shell';
import { loadRustCase, placementText } from '../case';

export const metadata: Metadata = {
  title: 'The Rust case: timeline',
  description: 'The 2021 Rust shooting, event by event, with the SetSafe rules that would have fired had each been logged, and the replay’s assumptions.',
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

function AssumptionSummary({ text, label, href }: { text: string; label: string; href: string }) {
  return (
    <p className="rounded-lg border border-medium/40 bg-warn-soft/60 p-3">
      <span className="font-semibold">{text}</span> Without it: {label}.{' '}
      <a href={href} className="link inline-flex min-h-11 items-center">
        What changes
      </a>
    </p>
  );
}

/** The case's timeline, each on-set event with what the replay returned, and the replay's assumptions. */
export default async function RustTimelinePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const loaded = await loadRustCase(searchParams, 'timeline');
  const { c, sources } = loaded;
  const { replay, assumptionChecks } = loaded.replayed();
  const s = replay.summary;
  const events = [...c.events].sort((a, b) => a.seq - b.seq);
  const onSet = events.filter((e) => e.phase === 'on-set');
  const after = events.filter((e) => e.phase === 'after');
  const eventByKey = new Map(events.map((e) => [e.key, e]));
  const placementFor = (key: string) => s.placementChecks.find((p) => p.eventKey === key);
  const assumptions = c.assumptions ?? [];
  const injuryEvent = onSet.find((e) => e.records.some((r) => r.kind === 'injury'));

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
              <a key={fp} href={sources.href(`#fp-${fp}`)} className="link inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg px-1">
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
            <ReplayBox replay={r} sources={sources}>
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
    <CaseShell current="timeline" loaded={loaded}>
      <CasePageTitle loaded={loaded} title="Timeline and replay" />
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
                  <a href={sources.href(`#event-${a.eventKey}`)} className="inline-flex min-h-11 items-center text-brand underline underline-offset-2">
                    {eventByKey.get(a.eventKey)?.dateLabel ?? a.eventKey}
                  </a>
                </p>
                <AssumptionSummary text={a.text} label={a.without.label} href={sources.href(`#assumption-${a.key}`)} />
              </div>
            ))}
          </>
        ) : (
          <p className="mt-1 text-[0.95rem] text-muted">This version of the case states no assumptions.</p>
        )}
        <ModelLimits limits={c.info.modelLimits ?? []} sources={sources} />
      </section>
    </CaseShell>
  );
}
