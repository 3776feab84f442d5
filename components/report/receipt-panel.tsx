'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

export type PhotoOutcome = { name: string; ok: boolean; message?: string };

/**
 * Shown once, right after filing: the receipt code exists nowhere else (only its hash is stored), so
 * the reporter is asked to write it down, copy it or save it before leaving.
 */
export function ReceiptPanel({ receipt, number, hold, photos }: { receipt: string; number: number | null; hold: boolean; photos: PhotoOutcome[] }) {
  const [copied, setCopied] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(receipt);
      setCopied('Copied. Paste it somewhere only you can see.');
    } catch {
      // Clipboard needs https; on a plain LAN address select the code so the phone offers "Copy".
      const el = document.getElementById('receipt-code');
      if (el) window.getSelection()?.selectAllChildren(el);
      setCopied('Your browser did not allow copying: the code is selected — use your phone’s Copy.');
    }
  }

  function save() {
    const text = [
      'SetSafe — receipt code for your anonymous report',
      '',
      receipt,
      '',
      `Follow up at ${window.location.origin}/report/follow-up`,
      'Keep this private: anyone with the code can read the production’s questions and answer them as you.',
      '',
    ].join('\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'setsafe-receipt.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const failed = photos.filter((p) => !p.ok);
  return (
    <section aria-labelledby="receipt-h" className="mt-5 flex flex-col gap-4 rounded-xl border-2 border-ok bg-surface p-4 shadow-sm sm:p-5">
      <div role="status">
        <h2 id="receipt-h" ref={heading} tabIndex={-1} className="text-2xl font-bold text-ok">
          <span aria-hidden="true">✓ </span>Report {number === null ? '' : `#${number} `}sent anonymously
        </h2>
        {number === null ? (
          <p className="mt-1">
            Sealed, will be published with today’s reports: the producers see it, numbered, at a random time tomorrow, together with every other
            anonymous report of today. Nothing in it says who you are or when in the day you sent it.
          </p>
        ) : hold ? (
          <p className="mt-2 rounded-lg bg-hold-solid p-3 font-bold text-white">
            <span aria-hidden="true">■ </span>The production is now on a stop-work hold: no weapon is handed out until a producer lifts it in writing.
          </p>
        ) : (
          <p className="mt-1">The producers have been told. Nothing in it says who you are.</p>
        )}
      </div>
      {photos.length ? (
        <div aria-live="polite">
          <p>
            {photos.length - failed.length} of {photos.length} photo{photos.length === 1 ? '' : 's'} added.
          </p>
          {failed.map((p) => (
            <p key={p.name} className="text-sm font-semibold text-hold">
              ⚠ {p.name}: {p.message} You can add photos later on the follow-up page.
            </p>
          ))}
        </div>
      ) : null}
      <div className="rounded-lg border border-line bg-canvas p-3">
        <p className="font-semibold">Your receipt code</p>
        {/* Lines break between groups only, so no group of four is split when written down. */}
        <p id="receipt-code" data-testid="receipt-code" className="my-2 font-mono text-2xl font-bold tracking-wider text-ink sm:text-3xl">
          {receipt.split('-').map((g, i, all) => (
            <span key={i} className="inline-block whitespace-nowrap">
              {g}
              {i < all.length - 1 ? '-' : ''}
            </span>
          ))}
        </p>
        <p className="text-sm font-semibold text-hold">
          Shown only this once. SetSafe keeps only a scrambled fingerprint of it: no one can show it to you again or recover it.
        </p>
      </div>
      <div>
        <p className="font-semibold">Keep it now — write it down, copy it or save it:</p>
        <div className="mt-2 flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={copy} className="flex-1 sm:flex-none">
            Copy code
          </Button>
          <Button type="button" variant="secondary" onClick={save} className="flex-1 sm:flex-none">
            Save as a file
          </Button>
        </div>
        <p className="mt-2 text-sm text-muted" aria-live="polite">
          {copied}
        </p>
      </div>
      <p>
        With the code you can see what happens to your report, read the production’s questions and answer them — still anonymously. It keeps
        working even if the QR code changes.
      </p>
      <Link href="/report/follow-up" className="inline-flex min-h-11 items-center font-semibold text-brand underline">
        Go to the follow-up page
      </Link>
    </section>
  );
}
