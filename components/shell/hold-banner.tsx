import Link from 'next/link';
import type { Hold } from '@/db/schema';
import { formatStamp } from '@/app/lib/time';
import { MarkHoldSeen } from './hold-seen';

export { HOLD_SEEN_COOKIE } from './hold-seen-cookie';

/** The reason as a clause of the banner's sentence: its own closing full stop would double the sentence's. */
export const asClause = (reason: string) => reason.trim().replace(/[.。]+$/, '');

/**
 * Impossible to miss: on every page of a production while a stop-work hold stands. The first
 * page shows it in full; after that (on this device) it is one red line with the same link, so it
 * does not take a third of a phone's screen on every page.
 */
export function HoldBanner({
  hold,
  calledByName,
  timeZone,
  productionId,
  compact = false,
}: {
  hold: Hold;
  calledByName: string;
  timeZone: string;
  productionId: string;
  compact?: boolean;
}) {
  // A hold from an anonymous report keeps the day only (the start of its local day): show it as a date.
  const calledOn = formatStamp(hold.calledAt, timeZone, hold.calledById === null && hold.source === 'rule1');
  const details = (
    <Link href={`/productions/${productionId}/hold`} className="inline-flex min-h-11 shrink-0 items-center rounded-lg bg-white px-3 font-bold text-hold-solid underline-offset-2 hover:underline">
      Hold details
    </Link>
  );
  if (compact) {
    return (
      <div role="alert" className="border-b-4 border-red-950 bg-hold-solid text-white" data-testid="hold-banner" data-compact="true">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-1.5">
          <p className="min-w-0 flex-1 truncate">
            <strong className="font-extrabold uppercase tracking-wide">
              <span aria-hidden="true">■ </span>Stop-work hold
            </strong>
            <span className="sr-only">: </span>
            <span className="hidden sm:inline"> · </span>
            <span className="max-sm:sr-only">{asClause(hold.reason)}. No weapon is handed out.</span>
          </p>
          {details}
        </div>
      </div>
    );
  }
  return (
    <div role="alert" className="border-b-4 border-red-950 bg-hold-solid text-white" data-testid="hold-banner">
      <MarkHoldSeen holdId={hold.id} />
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
        <p className="text-lg font-extrabold uppercase tracking-wide">
          <span aria-hidden="true">■ </span>Stop-work hold
        </p>
        <p className="min-w-0 flex-1 basis-72 break-words">
          Called by <strong>{calledByName}</strong> on {calledOn}: {asClause(hold.reason)}. No weapon is handed out until a producer lifts it
          in writing.
        </p>
        {details}
      </div>
    </div>
  );
}
