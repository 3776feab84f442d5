import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { LABELS } from '@/app/lib/enums';
import { allowed, can } from '@/app/lib/policy';
import { formatInZone, toLocalDateTime } from '@/app/lib/time';
import { vendorReturnProblem } from '@/app/lib/rules';
import { getAmmoLot, listUnlinkedLiveReports } from '@/db/queries/ammunition';
import { Card, CardTitle, EmptyState, Facts, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { FirearmsTabs } from '@/components/firearms/firearms-tabs';
import { LotStatusBadge, verificationLine } from '@/components/firearms/ammo-lot-parts';
import { ReconciliationFigures } from '@/components/firearms/reconciliation';
import { AcknowledgeReturnButton, AdjustCountForm, EvidenceTransferForm, FreezeLotForm, VendorReturnForm } from '@/components/firearms/ammo-chain-forms';
import { AttachmentsPanel } from '@/components/incidents/attachments-panel';
import { RuleRef } from '@/components/ui/rule-ref';

export const metadata: Metadata = { title: 'Ammunition lot' };

export default async function AmmoLotPage({ params }: { params: Promise<{ productionId: string; lotId: string }> }) {
  const { productionId, lotId } = await params;
  const actor = await requireMember(productionId);
  if (!can(actor.role, 'firearm.view')) forbidden();
  const view = getAmmoLot(actor, lotId.slice(0, 100));
  if (!view) notFound();
  const { lot, names, ledger, reconciliation, transfers, incident, roundsOut, recall, underFreeze } = view;
  const tz = actor.production.timeZone;
  const base = `/productions/${productionId}`;
  const name = (id: string | null) => (id ? (names.get(id) ?? '—') : '—');
  const inStore = lot.status === 'in_store';
  const frozen = lot.status === 'frozen';
  const returned = lot.status === 'returned';
  const mayReceive = allowed(actor, 'ammo.receive');
  const mayEvidence = allowed(actor, 'ammo.evidence');
  const mayReturn = allowed(actor, 'ammo.vendorReturn');
  const mayAck = allowed(actor, 'ammo.acknowledgeReturn');
  const reports = mayEvidence && inStore ? listUnlinkedLiveReports(actor).map((r) => ({ id: r.id, number: r.number, summary: r.description.slice(0, 60) })) : [];
  const returnProblem = vendorReturnProblem(lot, roundsOut, lot.countOnHand);
  const liveGone = transfers.filter((t) => t.fromStore).reduce((n, t) => n + t.liveRounds, 0);
  const now = toLocalDateTime(new Date(), tz);

  return (
    <>
      <FirearmsTabs actor={actor} />
      <p className="mb-2">
        <Link href={`${base}/ammunition`} className="inline-flex min-h-11 items-center text-brand underline underline-offset-2">
          ← All ammunition
        </Link>
      </p>
      <PageHeader
        title={`Lot ${lot.lotNumber}`}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            {LABELS.ammoKind[lot.kind]} {lot.calibre} from {lot.supplier} <LotStatusBadge status={lot.status} />
          </span>
        }
      />
      {frozen ? (
        <div role="note" className="mb-4 rounded-xl border-2 border-hold bg-hold-soft p-4" data-testid="lot-frozen">
          <p className="font-bold text-hold">
            <span aria-hidden="true">■ </span>Frozen as evidence: nothing in this lot can be issued (<RuleRef n={1} />).
          </p>
          <p className="mt-1">
            {lot.liveRoundsFound} live {lot.liveRoundsFound === 1 ? 'round' : 'rounds'} found; {lot.countedAtFreeze} other rounds counted when frozen by {name(lot.frozenById)},{' '}
            {lot.frozenAt ? formatInZone(lot.frozenAt, tz) : ''}.
            {incident ? (
              <>
                {' '}
                <Link href={`${base}/incidents/${incident.id}`} className="inline-flex min-h-11 items-center font-bold text-hold underline">
                  Report #{incident.number}
                </Link>
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      {returned ? (
        <div className="mb-4 rounded-xl border border-line bg-surface p-4" data-testid="lot-returned">
          <p className="font-semibold">
            Returned to {lot.supplier} {lot.vendorReturnedAt ? formatInZone(lot.vendorReturnedAt, tz) : ''}: {lot.vendorReturnCount} rounds to {lot.vendorReceiver}, reference{' '}
            {lot.vendorReference}. Signed by {name(lot.vendorReturnedById)} (armorer). The lot is closed: nothing in it can be issued.
          </p>
          {lot.vendorAckAt ? (
            <p className="mt-1">
              <Badge tone="ok">
                <span aria-hidden="true">✓</span>Acknowledged
              </Badge>{' '}
              by {name(lot.vendorAckById)} (producer), {formatInZone(lot.vendorAckAt, tz)}.
            </p>
          ) : (
            <div className="mt-2 flex flex-col gap-2">
              <p className="text-medium">
                <span aria-hidden="true">⚠ </span>Waiting for a producer’s acknowledgement.
              </p>
              {mayAck ? <AcknowledgeReturnButton productionId={productionId} lotId={lot.id} /> : null}
            </div>
          )}
        </div>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="flex min-w-0 flex-col gap-4">
          {frozen ? (
            // Rounds out with weapons when the lot froze are as suspect as the store's (rule 1): each
            // hand-out still carrying them is listed until it is back (ARCHITECTURE.md: ammunition chain, recall).
            <Card aria-labelledby="recall-h" className={recall.length ? 'border-2 border-hold' : undefined}>
              <CardTitle id="recall-h">Recall</CardTitle>
              {recall.length === 0 ? (
                <EmptyState>Nothing of this lot is out with a weapon.</EmptyState>
              ) : (
                <>
                  <p className="mb-3 text-sm">
                    {recall.reduce((n, h) => n + h.rounds, 0)} rounds of this lot are still out. Bring each weapon back: its rounds go into this frozen lot as evidence and can never be issued again.
                  </p>
                  <ul className="divide-y divide-line" data-testid="recall-list">
                    {recall.map((h) => (
                      <li key={h.handoffId} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between sm:gap-3">
                        <span className="min-w-0 break-words">
                          <strong>{h.weapon}</strong>, with {h.holder}: {h.rounds} {h.rounds === 1 ? 'round' : 'rounds'} since {h.since}
                        </span>
                        {allowed(actor, 'check.record') ? (
                          <Link href={`${base}/custody?return=${h.handoffId}#return`} className="link inline-flex min-h-11 shrink-0 items-center">
                            Record the return
                          </Link>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </Card>
          ) : null}
          <Card aria-labelledby="receipt-h">
            <CardTitle id="receipt-h">Received</CardTitle>
            <Facts
              items={[
                { term: 'Delivery note or invoice', value: lot.paperworkRef || '—' },
                { term: 'Received', value: `${lot.receivedOn}, by ${name(lot.inspectedById)} (inspected ${formatInZone(lot.inspectedAt, tz)})` },
                { term: 'Rounds received', value: lot.countReceived },
                ...(lot.kind === 'dummy' ? [{ term: 'Verification', value: verificationLine(lot) }] : []),
                ...(lot.inspectionNotes ? [{ term: 'Inspection notes', value: lot.inspectionNotes }] : []),
                { term: 'On hand', value: <strong className="text-xl">{lot.countOnHand}</strong> },
                { term: 'Out with weapons', value: roundsOut },
              ]}
            />
          </Card>

          <Card aria-labelledby="daily-h">
            <CardTitle id="daily-h">Daily reconciliation</CardTitle>
            <p className="mb-3 text-sm text-muted">By the production’s calendar day ({tz}).</p>
            {reconciliation.days.length === 0 ? (
              <EmptyState>No movement yet.</EmptyState>
            ) : (
              <ul className="flex flex-col gap-4">
                {[...reconciliation.days].reverse().map((d) => (
                  <li key={d.day} aria-label={d.day} data-testid="lot-day">
                    <p className="mb-1 font-semibold">{d.day}</p>
                    <ReconciliationFigures day={d} onHand={d.closing} drift={d === reconciliation.days.at(-1) ? reconciliation.drift : 0} />
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card aria-labelledby="ledger-h">
            <CardTitle id="ledger-h">Ledger ({ledger.length})</CardTitle>
            <ol className="divide-y divide-line">
              {ledger.map((m) => (
                <li key={m.id} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-baseline sm:gap-3">
                  <span className="shrink-0 text-sm text-muted sm:w-44">{formatInZone(m.at, tz)}</span>
                  <span className="font-semibold">
                    {underFreeze.has(m.id) ? 'Returned under freeze' : LABELS.ammoMovement[m.kind]} {m.rounds}
                    {m.delta !== 0 ? <span className="font-normal text-muted"> ({m.delta > 0 ? '+' : ''}{m.delta} on hand)</span> : <span className="font-normal text-muted"> (on hand unchanged)</span>}
                  </span>
                  <span className="min-w-0 text-sm break-words">
                    {name(m.byId)}
                    {m.reason ? ` · ${m.reason}` : ''}
                    {m.handoffId ? (
                      <>
                        {' · '}
                        <Link href={`${base}/custody`} className="text-brand underline underline-offset-2">
                          hand-off
                        </Link>
                      </>
                    ) : null}
                  </span>
                </li>
              ))}
            </ol>
          </Card>

          {frozen || transfers.length ? (
            <Card aria-labelledby="chain-h">
              <CardTitle id="chain-h">Chain of custody to the authorities</CardTitle>
              {transfers.length === 0 ? (
                <EmptyState>No transfer recorded yet.</EmptyState>
              ) : (
                <ol className="ml-5 flex list-decimal flex-col gap-3" data-testid="evidence-chain">
                  {transfers.map((t) => (
                    <li key={t.id} className="break-words">
                      <p className="font-semibold">
                        {t.fromName}
                        {t.fromAgency ? ` (${t.fromAgency})` : ''} → {t.toName}, {t.toAgency}, badge/ID {t.toBadge}
                      </p>
                      <p className="text-sm">
                        {formatInZone(t.transferredAt, tz)} · {t.rounds} rounds of the lot, {t.liveRounds} live · seal {t.sealNumber}
                        {t.fromStore ? ' · left the production’s store' : ''}
                      </p>
                      <p className="text-sm text-muted">Recorded by {name(t.recordedById)}, {formatInZone(t.recordedAt, tz)}</p>
                    </li>
                  ))}
                </ol>
              )}
            </Card>
          ) : null}
          {incident ? <AttachmentsPanel actor={actor} incidentId={incident.id} /> : null}
        </div>

        <div className="flex min-w-0 flex-col gap-4">
          {frozen && mayEvidence ? (
            <Card aria-labelledby="transfer-h" className="self-start">
              <CardTitle id="transfer-h">Record a transfer</CardTitle>
              <EvidenceTransferForm
                // A new transfer starts from where the chain now ends: remount with its defaults.
                key={transfers.length}
                productionId={productionId}
                lotId={lot.id}
                now={now}
                defaults={
                  transfers.length === 0
                    ? { fromStore: true, fromName: actor.name, fromAgency: '', rounds: lot.countOnHand, liveRounds: Math.max(0, (lot.liveRoundsFound ?? 0) - liveGone), sealNumber: '' }
                    : { fromStore: false, fromName: transfers.at(-1)!.toName, fromAgency: transfers.at(-1)!.toAgency, rounds: transfers.at(-1)!.rounds, liveRounds: transfers.at(-1)!.liveRounds, sealNumber: transfers.at(-1)!.sealNumber }
                }
              />
            </Card>
          ) : null}
          {inStore && mayEvidence ? (
            <Card aria-labelledby="freeze-h" className="self-start border-2 border-hold">
              <CardTitle id="freeze-h">A live round found in this lot</CardTitle>
              <p className="mb-3 text-sm">Freezing the lot stops every hand-out from it at once. Count what is left, and keep the lot sealed for the authorities.</p>
              <FreezeLotForm productionId={productionId} lotId={lot.id} onHand={lot.countOnHand} reports={reports} />
            </Card>
          ) : null}
          {!returned && mayReceive ? (
            <Card aria-labelledby="adjust-h" className="self-start">
              <CardTitle id="adjust-h">Count differs from the ledger</CardTitle>
              <AdjustCountForm key={lot.countOnHand} productionId={productionId} lotId={lot.id} onHand={lot.countOnHand} />
            </Card>
          ) : null}
          {inStore && mayReturn ? (
            <Card aria-labelledby="vendor-h" className="self-start">
              <CardTitle id="vendor-h">Return to the vendor at wrap</CardTitle>
              <VendorReturnForm productionId={productionId} lotId={lot.id} onHand={lot.countOnHand} supplier={lot.supplier} blockedBy={returnProblem && !returnProblem.field ? returnProblem.message : null} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
