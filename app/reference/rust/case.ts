// What every page of the public Rust case shares: reading the version asked for, the replay, and
// links that reach an anchor on whichever page of the case holds it. The case is split into
// pages of its own so a phone downloads and lays out one part at a time (ARCHITECTURE.md:
// performance budget, the Rust case); every page reads the same sealed version.
import 'server-only';
import { notFound } from 'next/navigation';
import { getReferenceCase, type StoredReferenceCase } from '@/db/queries/reference';
import { RUST_CASE_ID } from '@/db/seed/rust-case';
import { formatDays, replayRust, RUST_TIME_ZONE, type PlacementCheck, type ReplayResult } from '@/app/lib/rust/replay';
import { checkAssumptions, type AssumptionCheck } from '@/app/lib/rust/assumptions';
import type { RustSource } from '@/app/lib/rust/types';
import type { CaseIndex } from '@/components/reference/case-parts';
import { pageOfAnchor, rustPageHref, type RustPageSlug } from '@/app/lib/rust/pages';

export { RUST_PAGES, rustPageHref, type RustPageSlug } from '@/app/lib/rust/pages';

/** `?version=N` reads an older version this database holds; anything else is not a version. */
function versionParam(raw: string | string[] | undefined): number | undefined | null {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,3}$/.test(raw)) return null;
  return Number(raw);
}

export type LoadedCase = {
  c: StoredReferenceCase;
  isNewest: boolean;
  /** The version in links, or undefined when the newest is shown. */
  linkVersion: number | undefined;
  sources: CaseIndex;
  replayOpts: { timeZone: string; jurisdiction: StoredReferenceCase['info']['jurisdiction'] };
  /** The replay and its assumption checks, run once on first use (the sources page needs neither). */
  replayed: () => { replay: ReplayResult; assumptionChecks: Map<string, AssumptionCheck> };
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Reads the version asked for (404 for anything that is not one this database holds) and runs the replay. */
export async function loadRustCase(searchParams: SearchParams, page: RustPageSlug): Promise<LoadedCase> {
  const asked = versionParam((await searchParams).version);
  if (asked === null) notFound();
  const c = getReferenceCase(RUST_CASE_ID, asked);
  if (!c) notFound();
  const isNewest = c.version.version === c.newest.version;
  const linkVersion = isNewest ? undefined : c.version.version;
  const byKey = new Map<string, RustSource>(c.sources.map((s) => [s.key, s]));
  const href = (hash: string) => {
    const target = pageOfAnchor(hash.replace(/^#/, ''));
    return target === undefined || target === page ? hash : rustPageHref(target, linkVersion, hash);
  };
  const replayOpts = { timeZone: c.info.timeZone || RUST_TIME_ZONE, jurisdiction: c.info.jurisdiction };
  let ran: ReturnType<LoadedCase['replayed']> | undefined;
  const replayed = () => {
    if (!ran) {
      const replay = replayRust(c.events, undefined, replayOpts);
      ran = { replay, assumptionChecks: new Map(checkAssumptions(c.events, c.assumptions ?? [], replay, undefined, replayOpts).map((x) => [x.key, x])) };
    }
    return ran;
  };
  return { c, isNewest, linkVersion, sources: { get: (k) => byKey.get(k), href }, replayOpts, replayed };
}

/** What the replay says about an event whose date is known only within a range. */
export function placementText(check: PlacementCheck): string {
  const range = formatDays([check.from, check.to]).replace(' and ', ' to ');
  if (check.differences.length === 0) return `Placed on any day from ${range}, the same rules fire for every event.`;
  return check.differences
    .map((d) => `Whether rule ${d.rule} fires on “${d.dateLabel}” depends on it: yes if it happened on ${formatDays(d.firesOn)}; no if on ${formatDays(d.notOn)}.`)
    .join(' ');
}
