import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { LABELS } from '@/app/lib/enums';
import { allowed, can } from '@/app/lib/policy';
import { formatInZone } from '@/app/lib/time';
import { itemsFor } from '@/app/lib/firearms/checklist';
import { checkUse, getCheck } from '@/db/queries/checks';
import { Card, CardTitle, Facts, PageHeader } from '@/components/ui/card';
import { CheckResultBadge, ConfirmedBadge } from '@/components/firearms/badges';
import { ConfirmButton, DeclineWitnessButton } from '@/components/firearms/confirm-button';
import { FirearmsTabs } from '@/components/firearms/firearms-tabs';

export const metadata: Metadata = { title: 'Check' };

export default async function CheckPage({ params }: { params: Promise<{ productionId: string; checkId: string }> }) {
  const { productionId, checkId } = await params;
  const actor = await requireMember(productionId);
  const c = getCheck(actor, checkId);
  if (c === 'not_found') notFound();
  if (c === 'forbidden') forbidden();
  const tz = actor.production.timeZone;
  const base = `/productions/${productionId}`;
  const viewAll = can(actor.role, 'firearm.view');
  const mine = c.witnesses.find((w) => w.userId === actor.userId);
  const canConfirm = Boolean(mine && !mine.confirmedAt && !mine.declinedAt && allowed(actor, 'check.witness'));
  const use = checkUse(actor, c.id);

  return (
    <>
      <FirearmsTabs actor={actor} />
      <p className="mb-2">
        <Link href={`${base}/checks`} className="inline-flex min-h-11 items-center font-semibold text-brand underline-offset-2 hover:underline">
          ← Checks
        </Link>
      </p>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {LABELS.checkPhase[c.phase]} check of {c.firearm.tag} <CheckResultBadge result={c.result} />
          </span>
        }
        subtitle={`${c.firearm.make} ${c.firearm.model} · ${c.scene}`}
      />
      {mine ? (
        <Card aria-labelledby="you-h" className={`mb-4 max-w-2xl ${canConfirm ? 'border-2 border-medium' : ''}`}>
          <CardTitle id="you-h" action={<ConfirmedBadge confirmed={Boolean(mine.confirmedAt)} declined={Boolean(mine.declinedAt)} />}>
            You are named as a witness
          </CardTitle>
          {canConfirm ? (
            <>
              <p className="mb-3">
                Confirm only if you watched {c.performedBy} check this weapon: the bore, every chamber and each round, with no live round present.
              </p>
              <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
                <ConfirmButton productionId={productionId} what="witness" id={c.id} label="I witnessed this check" />
                <DeclineWitnessButton productionId={productionId} checkId={c.id} />
              </div>
            </>
          ) : mine.declinedAt ? (
            <p>You said you did not see this check ({formatInZone(mine.declinedAt, tz)}). The armorer was told; the weapon cannot be handed out on it.</p>
          ) : mine.confirmedAt ? (
            <p>You confirmed this check on {formatInZone(mine.confirmedAt, tz)}.</p>
          ) : (
            <p className="text-muted">This production is read-only.</p>
          )}
        </Card>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="check-h">
          <CardTitle id="check-h">Check</CardTitle>
          <Facts
            items={[
              {
                term: 'Weapon',
                value: viewAll ? (
                  <Link className="font-semibold text-brand underline" href={`${base}/firearms/${c.firearm.id}`}>
                    {c.firearm.tag} · {c.firearm.make} {c.firearm.model}
                  </Link>
                ) : (
                  `${c.firearm.tag} · ${c.firearm.make} ${c.firearm.model}`
                ),
              },
              { term: 'When', value: `${LABELS.checkPhase[c.phase]}, ${formatInZone(c.performedAt, tz)}` },
              { term: 'Scene or setup', value: c.scene },
              { term: 'Checked by', value: c.performedBy },
              { term: 'Result', value: <CheckResultBadge result={c.result} /> },
              { term: 'Findings', value: c.findings || 'None' },
              ...(use.handedOut ? [{ term: 'Cleared', value: `Hand-off to ${use.handedOut.toName}, ${formatInZone(use.handedOut.handedAt, tz)}` }] : []),
              ...(use.closedReturn
                ? [{ term: 'Closed', value: `Return from ${use.closedReturn.toName}: ${use.closedReturn.roundsFired ? `${use.closedReturn.roundsFired} fired, ` : ''}${use.closedReturn.roundsBack} of ${use.closedReturn.roundsOut} rounds back` }]
                : []),
            ]}
          />
        </Card>
        <div className="flex flex-col gap-4">
          <Card aria-labelledby="list-h">
            <CardTitle id="list-h">Checklist</CardTitle>
            <ul className="flex flex-col gap-1">
              {itemsFor(c.phase).map((i) => {
                const done = c.checklist[i.key] === true;
                return (
                  <li key={i.key} className="flex items-start gap-2">
                    <span aria-hidden="true" className={done ? 'font-bold text-ok' : 'font-bold text-hold'}>
                      {done ? '✓' : '✕'}
                    </span>
                    <span>
                      {i.label}
                      <span className="sr-only">{done ? ': verified' : ': not verified'}</span>
                    </span>
                  </li>
                );
              })}
            </ul>
          </Card>
          <Card aria-labelledby="wit-h">
            <CardTitle id="wit-h">Witnesses</CardTitle>
            {c.witnesses.length ? (
              <ul className="divide-y divide-line">
                {c.witnesses.map((w) => (
                  <li key={w.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span className="min-w-0 font-semibold [overflow-wrap:anywhere]">{w.name}</span>
                    <span className="flex items-center gap-2">
                      {w.confirmedAt || w.declinedAt ? <span className="text-sm text-muted">{formatInZone((w.declinedAt ?? w.confirmedAt)!, tz)}</span> : null}
                      <ConfirmedBadge confirmed={Boolean(w.confirmedAt)} declined={Boolean(w.declinedAt)} />
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-muted">No witness named{c.phase === 'before_use' ? ': this check cannot clear a hand-off (rule 2).' : '.'}</p>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
