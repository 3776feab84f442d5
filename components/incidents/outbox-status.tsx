'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import { flushOutbox, OUTBOX_EVENT, outboxFor, type FlushResult } from './offline-outbox';

/** While reports wait and the browser thinks it is online (a dead link, a server restarting). */
const RETRY_MS = 30_000;

/**
 * Sends reports filed without a signal (ARCHITECTURE.md: phones and offline): on every page load of the signed-in app, when
 * the `online` event fires, and every 30 s while some wait. Says what is waiting and what was sent,
 * with a link to each. The client-made id makes a repeat send the same report.
 */
export function OutboxStatus({ userId }: { userId: string }) {
  const [waiting, setWaiting] = useState(0);
  /** Reports another member filed on this phone: sent only when they sign in again. */
  const [othersWaiting, setOthersWaiting] = useState(0);
  const [last, setLast] = useState<FlushResult | null>(null);

  useEffect(() => {
    const count = () => {
      const { mine, others } = outboxFor(userId);
      setWaiting(mine.length);
      setOthersWaiting(others);
    };
    const flush = () => {
      if (outboxFor(userId).mine.length === 0) return;
      void flushOutbox(userId).then(count);
    };
    const onChange = (e: Event) => {
      const detail = (e as CustomEvent<FlushResult | undefined>).detail;
      if (detail) setLast(detail);
      count();
    };
    count();
    flush();
    window.addEventListener('online', flush);
    window.addEventListener(OUTBOX_EVENT, onChange);
    window.addEventListener('storage', count); // another tab queued or sent one
    const timer = window.setInterval(() => {
      if (navigator.onLine !== false) flush();
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', flush);
      window.removeEventListener(OUTBOX_EVENT, onChange);
      window.removeEventListener('storage', count);
      window.clearInterval(timer);
    };
  }, [userId]);

  const sent = last?.sent ?? [];
  const failed = last?.failed ?? [];
  const show = waiting > 0 || othersWaiting > 0 || sent.length > 0 || failed.length > 0;
  return (
    <div role="status" aria-live="polite" className="no-print">
      {show ? (
        <div className="border-b border-line bg-surface" data-testid="outbox-status">
          <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-2">
            {sent.length ? (
              <p className="font-semibold text-ok">
                <span aria-hidden="true">✓ </span>
                {sent.length === 1 ? 'A report saved on this phone was sent: ' : `${sent.length} reports saved on this phone were sent: `}
                {sent.map((s, i) => (
                  <span key={s.id}>
                    {i > 0 ? ', ' : null}
                    <Link className="text-brand underline" href={`/productions/${s.productionId}/incidents/${s.id}`}>
                      {s.number ? `report #${s.number}` : 'open the report'}
                    </Link>
                  </span>
                ))}
                .
              </p>
            ) : null}
            {failed.map((f) => (
              <p key={f.id} className="font-semibold text-hold">
                <span aria-hidden="true">⚠ </span>A report saved on this phone was refused: {f.message}{' '}
                {f.backInForm ? (
                  <>
                    <Link className="text-brand underline" href={`/productions/${f.productionId}/incidents/new`}>
                      Its words are back in the report form
                    </Link>
                    .
                  </>
                ) : null}
              </p>
            ))}
            {waiting > 0 ? (
              <p className="font-semibold text-medium">
                <span aria-hidden="true">⚠ </span>
                {waiting === 1 ? 'One report is' : `${waiting} reports are`} saved on this phone and will be sent when the connection returns.
              </p>
            ) : null}
            {othersWaiting > 0 ? (
              <p className="text-muted" data-testid="outbox-others">
                {othersWaiting === 1 ? 'One report another member filed on this phone waits' : `${othersWaiting} reports other members filed on this phone wait`} for them
                to sign in here again: it is sent under their name, never yours.
              </p>
            ) : null}
            {sent.length || failed.length ? (
              <button type="button" onClick={() => setLast(null)} className="min-h-11 self-start rounded-lg px-3 font-semibold text-brand hover:bg-brand-soft">
                Dismiss
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
