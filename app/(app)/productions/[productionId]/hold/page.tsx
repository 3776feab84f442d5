import type { Metadata } from 'next';
import Link from 'next/link';
import { requireMember } from '@/app/lib/auth';
import { listWhoWasTold } from '@/db/queries/delivery';
import { WhoWasTold } from '@/components/delivery/who-was-told';
import { LABELS } from '@/app/lib/enums';
import { can } from '@/app/lib/policy';
import { canCallHold, canConcur, canLiftHold } from '@/app/lib/rules';
import { formatInZone, formatStamp } from '@/app/lib/time';
import { listHolds, type HoldRow } from '@/db/queries/holds';
import { Card, CardTitle, EmptyState, Facts, PageHeader } from '@/components/ui/card';
import { Badge, HoldBadge } from '@/components/ui/badge';
import { CallHoldForm, ConcurForm, LiftHoldForm } from '@/components/incidents/hold-forms';
import { SignalPanel } from '@/components/signals/signal-panel';
import { signalsOfHolds } from '@/db/queries/signals';
import { RuleRef } from '@/components/ui/rule-ref';

export const metadata: Metadata = { title: 'Stop-work holds' };

const fact = (h: HoldRow) => ({ id: h.id, source: h.source, calledById: h.calledById, calledAt: h.calledAt, concurredById: h.concurredById, liftedAt: h.liftedAt, rule1Joined: h.needsConcurrence });

export default async function HoldPage({ params, searchParams }: { params: Promise<{ productionId: string }>; searchParams: Promise<{ lifted?: string | string[]; stop?: string }> }) {
  const { productionId } = await params;
  const sp = await searchParams;
  const { lifted } = sp;
  // From the "Stop work" button on every page: the reason is the one thing left to give.
  const stopNow = sp.stop === '1';
  const actor = await requireMember(productionId);
  const tz = actor.production.timeZone;
  const all = listHolds(actor);
  const standing = all.find((h) => !h.liftedAt) ?? null;
  const history = all.filter((h) => h.liftedAt);
  const me = { userId: actor.userId, role: actor.role };
  const writable = actor.production.phase !== 'wrapped';
  const base = `/productions/${actor.productionId}/incidents`;
  // The rules decide which controls to offer; the server asks them again on submit.
  const mayConcur = writable && standing && can(actor.role, 'hold.concur') && canConcur(me, fact(standing)).ok;
  const mayLift = writable && standing && can(actor.role, 'hold.lift');
  const liftBlocked = standing ? canLiftHold(me, fact(standing), 'x'.repeat(20)) : null;
  const mayCall = writable && can(actor.role, 'hold.call') && canCallHold(me, null).ok && !standing;
  // Rule 5: the producer who concurred is the first of two people; the lift form is not theirs.
  const concurredByMe = !!standing && standing.needsConcurrence && standing.concurredById === actor.userId;
  // After a lift the page says, from the record, that the hold is lifted and by whom.
  const justLifted = typeof lifted === 'string' ? history.find((h) => h.id === lifted) : undefined;
  // Who was told about the standing hold (or the latest one), for the roles that see the record.
  const latest = standing ?? all[0] ?? null;
  const told = latest ? listWhoWasTold(actor, [`/productions/${actor.productionId}/hold`], latest.calledAt) : null;

  return (
    <>
      <PageHeader title="Stop-work holds" subtitle="While a hold stands, no weapon is handed out. Returns to the armorer still work." />
      {/* Rule 7: a hold called by hand waits for a producer's acknowledgement (lifting it also counts). */}
      <SignalPanel productionId={actor.productionId} signals={signalsOfHolds(actor, standing ? [standing.id] : [])} timeZone={tz} />

      {justLifted && justLifted.liftedAt ? (
        <div role="status" data-testid="hold-lifted" className="mb-4 rounded-xl border-2 border-ok/40 bg-ok-soft px-4 py-3 text-ink">
          <p className="text-lg font-extrabold">
            <span aria-hidden="true">✓ </span>The stop-work hold is lifted, by {justLifted.liftedByName}, {formatInZone(justLifted.liftedAt, tz)}.
          </p>
          <p>Everyone on the production has been told. Its resolution is kept in the history below.</p>
        </div>
      ) : null}

      {standing ? (
        <Card aria-labelledby="standing-h" className="mb-4 border-2 border-hold">
          <CardTitle id="standing-h" action={<HoldBadge />}>
            Standing hold
          </CardTitle>
          <HoldFacts h={standing} tz={tz} base={base} />
          {mayConcur ? (
            <div className="mt-4 border-t border-line pt-4">
              <h3 className="mb-1 font-bold">Concur with lifting</h3>
              <p className="mb-3 text-muted">A discharge or live-round report is part of this hold (<RuleRef n={1} />). The armorer or a second producer records a concurrence before a producer lifts it.</p>
              <ConcurForm productionId={actor.productionId} holdId={standing.id} />
            </div>
          ) : null}
          {mayLift ? (
            <div className="mt-4 border-t border-line pt-4">
              <h3 className="mb-1 font-bold">Lift the hold</h3>
              {liftBlocked && !liftBlocked.ok ? (
                <p id="lift-blocked" className="mb-3 rounded-lg border border-medium/40 bg-warn-soft p-3 font-semibold text-medium" data-testid="lift-blocked">
                  {liftBlocked.reason}
                </p>
              ) : null}
              {/* Rule 5: while the lift would be refused, the form says why and is disabled. */}
              {concurredByMe ? null : (
                <LiftHoldForm productionId={actor.productionId} holdId={standing.id} blockedBy={liftBlocked && !liftBlocked.ok ? 'lift-blocked' : undefined} />
              )}
            </div>
          ) : (
            <p className="mt-4 border-t border-line pt-4 text-muted">Only a producer lifts a hold, in writing.</p>
          )}
        </Card>
      ) : (
        <Card aria-labelledby="nohold-h" className="mb-4">
          <CardTitle id="nohold-h">No hold is standing</CardTitle>
          {mayCall ? (
            <>
              <p className="mb-3 text-muted">Anyone on the production can stop work if something is unsafe. Say why; a producer resolves it in writing.</p>
              <CallHoldForm productionId={actor.productionId} autoFocus={stopNow} />
            </>
          ) : (
            <p className="text-muted">{actor.role === 'auditor' ? 'Auditors observe: you can read every hold but not call one.' : 'Work may go on.'}</p>
          )}
        </Card>
      )}

      {told ? (
        <div className="mb-4">
          <WhoWasTold rows={told} timeZone={tz} id="told-h" />
        </div>
      ) : null}

      <Card aria-labelledby="history-h">
        <CardTitle id="history-h">History ({history.length})</CardTitle>
        {history.length ? (
          <ol className="flex flex-col gap-4">
            {history.map((h) => (
              <li key={h.id} className="rounded-lg border border-line p-3 sm:p-4">
                <HoldFacts h={h} tz={tz} base={base} />
              </li>
            ))}
          </ol>
        ) : (
          <EmptyState>No hold has been lifted on this production yet.</EmptyState>
        )}
      </Card>
    </>
  );
}

