import Link from 'next/link';
import { LABELS } from '@/app/lib/enums';
import { formatInZone } from '@/app/lib/time';
import type { CheckView } from '@/db/queries/checks';
import { CheckResultBadge, ConfirmedBadge } from './badges';

/** Checks as a stacked list (phone first); the witness line says who still has to confirm. */
export function CheckList({ checks, productionId, timeZone, me }: { checks: CheckView[]; productionId: string; timeZone: string; me: string }) {
  return (
    <ul className="divide-y divide-line">
      {checks.map((c) => {
        const confirmed = c.witnesses.filter((w) => w.confirmedAt).length;
        const mine = c.witnesses.find((w) => w.userId === me);
        return (
          <li key={c.id} id={`check-${c.id}`} className="flex scroll-mt-4 flex-col gap-1 py-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Link href={`/productions/${productionId}/checks/${c.id}`} className="inline-flex min-h-11 items-center text-lg font-bold text-brand underline-offset-2 hover:underline">
                {c.firearm.tag} · {LABELS.checkPhase[c.phase].toLowerCase()} · {c.scene}
              </Link>
              <CheckResultBadge result={c.result} />
            </div>
            <p className="text-sm text-muted">
              {c.firearm.make} {c.firearm.model} · by {c.performedBy}, {formatInZone(c.performedAt, timeZone)}
            </p>
            {c.witnesses.length ? (
              <p className="flex flex-wrap items-center gap-2 text-sm">
                Witnesses: {confirmed} of {c.witnesses.length} confirmed
                {mine ? <ConfirmedBadge confirmed={Boolean(mine.confirmedAt)} declined={Boolean(mine.declinedAt)} /> : null}
              </p>
            ) : (
              <p className="text-sm text-muted">No witness named.</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
