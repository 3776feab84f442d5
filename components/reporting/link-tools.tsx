'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/form/field';

export function CopyLink({ url }: { url: string }) {
  const [note, setNote] = useState<string>();
  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      <label htmlFor="report-link" className="sr-only">
        Anonymous report link
      </label>
      <Input id="report-link" readOnly value={url} className="font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
      <Button
        type="button"
        variant="secondary"
        className="shrink-0"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setNote('Link copied.');
          } catch {
            (document.getElementById('report-link') as HTMLInputElement | null)?.select();
            setNote('Copying was not allowed: the link is selected.');
          }
        }}
      >
        Copy link
      </Button>
      <span className="sr-only" aria-live="polite">
        {note}
      </span>
      {note ? <p className="text-sm text-muted sm:hidden">{note}</p> : null}
    </div>
  );
}

export function PrintButton() {
  return (
    <Button type="button" onClick={() => window.print()}>
      Print the QR card
    </Button>
  );
}
