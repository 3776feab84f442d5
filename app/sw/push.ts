/// <reference lib="webworker" />
// Web Push display in the service worker: shows what the server sent and opens the record on tap.
// The payload carries a title, a short text and a same-origin path only (no injury fields, nothing
// that identifies an anonymous reporter — the server builds it from the notification's title).

export type PushPayload = { title: string; body: string; url: string; tag: string; critical: boolean };

export function parsePayload(data: string | null | undefined): PushPayload {
  let raw: Partial<PushPayload> = {};
  try {
    raw = data ? (JSON.parse(data) as Partial<PushPayload>) : {};
  } catch {
    raw = { body: data ?? '' };
  }
  const url = typeof raw.url === 'string' && raw.url.startsWith('/') && !raw.url.startsWith('//') ? raw.url : '/';
  return {
    title: typeof raw.title === 'string' && raw.title ? raw.title : 'SetSafe',
    body: typeof raw.body === 'string' ? raw.body : '',
    url,
    tag: typeof raw.tag === 'string' ? raw.tag : '',
    critical: raw.critical === true,
  };
}

export function registerPushHandlers(sw: ServiceWorkerGlobalScope): void {
  sw.addEventListener('push', (event) => {
    const p = parsePayload(event.data?.text());
    event.waitUntil(
      sw.registration.showNotification(p.title, {
        body: p.body,
        tag: p.tag || undefined,
        icon: '/icon-192.png',
        badge: '/icon-192.png',
        // Rule 7: a critical signal stays on screen until someone acts on it.
        requireInteraction: p.critical,
        data: { url: p.url },
      }),
    );
  });

  sw.addEventListener('notificationclick', (event) => {
    event.notification.close();
    const path = parsePayload(JSON.stringify({ url: (event.notification.data as { url?: string } | null)?.url })).url;
    const target = new URL(path, sw.location.origin).href;
    event.waitUntil(
      (async () => {
        const open = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
        for (const c of open) {
          if (c.url === target && 'focus' in c) return void (await c.focus());
        }
        await sw.clients.openWindow(target);
      })(),
    );
  });
}
