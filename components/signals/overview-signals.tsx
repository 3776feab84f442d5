import Link from 'next/link';
import type { Actor } from '@/app/lib/actor';
import { formatStamp } from '@/app/lib/time';
import { hotlineActive, signalsForOverview } from '@/db/queries/signals';
import { AcknowledgeButton, SignalStateBadge } from './signal-panel';
import { Hotline } from './hotline';

/** Rule 7 on the overview: every critical signal still waiting for a producer, first thing on the page. */
export function OverviewSignals({ actor, now }: { actor: Actor; now: Date }) {
  const waiting = signalsForOverview(actor, now).filter((s) => !s.acknowledgedAt);
  const hotline = hotlineActive(actor, now);
  if (waiting.length === 0 && !hotline) return null;
  const tz = actor.production.timeZone;
  return (
    <section aria-labelledby="signals-waiting-h" className="mb-4 flex flex-col gap-3" data-testid="overview-signals">
      {waiting.length ? (
        <div className="rounded-xl border-2 border-hold bg-surface p-4 shadow-sm sm:p-5">
          <h2 id="signals-waiting-h" className="mb-3 text-lg font-bold text-hold">
            <span aria-hidden="true">▲ </span>
            {waiting.length === 1 ? 'A critical signal is waiting for a producer' : `${waiting.length} critical signals are waiting for a producer`}
          </h2>
          <ul className="divide-y divide-line">
            {waiting.map((s) => (
              <li key={s.id} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between" data-testid="waiting-signal">
                <div className="min-w-0">
                  <Link href={`${s.link}#signal-${s.id}`} className="link inline-flex min-h-11 items-center break-words">
                    {s.title}
                  </Link>
                  <div className="flex flex-wrap items-center gap-2 text-sm text-muted">
                    <SignalStateBadge state={s.state} />
                    <span>Raised {formatStamp(s.raisedAt, tz, s.anonymous)}</span>
                  </div>
                </div>
                {s.canAcknowledge ? <AcknowledgeButton productionId={actor.productionId} signal={s} /> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <h2 id="signals-waiting-h" className="sr-only">Critical signals</h2>
      )}
      {hotline ? <Hotline /> : null}
    </section>
  );
}
