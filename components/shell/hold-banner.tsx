import Link from 'next/link';
import type { Hold } from '@/db/schema';
import { formatStamp } from '@/app/lib/time';

/** Impossible to miss: on every page of a production while a stop-work hold stands. */
export function HoldBanner({
  hold,
  calledByName,
  timeZone,
  productionId,
}: {
  hold: Hold;
  calledByName: string;
  timeZone: string;
  productionId: string;
}) {
  // A hold from an anonymous report keeps the day only (stored as UTC midnight): show it as a date.
  const calledOn = formatStamp(hold.calledAt, timeZone, hold.calledById === null && hold.source === 'rule1');
  return (
    <div role="alert" className="border-b-4 border-red-950 bg-hold text-white" data-testid="hold-banner">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
        <p className="text-lg font-extrabold uppercase tracking-wide">
          <span aria-hidden="true">■ </span>Stop-work hold
        </p>
        <p className="min-w-0 flex-1 basis-72 break-words">
          Called by <strong>{calledByName}</strong> on {calledOn}: {hold.reason}. No weapon is handed
          out until a producer lifts it in writing.
        </p>
        <Link href={`/productions/${productionId}/hold`} className="min-h-11 rounded-lg bg-white px-3 py-2 font-bold text-hold underline-offset-2 hover:underline">
          Hold details
        </Link>
      </div>
    </div>
  );
}
