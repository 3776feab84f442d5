'use client';

import { useEffect, useState } from 'react';
import type { FromWorker } from '@/app/sw/protocol';
import { tellWorker } from './offline-copies';

const when = (ms: number) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(ms);

/**
 * Says plainly that the page is a copy kept on this phone, served by the service worker because
 * there was no signal, and when it was saved (ARCHITECTURE.md: phones and offline): a hold lifted
 * or called since is not in it. Once the signal is back it offers the current page.
 */
export function OfflineCopyBanner() {
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const sw = navigator.serviceWorker;
    if (!sw) return;
    const onMessage = (e: MessageEvent) => {
      const m = e.data as FromWorker | null;
      if (m?.type === 'setsafe:copy' && typeof m.savedAt === 'number') setSavedAt(m.savedAt);
    };
    const net = () => setOnline(navigator.onLine !== false);
    sw.addEventListener('message', onMessage);
    sw.startMessages();
    net();
    window.addEventListener('online', net);
    window.addEventListener('offline', net);
    const untell = sw.controller ? tellWorker({ type: 'setsafe:copy?' }) : () => {};
    return () => {
      untell();
      sw.removeEventListener('message', onMessage);
      window.removeEventListener('online', net);
      window.removeEventListener('offline', net);
    };
  }, []);

  return (
    <div role="status" aria-live="polite" className="no-print">
      {savedAt !== null ? (
        <div className="border-b-2 border-medium bg-warn-soft text-ink" data-testid="offline-copy">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
            <p className="min-w-0 flex-1 basis-64">
              <strong>
                <span aria-hidden="true">⚠ </span>Offline copy
              </strong>{' '}
              saved on this phone <time dateTime={new Date(savedAt).toISOString()}>{when(savedAt)}</time>.{' '}
              {online ? 'The connection is back: this page may have changed since.' : 'No signal: anything changed since is not shown. Reports you file are kept and sent when the signal returns.'}
            </p>
            {online ? (
              <button
                type="button"
                onClick={() => window.location.reload()}
                className="min-h-11 rounded-lg border border-line bg-surface px-3 font-semibold text-brand hover:bg-brand-soft"
              >
                Load the current page
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