function HoldFacts({ h, tz, base }: { h: HoldRow; tz: string; base: string }) {
  const items = [
    { term: 'Why', value: <span className="whitespace-pre-line break-words">{h.reason}</span> },
    { term: 'Called', value: `${formatStamp(h.calledAt, tz)} by ${h.calledByName}` },
    {
      term: 'Source',
      value:
        h.source === 'rule1' ? <Badge tone="danger">Rule 1: discharge or live round</Badge>
        : h.needsConcurrence ? (
          <span className="flex flex-wrap gap-2">
            <Badge>Called by hand</Badge>
            <Badge tone="danger">Joined by a rule-1 report</Badge>
          </span>
        )
        : <Badge>Called by hand</Badge>,
    },
    {
      term: 'Reports',
      value: h.incidents.length ? (
        <span className="flex flex-wrap gap-x-3 gap-y-1">
          {h.incidents.map((i) =>
            i.canOpen ? (
              <Link key={i.id} href={`${base}/${i.id}`} className="inline-flex min-h-11 items-center text-brand underline">#{i.number} {LABELS.incidentType[i.type]}</Link>
            ) : (
              <span key={i.id}>#{i.number} {LABELS.incidentType[i.type]}</span>
            ),
          )}
        </span>
      ) : (
        <span className="text-muted">None linked</span>
      ),
    },
  ];
  if (h.needsConcurrence) {
    items.push({
      term: 'Concurrence',
      value: h.concurredAt ? (
        <span>✓ {h.concurredByName}, {formatInZone(h.concurredAt, tz)}{h.concurrenceNote ? `: ${h.concurrenceNote}` : ''}</span>
      ) : (
        <span className="font-semibold text-medium">Not yet recorded (needed before lifting)</span>
      ),
    });
  }
  if (h.liftedAt) {
    items.push({ term: 'Lifted', value: `${formatInZone(h.liftedAt, tz)} by ${h.liftedByName}` });
    items.push({ term: 'Resolution', value: <span className="whitespace-pre-line break-words">{h.resolution}</span> });
  }
  return <Facts items={items} />;
}
