/// <reference lib="webworker" />
// Opening SetSafe with no signal (ARCHITECTURE.md: phones and offline). Pages are network first:
// every page this member opens is kept as a full HTML copy with the headers it came with (its
// Content-Security-Policy and the nonce its scripts carry), and served from there when there is no
// network; the build's files it needs are kept beside it. The signed-in layout asks for a fresh copy
// of the home page, the report form and the holds page, so they open offline even unvisited. A page
// served from a copy learns it through a message and says so with the time it was saved. Copies
// are one member's: signing out, any sign-in, or another member's page clears them.
import {
  clearsCopies,
  fallbackHtml,
  FALLBACK_HEADERS,
  isStaticAsset,
  keepsCopy,
  KEEP_FRESH_MS,
  MAX_PAGES,
  MAX_STATIC,
  META_CACHE,
  OWN_CACHES,
  PAGES_CACHE,
  SAVED_AT_HEADER,
  STATIC_CACHE,
  staticAssetsIn,
  TITLE_HEADER,
  titleOf,
  type FromWorker,
  type SavedCopy,
  type ToWorker,
} from './protocol';

const USER_KEY_URL = '/__setsafe/user';
/** On a kept redirect (the home page of a member of one production): where it leads. */
const ALIAS_HEADER = 'x-setsafe-alias';
/** A network that neither answers nor fails (a weak signal) gives way to the copy after this long. */
const NETWORK_WAIT_MS = 8_000;

