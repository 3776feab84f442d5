import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { LABELS } from '@/app/lib/enums';
import { allowed, can } from '@/app/lib/policy';
import { localDate } from '@/app/lib/time';
import { isCalendarDate } from '@/app/lib/schemas/firearms';
import { liveAmmoIncidentPath } from '@/app/lib/firearms/ammunition';
import { listAmmoLotSummaries, reconciliationForDay } from '@/db/queries/ammunition';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/form/field';
import { AmmoLotForm } from '@/components/firearms/ammo-lot-form';
import { AmmoChainHelp, LotStatusBadge, verificationLine } from '@/components/firearms/ammo-lot-parts';
import { FirearmsTabs } from '@/components/firearms/firearms-tabs';
import { ReconciliationFigures } from '@/components/firearms/reconciliation';
import { RuleRef } from '@/components/ui/rule-ref';

export const metadata: Metadata = { title: 'Ammunition' };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.slice(0, 20) : '');

export default async function AmmunitionPage({ params, searchParams }: { params: Promise<{ productionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { productionId } = await params;
  const sp = await searchParams;
  const actor = await requireMember(productionId);
  if (!can(actor.role, 'firearm.view')) forbidden();
  const tz = actor.production.timeZone;
  const today = localDate(new Date(), tz);
  const day = isCalendarDate(one(sp.day)) && one(sp.day) <= today ? one(sp.day) : today;
  const lots = listAmmoLotSummaries(actor);
  const daily = reconciliationForDay(actor, day);
  const manage = allowed(actor, 'ammo.receive');
  const liveHref = liveAmmoIncidentPath(productionId);
  const base = `/productions/${productionId}/ammunition`;
  const inStore = lots.filter((l) => l.lot.status === 'in_store');
  const total = (k: 'dummy' | 'blank') => inStore.filter((l) => l.lot.kind === k).reduce((n, l) => n + l.lot.countOnHand, 0);
  const frozen = lots.filter((l) => l.lot.status === 'frozen');
  const awaitingAck = lots.filter((l) => l.lot.status === 'returned' && !l.lot.vendorAckAt);

  return (
    <>
      <FirearmsTabs actor={actor} />
      <PageHeader title="Ammunition" subtitle={`Dummies and blanks in the store: ${total('dummy')} dummy, ${total('blank')} blank rounds.`} />
      <div role="note" className="mb-4 rounded-xl border-2 border-hold bg-hold-soft p-4">
        <p className="font-bold text-hold">
          <span aria-hidden="true">▲ </span>Live ammunition is never inventory.
        </p>
        <p className="mt-1">
          Found a live round? Stop and file a report: it is critical and puts the production on a stop-work hold (<RuleRef n={1} />). The armorer then freezes the lot it was in.{' '}
          <Link href={liveHref} className="inline-flex min-h-11 items-center font-bold text-hold underline">
            File a “Live ammunition found” incident
          </Link>
        </p>
      </div>
      {frozen.length ? (
        <p className="mb-4 rounded-lg border border-hold/50 bg-hold-soft p-3 font-semibold text-hold" data-testid="frozen-lots">
          <span aria-hidden="true">■ </span>
          Frozen as evidence, nothing in {frozen.length === 1 ? 'it' : 'them'} can be issued: {frozen.map((l) => `lot ${l.lot.lotNumber}`).join(', ')}.
        </p>
      ) : null}
      {awaitingAck.length && allowed(actor, 'ammo.acknowledgeReturn') ? (
        <p className="mb-4 rounded-lg border border-medium/50 bg-warn-soft p-3 font-semibold text-medium">
          <span aria-hidden="true">⚠ </span>
          Returned to the vendor, waiting for a producer’s acknowledgement: {awaitingAck.map((l) => `lot ${l.lot.lotNumber}`).join(', ')}.
        </p>
      ) : null}
      <AmmoChainHelp />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <Card aria-labelledby="lots-h" className="self-start">
            <CardTitle id="lots-h">Lots ({lots.length})</CardTitle>
            {lots.length === 0 ? (
              <EmptyState>No lots recorded yet.</EmptyState>
            ) : (
              <ul className="divide-y divide-line">
                {lots.map(({ lot, receivedBy, roundsOut, drift, missing, incidentNumber }) => (
                  <li key={lot.id} className="flex flex-col gap-1 py-3">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <p className="flex flex-wrap items-center gap-2 text-lg font-semibold">
                        <Badge tone={lot.kind === 'blank' ? 'warn' : 'neutral'}>{LABELS.ammoKind[lot.kind]}</Badge>
                        {lot.calibre}
                        <LotStatusBadge status={lot.status} />
                      </p>
                      <p>
                        <span className="text-2xl font-bold">{lot.countOnHand}</span> <span className="text-muted">on hand</span>
                      </p>
                    </div>
                    <p className="break-words">
                      Lot <strong>{lot.lotNumber}</strong> from {lot.supplier}
                      {lot.paperworkRef ? `, delivery note ${lot.paperworkRef}` : ''}, received {lot.receivedOn} by {receivedBy}: {lot.countReceived} rounds
                    </p>
                    {lot.kind === 'dummy' ? <p className="text-sm break-words text-muted">{verificationLine(lot)}</p> : null}
                    {roundsOut ? <p className="text-sm">{roundsOut} out with weapons now.</p> : null}
                    {missing ? (
                      <p className="text-sm font-semibold text-hold">
                        <span aria-hidden="true">▲ </span>
                        {missing} {missing === 1 ? 'round' : 'rounds'} not accounted for at a return.
                      </p>
                    ) : null}
                    {drift ? (
                      <p className="text-sm font-semibold text-hold">
                        <span aria-hidden="true">▲ </span>The ledger and the count differ by {drift}.
                      </p>
                    ) : null}
                    {incidentNumber ? <p className="text-sm font-semibold text-hold">Live round found: report #{incidentNumber}.</p> : null}
                    <p>
                      <Link href={`${base}/${lot.id}`} className="link inline-flex min-h-11 items-center">
                        Lot {lot.lotNumber}: ledger and chain
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card aria-labelledby="recon-h" className="self-start">
            <CardTitle id="recon-h">Reconciliation for {day}</CardTitle>
            <form method="get" className="mb-3 flex flex-wrap items-end gap-2">
              <label className="flex flex-col gap-1">
                <span className="font-semibold">Day</span>
                <Input type="date" name="day" defaultValue={day} max={today} />
              </label>
              <Button type="submit" variant="secondary">
                Show
              </Button>
            </form>
            <p className="mb-3 text-sm text-muted">Per lot, on the production’s calendar day ({tz}): what each lot opened with, what moved, and what is on hand.</p>
            {daily.length === 0 ? (
              <EmptyState>No lot held rounds on {day}.</EmptyState>
            ) : (
              <ul className="flex flex-col gap-4">
                {daily.map((row) => (
                  <li key={row.lot.id} aria-label={`Lot ${row.lot.lotNumber}`} data-testid="reconciliation-row">
                    <p className="mb-1 flex flex-wrap items-center gap-2 font-semibold">
                      Lot {row.lot.lotNumber} · {LABELS.ammoKind[row.lot.kind]} {row.lot.calibre}
                      <LotStatusBadge status={row.lot.status} />
                    </p>
                    <ReconciliationFigures day={row.day} onHand={row.onHand} drift={row.drift} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        {manage ? (
          <Card aria-labelledby="receive-h" className="self-start">
            <CardTitle id="receive-h">Receive a lot</CardTitle>
            <p className="mb-3 text-sm text-muted">One lot at a time from the vendor’s delivery; the vendor and the paperwork stay filled in for the next lot.</p>
            <AmmoLotForm productionId={productionId} today={today} liveIncidentHref={liveHref} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
