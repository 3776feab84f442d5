'use client';

import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { addCertificate } from '@/app/(app)/productions/[productionId]/qualifications/actions';
import { Button } from '@/components/ui/button';

/** A certificate scan: a PDF or a photo of the paper (the server checks the content and decides). */
export function CertificateUpload({ productionId, qualificationId, label }: { productionId: string; qualificationId: string; label: string }) {
  const router = useRouter();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  // A new key empties the file input once its scan is kept.
  const [inputKey, setInputKey] = useState(0);
  const [result, setResult] = useState<{ text: string; ok: boolean } | null>(null);
  async function upload() {
    if (!file) return;
    setBusy(true);
    const fd = new FormData();
    fd.set('file', file);
    try {
      const r = await addCertificate(productionId, qualificationId, fd);
      setResult(r.ok ? { text: 'Certificate added.', ok: true } : { text: r.message, ok: false });
      if (r.ok) {
        setFile(null);
        setInputKey((k) => k + 1);
      }
    } catch {
      setResult({ text: 'Could not reach SetSafe. Try again when the signal is back.', ok: false });
    }
    setBusy(false);
    router.refresh();
  }
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={inputId} className="text-sm font-semibold">
        Add a certificate scan for {label} (PDF, JPEG, PNG or WebP, up to 10 MB)
      </label>
      <input
        key={inputKey}
        id={inputId}
        type="file"
        accept="application/pdf,image/jpeg,image/png,image/webp"
        disabled={busy}
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setResult(null);
        }}
        className="min-h-11 max-w-full text-sm file:mr-2 file:min-h-11 file:rounded-lg file:border file:border-line file:bg-surface file:px-3"
      />
      {file ? (
        <Button type="button" onClick={upload} disabled={busy} className="self-start">
          {busy ? 'Adding…' : 'Add certificate'}
        </Button>
      ) : null}
      <p aria-live="polite" className={result ? (result.ok ? 'text-sm text-ok' : 'text-sm font-semibold text-hold') : 'sr-only'}>
        {result ? `${result.ok ? '✓' : '⚠'} ${result.text}` : ''}
      </p>
    </div>
  );
}
