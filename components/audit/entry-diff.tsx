import { formatValue, type EntryDiff } from '@/app/lib/audit-diff';

/**
 * Before/after as a field-by-field difference, in words ("from … to …"), so nothing depends on
 * red/green colouring. Personal injury fields a viewer may not see are already gone; we say so.
 */
export function EntryDiffView({ diff, timeZone }: { diff: EntryDiff; timeZone: string }) {
  if (diff.changes.length === 0 && diff.hidden === 0) return <p className="text-sm text-muted">No field values recorded.</p>;
  return (
    <div className="text-sm">
      {diff.changes.length ? (
        <ul className="flex flex-col gap-1">
          {diff.changes.map((c) => (
            <li key={c.field} className="break-words">
              <span className="font-semibold">{c.label}</span>
              {c.kind === 'added' ? (
                <>
                  {' '}
                  set to <span className="rounded bg-ok-soft px-1">{formatValue(c.after, timeZone)}</span>
                </>
              ) : c.kind === 'removed' ? (
                <>
                  {' '}
                  removed (was <span className="rounded bg-subtle px-1 line-through">{formatValue(c.before, timeZone)}</span>)
                </>
              ) : formatValue(c.before, timeZone) === '—' ? (
                // Nothing before: "set to", never "from — to".
                <>
                  {' '}
                  set to <span className="rounded bg-ok-soft px-1">{formatValue(c.after, timeZone)}</span>
                </>
              ) : formatValue(c.after, timeZone) === '—' ? (
                <>
                  {' '}
                  cleared (was <span className="rounded bg-subtle px-1 line-through">{formatValue(c.before, timeZone)}</span>)
                </>
              ) : (
                <>
                  {' '}
                  from <span className="rounded bg-subtle px-1 line-through">{formatValue(c.before, timeZone)}</span> to{' '}
                  <span className="rounded bg-ok-soft px-1">{formatValue(c.after, timeZone)}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {diff.hidden ? (
        <p className="mt-1 text-muted" data-testid="hidden-personal">
          {diff.hidden} personal injury field{diff.hidden === 1 ? '' : 's'} left out (injury privacy).
        </p>
      ) : null}
    </div>
  );
}
