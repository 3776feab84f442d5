'use client';

import { META_CACHE, PAGES_CACHE, type ToWorker } from '@/app/sw/protocol';

/** Tells the service worker, once it controls this page (the first visit installs it). */
export function tellWorker(msg: ToWorker): () => void {
  const sw = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
  if (!sw) return () => {};
  if (sw.controller) {
    sw.controller.postMessage(msg);
    return () => {};
  }
  const onControl = () => sw.controller?.postMessage(msg);
  sw.addEventListener('controllerchange', onControl, { once: true });
  return () => sw.removeEventListener('controllerchange', onControl);
}

/**
 * Signing out forgets every saved page on this device (ARCHITECTURE.md: phones and offline): the
 * next person to open SetSafe here must never see this member's copies. The worker also clears
 * them when it sees the sign-out request; this does not wait for it.
 */
export async function forgetOfflineCopies(): Promise<void> {
  try {
    await Promise.all([caches.delete(PAGES_CACHE), caches.delete(META_CACHE)]);
  } catch {
    /* no Cache Storage (an old engine, a private window): nothing was saved */
  }
  tellWorker({ type: 'setsafe:clear' });
}
