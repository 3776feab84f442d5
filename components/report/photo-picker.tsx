'use client';

import { useState } from 'react';
import { MAX_PHOTO_BYTES, PHOTO_ACCEPT, PHOTO_RULES, PHOTO_TYPES } from '@/app/lib/schemas/photos';
import { buttonClass } from '@/components/ui/button';

/** A first, friendly check in the browser; the server checks the content again and decides. */
export function photoProblem(f: File): string | null {
  if (/hei[cf]/i.test(f.type) || /\.hei[cf]$/i.test(f.name)) return `${f.name}: HEIC photos cannot be added. Use “Take a photo” here (it sends a JPEG) or choose a JPEG, PNG or WebP.`;
  if (f.type && !(PHOTO_TYPES as readonly string[]).includes(f.type)) return `${f.name}: only JPEG, PNG or WebP photos can be added.`;
  if (f.size > MAX_PHOTO_BYTES) return `${f.name}: larger than 10 MB.`;
  if (f.size === 0) return `${f.name}: the file is empty.`;
  return null;
}

/**
 * Two ways in: the phone's camera (capture) or a photo already taken. The inputs are hidden behind
 * their labels, which are the 44 px buttons.
 */
export function PhotoPicker({ files, onChange, disabled, max = 6 }: { files: File[]; onChange: (files: File[]) => void; disabled?: boolean; max?: number }) {
  const [problems, setProblems] = useState<string[]>([]);

  function add(list: FileList | null) {
    if (!list) return;
    const next = [...files];
    const bad: string[] = [];
    for (const f of Array.from(list)) {
      const p = photoProblem(f);
      if (p) bad.push(p);
      else if (next.length >= max) bad.push(`${f.name}: at most ${max} photos at a time.`);
      else next.push(f);
    }
    setProblems(bad);
    onChange(next);
  }

  const label = (extra: string) => buttonClass('secondary', `cursor-pointer has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand ${extra}`);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <label className={label('flex-1 whitespace-nowrap sm:flex-none')} aria-disabled={disabled}>
          <CameraIcon /> Take a photo
          <input
            type="file"
            accept={PHOTO_ACCEPT}
            capture="environment"
            className="sr-only"
            disabled={disabled}
            onChange={(e) => {
              add(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <label className={label('flex-1 whitespace-nowrap sm:flex-none')} aria-disabled={disabled}>
          <ImageIcon /> Choose photos
          <input
            type="file"
            accept={PHOTO_ACCEPT}
            multiple
            className="sr-only"
            disabled={disabled}
            onChange={(e) => {
              add(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      <p className="text-sm text-muted">{PHOTO_RULES}</p>
      <div aria-live="polite">
        {problems.map((p) => (
          <p key={p} className="text-sm font-semibold text-hold">
            ⚠ {p}
          </p>
        ))}
      </div>
      {files.length ? (
        <ul className="divide-y divide-line rounded-lg border border-line bg-surface" aria-label="Photos to send">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} className="flex items-center justify-between gap-2 px-3 py-1">
              <span className="min-w-0 truncate">{f.name || `Photo ${i + 1}`}</span>
              <span className="shrink-0 text-sm text-muted">{(f.size / 1024 / 1024).toFixed(1)} MB</span>
              <button
                type="button"
                className="min-h-11 shrink-0 rounded-lg px-3 font-semibold text-hold hover:bg-hold-soft"
                disabled={disabled}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
                aria-label={`Remove ${f.name || `photo ${i + 1}`}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const icon = { width: 20, height: 20, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;
function CameraIcon() {
  return (
    <svg {...icon}>
      <path d="M4 8h3l2-3h6l2 3h3v11H4z" />
      <circle cx="12" cy="13" r="3.5" />
    </svg>
  );
}
function ImageIcon() {
  return (
    <svg {...icon}>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <circle cx="9" cy="10" r="2" />
      <path d="m21 17-5-5-9 8" />
    </svg>
  );
}
