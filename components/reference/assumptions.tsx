// The replay's stated assumptions on the public Rust case page: what the replay assumes next to
// the firing it affects, and what the same rules return without it. Server components only.
import type { AssumptionCheck } from '@/app/lib/rust/assumptions';
import { listRules } from '@/app/lib/rust/replay';
import type { RustAssumption } from '@/app/lib/rust/types';
import { SourceChips, type CaseIndex } from './case-parts';

const rulesText = (rules: number[]) => (rules.length === 0 ? 'no rule' : `rule${rules.length > 1 ? 's' : ''} ${listRules(rules)}`);

/** One line per event whose outcome changes without the assumption. */
function Differences({ check, sources }: { check: AssumptionCheck; sources: CaseIndex }) {
  return (
    <ul className="mt-1 list-disc space-y-1 pl-5 text-[0.95rem]">
      {check.differences.map((d) => (
        <li key={d.eventKey}>
          <a href={sources.href(`#event-${d.eventKey}`)} className="link">
            {d.dateLabel}
          </a>
          {': '}
          {d.withRules.join() !== d.withoutRules.join() ? `${rulesText(d.withRules)} as replayed; ${rulesText(d.withoutRules)} without it.` : `the same ${rulesText(d.withRules)}, differently:`}
          {d.withoutSummaries.length > 0 ? <span className="block text-muted">{d.withoutSummaries.join('; ')}.</span> : null}
          {d.withoutClocks ? (
            <span className="block text-muted">
              Clocks: {d.withoutClocks.map((c) => `${c.person}: ${c.items.join('; ')}`).join('. ')}.
            </span>
          ) : null}
        </li>
      ))}
      {check.firstStopWithout !== undefined ? (
        <li>
          First stop of work:{' '}
          {check.firstStopWithout ? (
            <a href={sources.href(`#event-${check.firstStopWithout.eventKey}`)} className="link">
              {check.firstStopWithout.dateLabel}
            </a>
          ) : (
            'none'
          )}{' '}
          without it.
        </li>
      ) : null}
    </ul>
  );
}

/** Shown next to the firing the assumption affects, with what changes without it. */
export function AssumptionNote({ a, check, sources }: { a: RustAssumption; check: AssumptionCheck | undefined; sources: CaseIndex }) {
  return (
    <div id={`assumption-${a.key}`} className="mt-3 scroll-mt-16 rounded-lg border border-medium/40 bg-warn-soft/60 p-3">
      <p className="text-sm font-semibold uppercase tracking-wide text-medium">Assumption</p>
      <p className="mt-1 font-semibold">{a.text}</p>
      <details className="mt-1">
        <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-brand">Why, and what changes without it</summary>
        <p className="text-[0.95rem]">{a.basis}</p>
        <SourceChips keys={a.sources} sources={sources} />
        {check ? (
          <div className="mt-2 border-t border-medium/30 pt-2">
            <p className="font-semibold">Without it &mdash; {a.without.label}:</p>
            <Differences check={check} sources={sources} />
          </div>
        ) : null}
      </details>
    </div>
  );
}

/** What SetSafe's model cannot yet express about the case. */
export function ModelLimits({ limits, sources }: { limits: { text: string; sources: string[] }[]; sources: CaseIndex }) {
  if (limits.length === 0) return null;
  return (
    <div className="mt-3 rounded-lg border border-line bg-canvas p-3">
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">What the model cannot yet express</p>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-[0.95rem]">
        {limits.map((l) => (
          <li key={l.text}>
            {l.text}
            <SourceChips keys={l.sources} sources={sources} />
          </li>
        ))}
      </ul>
    </div>
  );
}
