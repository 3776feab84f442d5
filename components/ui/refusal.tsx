import type { ReactNode } from 'react';

/** Shown instead of a form the role may not use; the server refuses the action too. */
export function Refusal({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section role="status" data-testid="refused" className="rounded-xl border border-line bg-surface p-5">
      <h1 className="text-xl font-bold">{title}</h1>
      <div className="mt-2 text-muted">{children}</div>
    </section>
  );
}
