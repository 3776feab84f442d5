/** `narrow`: the word mark shows from 420 px up, so the signed-in header stays one row on a phone. */
export function Logo({ compact = false, narrow = false }: { compact?: boolean; narrow?: boolean }) {
  return (
    <span className="inline-flex items-center gap-2 font-bold text-brand">
      <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32">
        <path d="M16 2 4 7v8c0 7.5 5.1 13.2 12 15 6.9-1.8 12-7.5 12-15V7L16 2z" fill="currentColor" />
        <path d="m10.5 16.5 4 4 7-8" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {compact ? null : <span className={narrow ? 'hidden text-xl tracking-tight min-[420px]:inline' : 'text-xl tracking-tight'}>SetSafe</span>}
    </span>
  );
}
