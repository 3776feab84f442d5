// The hosts a reference-case page may link: original outlets and primary bodies only (ARCHITECTURE.md:
// Reference data). Syndicated copies, mirrors and rewrites are cited by name and date, never
// linked; the page passes every source link through isLinkableSource, so a link withdrawn in a
// correction stays unlinked when an older version is read. Pure.

export const ORIGINAL_OUTLET_HOSTS = [
  'www.env.nm.gov',
  'deadline.com',
  'www.santafenewmexican.com',
  'www.sfreporter.com',
  'www.vulture.com',
  'www.usatoday.com',
  'www.kob.com',
  'thehill.com',
  'www.cbsnews.com',
  'www.avclub.com',
  'en.wikipedia.org',
  '6abc.com',
  'www.newsnationnow.com',
  'www.vitallaw.com',
] as const;

/**
 * Hosts that only carried copies (syndicated, republished, mirrored, rewritten wire copy) or that a
 * correction replaced as weak: never linked anywhere in the app.
 */
export const COPY_HOSTS = [
  'thecandlepublishing.com',
  'digismak.com',
  'yahoo.com',
  'kunm.org',
  'ava360.com',
  'ksnt.com',
  'newser.com',
  'exbulletin.com',
  'abc15.com',
  'fastseoul.com',
  'wbrz.com',
  'localnews8.com',
  'owiki.org',
  'latestly.com',
  'rapidcelnews.com',
  'kinstrapop.com',
  'marksloan.net',
  'antalyareklamajansi.net',
  'blogspot.com',
  'avpress.com',
  'werhradio.com',
  'comparemela.com',
  'myluxepro.com',
  'hive.news',
  'mxdwn.com',
  'thesundaily.my',
  'dailydig.com',
  'justthenews.com',
  'cinemablend.com',
  'theepochtimes.com',
  'aol.com',
] as const;

export function isLinkableSource(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (ORIGINAL_OUTLET_HOSTS as readonly string[]).includes(u.hostname);
  } catch {
    return false;
  }
}
