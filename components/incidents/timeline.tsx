import type { TimelineEntry } from '@/app/lib/incidents/timeline';
import { formatStamp } from '@/app/lib/time';

/** Oldest first, newest last: it reads as the story of the report. */
export function Timeline({ entries, timeZone }: { entries: TimelineEntry[]; timeZone: string }) {
  return (
    <ol className="relative ml-2 border-l-2 border-line" data-testid="timeline">
      {entries.map((e) => (
        <li key={e.id} className="relative pb-4 pl-5 last:pb-0">
          <span aria-hidden="true" className="absolute top-1.5 -left-[7px] size-3 rounded-full border-2 border-surface bg-brand" />
          <p className="text-sm text-muted">
            <time dateTime={e.at.toISOString()}>{formatStamp(e.at, timeZone)}</time> · {e.who}
          </p>
          <p className="font-semibold break-words">{e.what}</p>
          {e.details.length ? (
            <ul className="mt-0.5 text-sm break-words text-ink/80">
              {e.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