export function registerOfflineHandlers(sw: ServiceWorkerGlobalScope): void {
  /** Windows served from a copy: client id → when that copy was saved. */
  const servedCopies = new Map<string, number>();
  /** A clear in progress: saving waits for it, so no copy survives a sign-out by racing it. */
  let clearing: Promise<void> = Promise.resolve();
  /** Messages from pages are handled one after another: a member's key is settled before their pages are fetched. */
  let work: Promise<void> = Promise.resolve();
  const inTurn = (f: () => Promise<void>) => (work = work.then(f, f));

  /** Bumped by every clear: a page fetched before it is not saved after it. */
  let generation = 0;

  const clearPages = () => {
    generation++;
    clearing = clearing.then(async () => {
      await sw.caches.delete(PAGES_CACHE);
      const meta = await sw.caches.open(META_CACHE);
      await meta.delete(USER_KEY_URL);
    });
    return clearing;
  };

  /** Scripts already read for the chunks they load on demand (their names are content hashes). */
  const scanned = new Set<string>();

  async function cacheStatic(urls: string[]): Promise<void> {
    const cache = await sw.caches.open(STATIC_CACHE);
    // A script may load more code on demand (the shared zod schema on a form's first touch, a form's
    // optional sections: ARCHITECTURE.md: performance budget); the chunks it names are kept with it,
    // so a copy opened with no signal has them too. Each script is read for them once per worker.
    const queue = [...new Set(urls)];
    const seen = new Set(queue);
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i];
      let res = await cache.match(u);
      if (!res) {
        try {
          const got = await fetch(u, { credentials: 'same-origin' });
          if (!got.ok) continue;
          await cache.put(u, got.clone());
          res = got;
        } catch {
          return; // the signal went: try again with the next page
        }
      }
      if (!u.endsWith('.js') || scanned.has(u)) continue;
      scanned.add(u);
      for (const more of staticAssetsIn(await res.text())) {
        if (!seen.has(more) && more.endsWith('.js')) {
          seen.add(more);
          queue.push(more);
        }
      }
    }
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_STATIC))) await cache.delete(old);
  }

  /** `gen`: the generation when the page was asked for; a clear since then means it belongs to nobody now. */
  async function savePage(url: string, res: Response, gen: number): Promise<void> {
    await clearing;
    const html = await res.text();
    const headers = new Headers(res.headers);
    headers.set(SAVED_AT_HEADER, String(Date.now()));
    headers.set(TITLE_HEADER, encodeURIComponent(titleOf(html)));
    // The files it needs first: a kept page whose scripts are not kept yet would fail to start offline.
    await cacheStatic(staticAssetsIn(html));
    const cache = await sw.caches.open(PAGES_CACHE);
    if (gen !== generation) return;
    await cache.put(url, new Response(html, { status: res.status, statusText: res.statusText, headers }));
    const keys = await cache.keys();
    if (keys.length > MAX_PAGES) {
      const dated = await Promise.all(keys.map(async (k) => ({ k, at: Number((await cache.match(k))?.headers.get(SAVED_AT_HEADER) ?? 0) })));
      dated.sort((a, b) => a.at - b.at);
      for (const { k } of dated.slice(0, keys.length - MAX_PAGES)) await cache.delete(k);
    }
  }

  const worthKeeping = (res: Response) =>
    res.status === 200 && res.type === 'basic' && (res.headers.get('content-type') ?? '').includes('text/html');

  const pageKey = (url: string) => {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  };

  async function findCopy(url: string): Promise<Response | undefined> {
    const cache = await sw.caches.open(PAGES_CACHE);
    // The exact page, else the same page with other query parameters (a filter, a ?filed=1).
    return (await cache.match(pageKey(url))) ?? (await cache.match(pageKey(url), { ignoreSearch: true }));
  }

  async function listCopies(): Promise<SavedCopy[]> {
    const cache = await sw.caches.open(PAGES_CACHE);
    const out: SavedCopy[] = [];
    for (const k of await cache.keys()) {
      const r = await cache.match(k);
      if (r && !r.headers.has(ALIAS_HEADER)) out.push({ url: k.url, title: decodeURIComponent(r.headers.get(TITLE_HEADER) ?? ''), savedAt: Number(r.headers.get(SAVED_AT_HEADER) ?? 0) });
    }
    return out;
  }

  const when = (ms: number) =>
    new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(ms);

  async function fromCopy(event: FetchEvent): Promise<Response> {
    const copy = await findCopy(event.request.url);
    if (copy?.headers.has(ALIAS_HEADER)) return copy;
    if (copy) {
      const savedAt = Number(copy.headers.get(SAVED_AT_HEADER) ?? 0);
      if (event.resultingClientId) servedCopies.set(event.resultingClientId, savedAt);
      return copy;
    }
    return new Response(fallbackHtml(await listCopies(), when), { status: 503, statusText: 'Offline', headers: FALLBACK_HEADERS });
  }

  async function networkFirst(event: FetchEvent): Promise<Response> {
    const gen = generation;
    const network = fetch(event.request).then((res) => {
      if (worthKeeping(res)) event.waitUntil(savePage(pageKey(event.request.url), res.clone(), gen));
      return res;
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slow = new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), NETWORK_WAIT_MS)));
    try {
      const first = await Promise.race([network, slow]);
      if (first !== 'slow') return first;
      // No answer yet: a saved copy now if there is one, else keep waiting for the network.
      return (await findCopy(event.request.url)) ? fromCopy(event) : await network;
    } catch {
      return fromCopy(event);
    } finally {
      clearTimeout(timer);
    }
  }

  async function cacheFirst(req: Request): Promise<Response> {
    const cache = await sw.caches.open(STATIC_CACHE);
    const hit = await cache.match(req);
    if (hit) return hit;
    const res = await fetch(req);
    if (res.ok && res.type === 'basic') await cache.put(req, res.clone());
    return res;
  }

  /** Fresh copies of the pages a member needs without a signal, unless a recent one is kept. */
  async function keep(urls: string[]): Promise<void> {
    await clearing;
    for (const raw of urls) {
      const url = new URL(raw, sw.location.origin);
      if (url.origin !== sw.location.origin || !keepsCopy(url.pathname)) continue;
      const kept = await (await sw.caches.open(PAGES_CACHE)).match(pageKey(url.href));
      if (kept && Date.now() - Number(kept.headers.get(SAVED_AT_HEADER) ?? 0) < KEEP_FRESH_MS) continue;
      const gen = generation;
      try {
        const res = await fetch(url.href, { credentials: 'same-origin' });
        if (!res.redirected) {
          if (worthKeeping(res)) await savePage(pageKey(url.href), res, gen);
          continue;
        }
        // The home page sends a member of one production to it: the installed app starts at "/",
        // so "/" is kept as that same step, to a page kept too. A step to sign-in is not kept.
        const to = new URL(res.url);
        const landed = new Response(res.body, res);
        if (to.origin !== sw.location.origin || !keepsCopy(to.pathname) || !(landed.status === 200 && (landed.headers.get('content-type') ?? '').includes('text/html'))) continue;
        await savePage(pageKey(to.href), landed, gen);
        const cache = await sw.caches.open(PAGES_CACHE);
        if (gen !== generation) return;
        await cache.put(
          pageKey(url.href),
          new Response(null, { status: 302, headers: { location: to.pathname + to.search, [ALIAS_HEADER]: '1', [SAVED_AT_HEADER]: String(Date.now()) } }),
        );
      } catch {
        return; // no signal: keep what is there
      }
    }
  }

  /** A page of another member (or none recorded) means every kept copy goes first. */
  async function setUser(key: string): Promise<void> {
    await clearing;
    const meta = await sw.caches.open(META_CACHE);
    const was = await (await meta.match(USER_KEY_URL))?.text();
    if (was !== undefined && was !== key) await clearPages();
    else if (was === undefined) await clearPages();
    await meta.put(USER_KEY_URL, new Response(key));
  }

  sw.addEventListener('activate', (event) => {
    // Caches of an older worker version (another name) are dropped.
    event.waitUntil(
      sw.caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith('setsafe-') && !(OWN_CACHES as readonly string[]).includes(n)).map((n) => sw.caches.delete(n)))),
    );
  });

  sw.addEventListener('fetch', (event) => {
    const req = event.request;
    const url = new URL(req.url);
    if (url.origin !== sw.location.origin) return;
    if (req.method !== 'GET') {
      if (clearsCopies(url.pathname, req.method)) event.waitUntil(clearPages());
      return;
    }
    if (req.mode === 'navigate' && keepsCopy(url.pathname)) event.respondWith(networkFirst(event));
    else if (isStaticAsset(url.pathname)) event.respondWith(cacheFirst(req));
  });

  sw.addEventListener('message', (event) => {
    const msg = event.data as ToWorker | null;
    const source = event.source as Client | null;
    if (!msg || typeof msg !== 'object') return;
    const reply = (m: FromWorker) => source?.postMessage(m);
    if (msg.type === 'setsafe:copy?' && source) {
      reply({ type: 'setsafe:copy', savedAt: servedCopies.get(source.id) ?? null });
    } else if (msg.type === 'setsafe:keep' && Array.isArray(msg.urls)) {
      const urls = msg.urls.filter((u): u is string => typeof u === 'string').slice(0, 10);
      const userKey = typeof msg.userKey === 'string' ? msg.userKey : null;
      event.waitUntil(inTurn(async () => {
        if (userKey !== null) await setUser(userKey);
        await keep(urls);
      }));
    } else if (msg.type === 'setsafe:clear') {
      event.waitUntil(clearPages().then(() => reply({ type: 'setsafe:cleared' })));
    }
  });
}
