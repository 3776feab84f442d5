// The pages of the public Rust case and which of them holds each anchor. Pure: the server builds
// its links from it, and the browser uses it to send an old link (the case was once one page,
// so /reference/rust#src-… or #corrections) on to the page that now holds the anchor.

/** The case's pages, in reading order: the slug under /reference/rust and the tab's label. */
export const RUST_PAGES = [
  { slug: '', label: 'Overview' },
  { slug: 'timeline', label: 'Timeline' },
  { slug: 'rules', label: 'Rules and features' },
  { slug: 'people', label: 'People' },
  { slug: 'sources', label: 'Sources' },
  { slug: 'corrections', label: 'Corrections' },
] as const;
export type RustPageSlug = (typeof RUST_PAGES)[number]['slug'];

/** Which page holds an anchor, by its id's prefix (ids are unique across the whole case). */
const ANCHOR_PAGES: [string, RustPageSlug][] = [
  ['src-', 'sources'],
  ['answer-', 'rules'],
  ['event-', 'timeline'],
  ['assumption-', 'timeline'],
  ['assumptions', 'timeline'],
  ['timeline', 'timeline'],
  ['fp-', ''],
  ['failure-points', ''],
  ['summary', ''],
  // Sections that were on the one long page before the case was split.
  ['answers', 'rules'],
  ['people', 'people'],
  ['sources', 'sources'],
  ['corrections', 'corrections'],
];

export function pageOfAnchor(id: string): RustPageSlug | undefined {
  return ANCHOR_PAGES.find(([prefix]) => id.startsWith(prefix))?.[1];
}

/** A page of the case, for the version shown (the newest carries no `?version`). */
export function rustPageHref(slug: RustPageSlug, version?: number, hash = ''): string {
  return `/reference/rust${slug ? `/${slug}` : ''}${version === undefined ? '' : `?version=${version}`}${hash}`;
}

