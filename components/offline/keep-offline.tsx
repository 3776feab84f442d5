'use client';

import { useEffect } from 'react';
import { usePathname } from 'next/navigation';
import { tellWorker } from './offline-copies';

/**
 * Asks the service worker to keep a fresh copy of this page and of `urls` (ARCHITECTURE.md: phones
 * and offline): moving between pages inside the app fetches no full page, so the worker would
 * otherwise keep only the first. `userKey` names the signed-in member, so that another member's
 * first page clears every copy of the previous one.
 */
export function KeepOffline({ userKey, urls }: { userKey?: string; urls: string[] }) {
  const pathname = usePathname();
  const list = urls.join('\n');
  useEffect(() => {
    if (navigator.onLine === false) return;
    const here = window.location.pathname + window.location.search;
    return tellWorker({ type: 'setsafe:keep', userKey, urls: [here, ...list.split('\n').filter(Boolean)] });
  }, [pathname, userKey, list]);
  return null;
}
