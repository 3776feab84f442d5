import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { LABELS } from '@/app/lib/enums';
import { allowed, can } from '@/app/lib/policy';
import { formatInZone, localDate } from '@/app/lib/time';
import { liveAmmoIncidentPath } from '@/app/lib/firearms/ammunition';
import { listAmmoLots } from '@/db/queries/firearms';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { AmmoLotForm } from '@/components/firearms/ammo-lot-form';
import { FirearmsTabs } from '@/components/firearms/firearms-tabs';
import { RuleRef } from '@/components/ui/rule-ref';

export const metadata: Metadata = { title: 'Ammunition' };

export default async function AmmunitionPage({ params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  if (!can(actor.role, 'firearm.view')) forbidden();
  const tz = actor.production.timeZone;
  const lots = listAmmoLots(actor);
  const manage = allowed(actor, 'firearm.manage');
  const liveHref = liveAmmoIncidentPath(productionId);
  const total = (k: 'dummy' | 'blank') => lots.filter((l) => l.lot.kind === k).reduce((n, l) => n + l.lot.countOnHand, 0);

  return (
    <>
      <FirearmsTabs actor={actor} />
      <PageHeader title="Ammunition" subtitle={`Dummies and blanks on hand: ${total('dummy')} dummy, ${total('blank')} blank rounds.`} />
      <div role="note" className="mb-4 rounded-xl border-2 border-hold bg-hold-soft p-4">
        <p className="font-bold text-hold">
          <span aria-hidden="true">▲ </span>Live ammunition is never inventory.
        </p>
        <p className="mt-1">
          Found a live round? Stop and file a report: it is critical and puts the production on a stop-work hold (<RuleRef n={1} />).{' '}
          <Link href={liveHref} className="inline-flex min-h-11 items-center font-bold text-hold underline">
            File a “Live ammunition found” incident
          </Link>
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <Card aria-labelledby="lots-h" className="self-start">
          <CardTitle id="lots-h">Lots ({lots.length})</CardTitle>
          {lots.length === 0 ? (
            <EmptyState>No lots recorded yet.</EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {lots.map(({ lot, inspectedBy }) => (
                <li key={lot.id} className="flex flex-col gap-1 py-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <p className="flex flex-wrap items-center gap-2 text-lg font-semibold">
                      <Badge tone={lot.kind === 'blank' ? 'warn' : 'neutral'}>{LABELS.ammoKind[lot.kind]}</Badge>
                      {lot.calibre}
                    </p>
                    <p>
                      <span className="text-2xl font-bold">{lot.countOnHand}</span> <span className="text-muted">on hand</span>
                    </p>
                  </div>
                  <p className="break-words">
                    Lot <strong>{lot.lotNumber}</strong> from {lot.supplier}, received {lot.receivedOn}
                  </p>
                  <p className="text-sm break-words text-muted">
                    Inspected on arrival by {inspectedBy}, {formatInZone(lot.inspectedAt, tz)}
                    {lot.inspectionNotes ? `: ${lot.inspectionNotes}` : '.'}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {manage ? (
          <Card aria-labelledby="receive-h" className="self-start">
            <CardTitle id="receive-h">Receive a lot</CardTitle>
            <AmmoLotForm productionId={productionId} today={localDate(new Date(), tz)} liveIncidentHref={liveHref} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
