type Item = { href: string; label: string; section?: string[] };

/** '/productions/<id>': the overview is current only on itself, not on every page below it. */
const isProductionRoot = (p: string) => p.split('/').length === 3;

/** The entry whose path (or section) matches the current page most specifically. */
export function currentOf(items: Item[], pathname: string): string | undefined {
  let best: { href: string; len: number } | undefined;
  for (const i of items) {
    for (const p of i.section ?? [i.href]) {
      const hit = pathname === p || (pathname.startsWith(p + '/') && !isProductionRoot(p));
      if (hit && (!best || p.length > best.len)) best = { href: i.href, len: p.length };
    }
  }
  return best?.href;
}
