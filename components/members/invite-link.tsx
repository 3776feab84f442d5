'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

/**
 * The one-time set-password link, shown once right after it is made (only its hash is stored).
 * It is also emailed to them from the outbox; the producer may pass it on by text or chat too.
 */
export function InviteLink({ token, name, expiresAt }: { token: string; name: string; expiresAt: number }) {
  const url = `${window.location.origin}/invite/${token}`;
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  // Where the eye is: the new link takes focus and the middle of the screen, never above it.
  useEffect(() => {
    box.current?.focus({ preventScroll: true });
    box.current?.scrollIntoView({ block: 'center' });
  }, [token]);
  const [copied, setCopied] = useState<'yes' | 'manual' | null>(null);
  const until = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(expiresAt);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('manual');
    }
  }

  return (
    <div ref={box} tabIndex={-1} className="flex flex-col gap-2 rounded-lg border border-ok/40 bg-ok-soft p-3" role="status" data-testid="invite-link">
      <p className="font-semibold text-ink">Set-password link for {name}</p>
      <label htmlFor={`invite-url-${token.slice(0, 6)}`} className="sr-only">
        Invite link
      </label>
      <input
        ref={input}
        id={`invite-url-${token.slice(0, 6)}`}
        readOnly
        value={url}
        onFocus={(e) => e.currentTarget.select()}
        className="block min-h-11 w-full rounded-lg border border-line-strong bg-surface px-3 py-2 font-mono text-sm"
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={copy}>
          Copy link
        </Button>
        <span aria-live="polite" className="text-sm font-semibold text-ok">
          {copied === 'yes' ? '✓ Copied' : copied === 'manual' ? 'Selected: copy it with your device’s menu.' : ''}
        </span>
      </div>
      <p className="text-sm text-muted">
        SetSafe has emailed it to them; you may also send it yourself (text or chat). It works once, until {until}, and is shown only now —
        make a new one from the member list if it gets lost.
      </p>
    </div>
  );
}
