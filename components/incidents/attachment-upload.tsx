'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { addPhoto } from '@/app/(app)/productions/[productionId]/incidents/[incidentId]/attachment-actions';
import { PhotoPicker } from '@/components/report/photo-picker';
import { Button } from '@/components/ui/button';

export function AttachmentUpload({ productionId, incidentId }: { productionId: string; incidentId: string }) {
  const router = useRouter();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<{ text: string; ok: boolean }[]>([]);
  async function upload() {
    setBusy(true);
    const out: { text: string; ok: boolean }[] = [];
    for (const f of files) {
      const fd = new FormData();
      fd.set('file', f);
      try {
        const r = await addPhoto(productionId, incidentId, fd);
        out.push(r.ok ? { text: `${f.name || 'Photo'}: added.`, ok: true } : { text: `${f.name || 'Photo'}: ${r.message}`, ok: false });
      } catch {
        out.push({ text: `${f.name || 'Photo'}: could not reach SetSafe.`, ok: false });
      }
    }
    setFiles([]);
    setResults(out);
    setBusy(false);
    router.refresh();
  }
  return (
    <div className="mt-4 flex flex-col gap-3 border-t border-line pt-4">
      <p className="font-semibold">Add photos</p>
      <PhotoPicker files={files} onChange={setFiles} disabled={busy} />
      {files.length ? (
        <Button type="button" onClick={upload} disabled={busy} className="self-start">
          {busy ? 'Adding…' : `Add ${files.length} photo${files.length === 1 ? '' : 's'}`}
        </Button>
      ) : null}
      <div aria-live="polite">
        {results.map((r) => (
          <p key={r.text} className={r.ok ? 'text-sm text-ok' : 'text-sm font-semibold text-hold'}>
            {r.ok ? '✓ ' : '⚠ '}
            {r.text}
          </p>
        ))}
      </div>
    </div>
  );
}
