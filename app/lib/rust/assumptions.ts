// What the replay returns without each of its assumptions (issue: the page says the assumption
// next to the firing and shows what changes without it). Runs the same replay on the case with
// the assumption's events re-recorded, and compares rule by rule. Pure: no database, Next or clock.
import { DEFAULT_RULES, type RuleConfig } from '../rules';
import { replayRust, type Clock, type ReplayOptions, type ReplayResult, type RuleNumber, type Stop } from './replay';
import type { RustAssumption, RustEvent } from './types';

export type EventDifference = {
  eventKey: string;
  dateLabel: string;
  /** Rules firing on the event as replayed, and without the assumption. */
  withRules: RuleNumber[];
  withoutRules: RuleNumber[];
  /** The firings' headlines without the assumption, when they differ. */
  withoutSummaries: string[];
  /** Clocks without the assumption, when they differ. */
  withoutClocks: Clock[] | null;
};

export type AssumptionCheck = {
  key: string;
  eventKey: string;
  label: string;
  differences: EventDifference[];
  /** The first stop without the assumption, when it moves. */
  firstStopWithout: Stop | null | undefined;
};

/** The case with the assumption taken away: the named events hold the given records instead. */
export function withoutAssumption(events: RustEvent[], a: RustAssumption): RustEvent[] {
  return events.map((e) => {
    const change = a.without.changes.find((c) => c.eventKey === e.key);
    return change ? { ...e, records: change.records } : e;
  });
}

const same = <T,>(x: T, y: T) => JSON.stringify(x) === JSON.stringify(y);

export function checkAssumption(
  events: RustEvent[],
  a: RustAssumption,
  base: ReplayResult,
  config: RuleConfig = DEFAULT_RULES,
  opts: ReplayOptions = {},
): AssumptionCheck {
  const alt = replayRust(withoutAssumption(events, a), config, { ...opts, checkPlacements: false });
  const differences: EventDifference[] = [];
  for (const b of base.events) {
    const o = alt.byKey[b.key];
    if (!o) continue;
    const summaries = (r: typeof b) => r.firings.map((f) => `Rule ${f.rule}: ${f.summary}`);
    const rulesDiffer = !same(b.rules, o.rules);
    const summariesDiffer = !same(summaries(b), summaries(o));
    const clocksDiffer = !same(b.clocks, o.clocks);
    if (!rulesDiffer && !summariesDiffer && !clocksDiffer) continue;
    differences.push({
      eventKey: b.key,
      dateLabel: events.find((e) => e.key === b.key)?.dateLabel ?? b.key,
      withRules: b.rules,
      withoutRules: o.rules,
      withoutSummaries: summariesDiffer ? summaries(o) : [],
      withoutClocks: clocksDiffer ? o.clocks : null,
    });
  }
  const firstStopWithout = same(base.summary.firstStop, alt.summary.firstStop) ? undefined : alt.summary.firstStop;
  return { key: a.key, eventKey: a.eventKey, label: a.without.label, differences, firstStopWithout };
}

export function checkAssumptions(events: RustEvent[], assumptions: RustAssumption[], base: ReplayResult, config: RuleConfig = DEFAULT_RULES, opts: ReplayOptions = {}) {
  return assumptions.map((a) => checkAssumption(events, a, base, config, opts));
}
