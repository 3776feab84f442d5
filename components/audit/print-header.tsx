// The head of a printable report: the screen-only actions (print, downloads, a way back), the
// production's name and the report's title. Shared by the incident report and the firearms report
// so both print the same way (ARCHITECTURE.md: Reads). Server-rendered: only PrintButton runs on the client.
import type { ReactNode } from 'react';
import { PrintButton } from './print-button';

export function PrintHeader({ production, title, actions, children }: { production: { title: string; company: string }; title: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <>
      <div className="no-print mb-4 flex flex-wrap gap-2">
        <PrintButton />
        {actions}
      </div>
      <header className="border-b-4 border-ink pb-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">
          {production.title} · {production.company}
        </p>
        <h1 id="report-h" className="text-2xl font-bold sm:text-3xl">
          {title}
        </h1>
        {children}
      </header>
    </>
  );
}
