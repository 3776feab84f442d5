// Pieces of the public Rust case page. Server components: nothing here ships JavaScript.
import type { ReactNode } from 'react';
import { isLinkableSource } from '@/app/lib/rust/outlets';
import type { RustSource } from '@/app/lib/rust/types';
import type { EventReplay, Firing } from '@/app/lib/rust/replay';
import { cx } from '@/components/ui/cx';

/**
 * The case's sources by key, and where an anchor of the case lives: the case spans several pages,
 * so a link to a source, an event or a rule goes to the page that holds it (or stays on this one).
 */
export type CaseIndex = { get(key: string): RustSource | undefined; href(hash: string): string };

export function sourceLabel(s: RustSource): string {
  return s.date ? `${s.publication}, ${s.date}` : s.publication;
}

/** Sources cited by publication and date; linked only where the link is an allowed original outlet. */
export function SourceChips({ keys, sources, label = 'Sources' }: { keys: string[]; sources: CaseIndex; label?: string }) {
  const list = keys.map((k) => sources.get(k)).filter((s): s is RustSource => !!s);
  if (list.length === 0) return null;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <span className="font-semibold text-muted">{label}:</span>
      {list.map((s) =>
        isLinkableSource(s.url) ? (
          <a
            key={s.key}
            href={s.url}
            rel="noopener noreferrer external"
            className="inline-flex min-h-11 items-center gap-1 rounded-lg px-1 font-medium text-brand underline decoration-brand/40 underline-offset-2 hover:decoration-brand"
          >
            {sourceLabel(s)}
            <span aria-hidden="true">↗</span>
          </a>
        ) : (
          <a key={s.key} href={sources.href(`#src-${s.key}`)} className="inline-flex min-h-11 items-center rounded-lg px-1 text-ink underline decoration-dotted underline-offset-2">
            {sourceLabel(s)}
          </a>
        ),
      )}
    </div>
  );
}

export function RuleTag({ rule, sources }: { rule: number; sources: CaseIndex }) {
  return (
    <a
      href={sources.href(`#answer-rule-${rule}`)}
      className="inline-flex min-h-11 shrink-0 items-center self-start whitespace-nowrap rounded-md bg-brand-solid px-3 text-sm font-bold text-white no-underline hover:bg-brand-solid/85"
    >
      Rule {rule}
    </a>
  );
}

function FiringItem({ f, sources }: { f: Firing; sources: CaseIndex }) {
  return (
    <li className="flex flex-col gap-1 py-2 sm:flex-row sm:gap-3">
      <RuleTag rule={f.rule} sources={sources} />
      <div className="min-w-0">
        <p className="font-semibold leading-snug">
          {f.summary}
          {f.record ? <span className="font-normal text-muted"> · {f.record}</span> : null}
        </p>
        {f.account ? <p className="text-sm text-medium">Depends on the disputed account: {f.account}.</p> : null}
        {f.details.length > 0 ? (
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-[0.95rem] text-muted">
            {f.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}

/** The computed part of an event: what SetSafe would have held, and what its rules returned. */
export function ReplayBox({ replay, sources, children }: { replay: EventReplay; sources: CaseIndex; children?: ReactNode }) {
  if (replay.records.length === 0) {
    return <p className="mt-3 text-sm text-muted">No SetSafe record: nothing here would be logged on set, so no rule is run.</p>;
  }
  return (
    <div className={cx('mt-3 rounded-lg border border-line bg-canvas/70 p-3', replay.firings.length > 0 && 'border-l-4 border-l-hold')}>
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">Had it been logged in SetSafe</p>
      <ul className="mt-1 space-y-0.5 text-[0.95rem]">
        {replay.records.map((r) => (
          <li key={r}>
            <span aria-hidden="true" className="mr-1 text-muted">▸</span>
            {r}
          </li>
        ))}
      </ul>
      {replay.firings.length > 0 ? (
        <ul className="mt-2 divide-y divide-line border-t border-line" aria-label="Rules that would have fired">
          {replay.firings.map((f, i) => (
            <FiringItem key={`${f.rule}-${i}`} f={f} sources={sources} />
          ))}
        </ul>
      ) : (
        <p className="mt-2 border-t border-line pt-2 text-[0.95rem]">No rule fires on {replay.records.length === 1 ? 'this record' : 'these records'}.</p>
      )}
      {replay.clocks.length > 0 ? (
        <div className="mt-2 border-t border-line pt-2">
          <p className="font-semibold">Legal clocks SetSafe would have started</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-[0.95rem] text-muted">
            {replay.clocks.map((c) => (
              <li key={c.person}>
                {c.person}: {c.items.join('; ')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {replay.notes.map((n) => (
        <p key={n} className="mt-2 text-sm text-muted">
          {n}
        </p>
      ))}
      {children}
    </div>
  );
}

/** Requirements grouped under one tag per rule, in the order the rules module gave them. */
export function RequirementList({ items, sources }: { items: { rule: number | null; text: string }[]; sources: CaseIndex }) {
  const groups: { rule: number | null; texts: string[] }[] = [];
  for (const it of items) {
    const g = groups.find((x) => x.rule === it.rule);
    if (g) g.texts.push(it.text);
    else groups.push({ rule: it.rule, texts: [it.text] });
  }
  return (
    <ul className="mt-1 space-y-2">
      {groups.map((g) => (
        <li key={String(g.rule)} className="flex flex-col gap-1 sm:flex-row sm:gap-3">
          {g.rule ? <RuleTag rule={g.rule} sources={sources} /> : null}
          <ul className="list-disc space-y-0.5 pl-5">
            {g.texts.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** An in-page link shown as a tappable chip. */
export function ChipLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className="inline-flex min-h-11 items-center rounded-lg bg-brand-soft px-3 py-1.5 font-semibold text-brand ring-1 ring-brand/20 hover:bg-brand-solid hover:text-white">
      {children}
    </a>
  );
}
