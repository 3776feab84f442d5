import type { ReactNode } from 'react';

/** The heading block of an OSHA form, as the printed forms set it: form number left, title, then the establishment. */
export function FormHead({ form, title, note, children }: { form: string; title: string; note: string; children?: ReactNode }) {
  return (
    <header className="mb-3 border-b-2 border-ink pb-2">
      <p className="text-sm font-bold uppercase tracking-wide">OSHA’s {form}</p>
      <h1 className="text-xl font-bold sm:text-2xl">{title}</h1>
      <p className="text-xs text-muted print:text-black">{note}</p>
      {children}
    </header>
  );
}
