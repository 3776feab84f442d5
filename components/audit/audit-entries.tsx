import Link from 'next/link';
import type { AuditEntryView } from '@/db/queries/audit';
import { actionLabel } from '@/app/lib/audit-diff';
import { formatStamp, isStoredDayOnly } from '@/app/lib/time';
import { EmptyState } from '@/components/ui/card';
import { EntryDiffView } from './entry-diff';

const short = (h: string) => `${h.slice(0, 10)}…`;

function Record({ e, productionId }: { e: AuditEntryView; productionId: string }) {
  // A name where the trail knows one ("Firearm DC-02"); otherwise the id's first characters.
  const id = e.entityName ? <span>{e.entityName}</span> : <span className="font-mono text-sm">{e.entityId.slice(0, 8)}</span>;
  const kind = e.entity.replace(/_/g, ' ');
  return (
    <span>
      {kind.charAt(0).toUpperCase() + kind.slice(1)}{' '}
      {e.entity === 'incident' ? (
        <Link className="text-brand underline underline-offset-2" href={`/productions/${productionId}/incidents/${e.entityId}`}>
          {id}
        </Link>
      ) : (
        id
      )}
    </span>
  );
}

/**
 * The trail: a table from md up, stacked cards on a phone (the same entries, one rendering hidden
 * by CSS so no horizontal scroll at 375px).
 */
export function AuditEntries({ entries, timeZone, productionId }: { entries: AuditEntryView[]; timeZone: string; productionId: string }) {
  if (entries.length === 0) return <EmptyState>No entries match these filters.</EmptyState>;
  return (
    <>
      <table className="hidden w-full table-fixed border-collapse text-left md:table" data-testid="audit-table">
        <caption className="sr-only">Audit entries, newest first</caption>
        <thead>
          <tr className="border-b-2 border-line text-sm text-muted">
            <th scope="col" className="w-16 py-2 pr-2">#</th>
            <th scope="col" className="w-44 py-2 pr-2">
              When <span className="font-normal">({timeZone})</span>
            </th>
            <th scope="col" className="w-40 py-2 pr-2">Who</th>
            <th scope="col" className="w-52 py-2 pr-2">What</th>
            <th scope="col" className="py-2">Change</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b border-line align-top" data-testid="audit-row">
              <td className="py-2 pr-2 font-mono text-sm">{e.seq}</td>
              <td className="py-2 pr-2 text-sm">{formatStamp(e.at, timeZone, e.actorId === null && isStoredDayOnly(e.at, timeZone))}</td>
              <td className="py-2 pr-2 break-words">{e.actorLabel}</td>
              <td className="py-2 pr-2">
                <p className="font-semibold">{actionLabel(e.action)}</p>
                <p className="text-sm text-muted">
                  <Record e={e} productionId={productionId} />
                </p>
              </td>
              <td className="py-2">
                <EntryDiffView diff={e.diff} timeZone={timeZone} />
                <p className="mt-1 font-mono text-xs text-muted" title={e.hash}>
                  hash {short(e.hash)} · after {short(e.prevHash)}
                </p>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ol className="flex flex-col gap-3 md:hidden" aria-label="Audit entries, newest first">
        {entries.map((e) => (
          <li key={e.id} className="rounded-lg border border-line bg-surface p-3" data-testid="audit-card">
            <p className="flex flex-wrap items-baseline justify-between gap-x-2">
              <span className="font-semibold">{actionLabel(e.action)}</span>
              <span className="font-mono text-sm text-muted">#{e.seq}</span>
            </p>
            <p className="text-sm text-muted">
              {formatStamp(e.at, timeZone, e.actorId === null && isStoredDayOnly(e.at, timeZone))} · {e.actorLabel}
            </p>
            <p className="mb-2 text-sm text-muted">
              <Record e={e} productionId={productionId} />
            </p>
            <EntryDiffView diff={e.diff} timeZone={timeZone} />
            <p className="mt-1 font-mono text-xs break-all text-muted">hash {short(e.hash)}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
