import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { CUSTODIAN_POSITIONS, LABELS } from '@/app/lib/enums';
import { allowed, can } from '@/app/lib/policy';
import { armorerOtherPositions, canCollect, canReceive, HANDOFF_REASONS, isCustodian, type HandoffReason } from '@/app/lib/rules';
import { formatInZone, localDate } from '@/app/lib/time';
import { isCalendarDate } from '@/app/lib/schemas/firearms';
import { listWeaponChoices } from '@/db/queries/firearms';
import { listMembers } from '@/db/queries/members';
import { getOpenHold } from '@/db/queries/holds';
import {
  custodyDay,
  custodyNotBack,
  getHandoff,
  getOpenHandoff,
  listAmmoChoices,
  listOpenHandoffs,
  custodyStore,
  listRefusedHandoffs,
  listReturnChecks,
  meetingsCoveringToday,
  type HandoffView,
} from '@/db/queries/custody';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Button, LinkButton } from '@/components/ui/button';
import { FormSuccess, FormWarning, Input } from '@/components/form/field';
import { HandoffForm } from '@/components/firearms/handoff-form';
import { SETUPS_NAMED } from '@/components/firearms/hand-out-problem';
import { getPlanGate } from '@/db/queries/scene-plans';
import { listDutyDecisions } from '@/db/queries/duties';
import { ReturnForm } from '@/components/firearms/return-form';
import { OutsideHandoffForm } from '@/components/firearms/outside-handoff-form';
import { FirearmsTabs } from '@/components/firearms/firearms-tabs';
import { RuleRef } from '@/components/ui/rule-ref';
import { formatCount } from '@/app/lib/numbers';

export const metadata: Metadata = { title: 'Custody' };

/** Who the passing checks wait for, and who said they did not see one. */
function witnessState(awaiting: { waitingFor: string[]; declinedBy: string[] }[]): string {
  const waiting = [...new Set(awaiting.flatMap((a) => a.waitingFor))];
  const declined = [...new Set(awaiting.flatMap((a) => a.declinedBy))];
  return [waiting.length ? `waiting for ${waiting.join(', ')}` : '', declined.length ? `${declined.join(', ')} declined, not having seen it` : ''].filter(Boolean).join('; ');
}
const firedPart = (fired: number | null) => (fired ? `${fired} fired, ` : '');
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.slice(0, 100) : '');

/** The custodian position a member holds, to name it in the chain (rule 9): "Property master". */
type CustodianOf = (userId: string | null) => string | null;

function HandoffLine({ v, tz, base, action, custodianOf }: { v: HandoffView; tz: string; base: string; action?: React.ReactNode; custodianOf: CustodianOf }) {
  const h = v.h;
  const toRole = custodianOf(h.toId);
  const backRole = custodianOf(h.receivedById);
  return (
    <li className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
      <div className="min-w-0">
        <p className="font-semibold break-words">
          <Link href={`${base}/firearms/${v.firearm.id}`} className="inline-flex min-h-11 items-center text-brand underline underline-offset-2">
            {v.firearm.tag}
          </Link>{' '}
          → {v.toName}
          {toRole ? <span className="font-normal"> ({toRole}, into custody)</span> : null} <span className="font-normal text-muted">for {h.scene}</span>
        </p>
        <p className="text-sm text-muted">
          Out {formatInZone(h.handedAt, tz)} by {v.fromName} · {h.roundsOut} {v.lot ? `${v.lot.kind} ${v.lot.calibre} ` : ''}rounds out
        </p>
        {h.returnedAt ? (
          <p className="flex flex-wrap items-center gap-2 text-sm">
            Back {formatInZone(h.returnedAt, tz)}, collected by {v.receivedBy}
            {backRole ? ` (${backRole})` : ''}: {h.roundsFired ? `${h.roundsFired} fired, ` : ''}
            {h.roundsBack} of {h.roundsOut} rounds back
            {h.discrepancyIncidentId ? (
              <Link href={`${base}/incidents/${h.discrepancyIncidentId}`} className="inline-flex min-h-11 items-center font-semibold text-hold underline">
                <span aria-hidden="true">▲ </span>Count differs: report #{v.incidentNumber}
              </Link>
            ) : (
              <Badge tone="ok">
                <span aria-hidden="true">✓</span>Counts match
              </Badge>
            )}
          </p>
        ) : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </li>
  );
}

export default async function CustodyPage({
  params,
  searchParams,
}: {
  params: Promise<{ productionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { productionId } = await params;
  const sp = await searchParams;
  const actor = await requireMember(productionId);
  const view = can(actor.role, 'firearm.view');
  const report = allowed(actor, 'incident.file');
  if (!view && !report) forbidden();
  const tz = actor.production.timeZone;
  const base = `/productions/${productionId}`;
  const weapons = listWeaponChoices(actor);

  // Crew: only the report of a weapon that changed hands outside the armorer (rule 2).
  if (!view) {
    return (
      <>
        <PageHeader title="Custody" subtitle="Only the armorer hands out a weapon. Saw one change hands any other way? Report it here." />
        <Card aria-labelledby="outside-h" className="max-w-2xl">
          <CardTitle id="outside-h">Report a weapon that changed hands outside the armorer</CardTitle>
          <OutsideHandoffForm productionId={productionId} weapons={weapons} />
        </Card>
      </>
    );
  }

  const now = new Date();
  const today = localDate(now, tz);
  const day = isCalendarDate(one(sp.day)) && one(sp.day) <= today ? one(sp.day) : today;
  const record = allowed(actor, 'check.record');
  const open = listOpenHandoffs(actor);
  const handedOut = custodyDay(actor, day);
  // Today the weapons not back are the weapons out, already read above.
  const notBack = day === today ? open : custodyNotBack(actor, day);
  const refused = listRefusedHandoffs(actor);
  const hold = getOpenHold(actor);
  const meetings = meetingsCoveringToday(actor, now);
  const returning = record && one(sp.return) ? getOpenHandoff(actor, one(sp.return)) : null;
  const returned = one(sp.returned) ? getHandoff(actor, one(sp.returned)) : null;
  const returnedView = returned?.returnedAt ? returned : null;
  const { ready, awaiting } = record ? custodyStore(actor) : { ready: [], awaiting: [] };
  const members = listMembers(actor);
  const custodianOf: CustodianOf = (userId) => {
    const m = userId ? members.find((x) => x.userId === userId) : undefined;
    const p = m?.positions.filter((x) => CUSTODIAN_POSITIONS.includes(x)) ?? [];
    return p.length ? p.map((x) => LABELS.position[x]).join(', ') : null;
  };
  const recipients = record
    ? members
        .filter((m) => canReceive(m.positions))
        .map((m) => ({ userId: m.userId, name: m.name, positions: m.positions.map((p) => LABELS.position[p]).join(', '), custodian: isCustodian(m.positions) }))
    : [];
  // §9153(a)(2): the armorer, a property master or an assistant collects a weapon after use.
  const collectors = members
    .filter((m) => m.userId !== actor.userId && canCollect({ role: m.role, positions: m.positions }))
    .map((m) => ({ id: m.userId, label: `${m.name} · ${[m.role === 'armorer' ? LABELS.role.armorer : null, ...m.positions.filter((p) => CUSTODIAN_POSITIONS.includes(p)).map((p) => LABELS.position[p])].filter(Boolean).join(', ')}` }));
  // Rule 9's warning: an armorer who holds another position on the show.
  const myOtherPositions = record ? armorerOtherPositions({ role: actor.role, positions: members.find((m) => m.userId === actor.userId)?.positions ?? [] }) : [];
  const myDecision = myOtherPositions.length ? listDutyDecisions(actor).find((d) => d.userId === actor.userId && !d.revokedAt) : undefined;

  return (
    <>
      <FirearmsTabs actor={actor} />
      <PageHeader title="Custody" subtitle="Who holds each weapon now, every hand-off and return, and what was refused." />

      <ul className="mb-4 grid gap-2 sm:grid-cols-3" aria-label="Before any hand-off">
        <li className="rounded-lg border border-line bg-surface p-3">
          <p className="text-sm font-semibold text-muted">Safety meeting today (<RuleRef n={6} />)</p>
          {meetings.length ? (
            <Badge tone="ok">
              <span aria-hidden="true">✓</span>Recorded, firearms covered
            </Badge>
          ) : (
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone="danger">
                <span aria-hidden="true">✕</span>None yet
              </Badge>
              <Link href={`${base}/meetings`} className="inline-flex min-h-11 items-center font-semibold text-brand underline">
                Record it
              </Link>
            </p>
          )}
        </li>
        <li className="rounded-lg border border-line bg-surface p-3">
          <p className="text-sm font-semibold text-muted">Stop-work hold (<RuleRef n={5} />)</p>
          {hold ? (
            <Badge tone="danger">
              <span aria-hidden="true">■</span>Standing: no weapon goes out
            </Badge>
          ) : (
            <Badge tone="ok">
              <span aria-hidden="true">✓</span>None
            </Badge>
          )}
        </li>
        <li className="rounded-lg border border-line bg-surface p-3">
          <p className="text-sm font-semibold text-muted">Out now</p>
          <p className="text-lg font-bold">
            {formatCount(open.length)} {open.length === 1 ? 'weapon' : 'weapons'}
          </p>
        </li>
      </ul>

      {returnedView ? (
        <div className="mb-4">
          {returnedView.discrepancyIncidentId ? (
            // A count that differs filed an incident: a warning, not a success (the return itself is recorded).
            <FormWarning message={`Returned: ${firedPart(returnedView.roundsFired)}${returnedView.roundsBack} of ${returnedView.roundsOut} rounds back. The counts differ — an incident was filed.`}>
              <Link href={`${base}/incidents/${returnedView.discrepancyIncidentId}`} className="inline-flex min-h-11 items-center font-semibold text-medium underline">
                Open the incident
              </Link>
            </FormWarning>
          ) : (
            <FormSuccess message={`Returned: ${firedPart(returnedView.roundsFired)}${returnedView.roundsBack} of ${returnedView.roundsOut} rounds back. Counts match.`} />
          )}
        </div>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="flex min-w-0 flex-col gap-4">
          {returning ? (
            <Card aria-labelledby="return-h" id="return" className="border-2 border-brand">
              <CardTitle id="return-h">
                Return of {returning.firearm.tag} from {returning.toName}
              </CardTitle>
              <ReturnForm
                productionId={productionId}
                handoffId={returning.h.id}
                roundsOut={returning.h.roundsOut}
                lotKind={returning.lot?.kind ?? null}
                cancelHref={`${base}/custody`}
                collectors={collectors}
                afterChecks={listReturnChecks(actor, returning.h).map((c) => ({
                  id: c.id,
                  label: `After-use check, ${formatInZone(c.performedAt, tz)} (${LABELS.checkResult[c.result].toLowerCase()})`,
                }))}
              />
            </Card>
          ) : null}

          <Card aria-labelledby="out-h">
            <CardTitle id="out-h">Who holds each weapon now</CardTitle>
            {open.length === 0 ? (
              <EmptyState>Every weapon is with the armorer.</EmptyState>
            ) : (
              <ul className="divide-y divide-line">
                {open.map((v) => (
                  <HandoffLine
                    key={v.h.id}
                    v={v}
                    custodianOf={custodianOf}
                    tz={tz}
                    base={base}
                    action={
                      record ? (
                        <LinkButton href={`${base}/custody?return=${v.h.id}#return`} variant="secondary">
                          Record return<span className="sr-only"> of {v.firearm.tag}</span>
                        </LinkButton>
                      ) : undefined
                    }
                  />
                ))}
              </ul>
            )}
          </Card>

          <Card aria-labelledby="day-h">
            <CardTitle
              id="day-h"
              action={
                <form method="get" className="flex items-end gap-2">
                  <label htmlFor="day" className="sr-only">
                    Day
                  </label>
                  <Input id="day" name="day" type="date" defaultValue={day} max={today} className="w-auto" />
                  <Button type="submit" variant="secondary">
                    Show
                  </Button>
                </form>
              }
            >
              Day log: {day === today ? 'today' : day}
            </CardTitle>
            <h3 className="mt-1 font-semibold">{day === today ? 'Not back yet' : 'Not back at the end of the day'}</h3>
            {notBack.length === 0 ? (
              <p className="py-2 text-muted">{day === today ? 'Every weapon handed out is back.' : 'Every weapon was back by the end of the day.'}</p>
            ) : day === today ? (
              // Today these are exactly the weapons out, listed above: named once, so the page does
              // not carry every weapon out twice (ARCHITECTURE.md: performance budget).
              <p className="py-2">
                {formatCount(notBack.length)} {notBack.length === 1 ? 'weapon is' : 'weapons are'} out:{' '}
                <a href="#out-h" className="inline-flex min-h-11 items-center text-brand underline">
                  see who holds each weapon now
                </a>
                .
              </p>
            ) : (
              <ul className="divide-y divide-line">
                {notBack.map((v) => (
                  <HandoffLine key={v.h.id} v={v} tz={tz} base={base} custodianOf={custodianOf} />
                ))}
              </ul>
            )}
            <h3 className="mt-4 font-semibold">Handed out</h3>
            {handedOut.length === 0 ? (
              <p className="py-2 text-muted">No hand-off that day.</p>
            ) : (
              <ul className="divide-y divide-line">
                {handedOut.map((v) => (
                  <HandoffLine key={v.h.id} v={v} tz={tz} base={base} custodianOf={custodianOf} />
                ))}
              </ul>
            )}
          </Card>

          <Card aria-labelledby="refused-h">
            <CardTitle id="refused-h">Refused hand-offs</CardTitle>
            {refused.length === 0 ? (
              <EmptyState>No refused attempt.</EmptyState>
            ) : (
              <ul className="divide-y divide-line">
                {refused.map(({ r, by, toName, firearm, incidentNumber }) => (
                  <li key={r.id} className="flex flex-col gap-1 py-3">
                    <p className="font-semibold break-words">
                      {firearm.tag} → {toName ?? 'a non-member'} <span className="font-normal text-muted">for {r.scene}</span>
                    </p>
                    <p className="text-sm text-muted">
                      {formatInZone(r.at, tz)}, attempted by {by}
                    </p>
                    <ul className="list-disc pl-5 text-sm">
                      {r.reasons.map((x) => (
                        <li key={x}>{HANDOFF_REASONS[x as HandoffReason] ?? x}</li>
                      ))}
                    </ul>
                    {r.incidentId ? (
                      <Link href={`${base}/incidents/${r.incidentId}`} className="inline-flex min-h-11 items-center text-sm font-semibold text-hold underline">
                        Custody-breach report #{incidentNumber}
                      </Link>
                    ) : null}
                    {/* Rule 8: the handler's lapsed qualification, and its certificate scans, are one tap away. */}
                    {r.reasons.includes('qualification_expired') && can(actor.role, 'qualification.view') ? (
                      <Link href={`${base}/qualifications`} className="inline-flex min-h-11 items-center text-sm font-semibold text-brand underline">
                        {toName ?? 'The handler'}’s qualifications and certificate scans
                      </Link>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {report ? (
            <Card aria-labelledby="outside-h">
              <CardTitle id="outside-h">Report a weapon that changed hands outside the armorer</CardTitle>
              <OutsideHandoffForm productionId={productionId} weapons={weapons} />
            </Card>
          ) : null}
        </div>

        <div className="order-first flex flex-col gap-4 self-start lg:order-none">
          {record ? (
            <>
              <Card aria-labelledby="ready-h">
                <CardTitle id="ready-h">Ready to hand out</CardTitle>
                {ready.length === 0 ? (
                  <p className="text-muted">No weapon has a passing, fully witnessed check since its last return.</p>
                ) : (
                  <ul className="divide-y divide-line">
                    {ready.map(({ firearm: f, scenes }) => (
                      // Each setup a 44 px tap target of its own (a phone at the armoury door), not a word in a sentence.
                      <li key={f.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 py-2">
                        <strong>{f.tag}</strong> for{' '}
                        {scenes.slice(0, SETUPS_NAMED).map((scene) => (
                          <Link
                            key={scene}
                            href={`${base}/custody?firearm=${f.id}&scene=${encodeURIComponent(scene)}#hand-out`}
                            className="link inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg border border-line px-3 hover:bg-brand-soft"
                          >
                            <span className="sr-only">Hand out {f.tag} for </span>
                            {scene}
                          </Link>
                        ))}
                        {scenes.length > SETUPS_NAMED ? (
                          <span className="text-muted">
                            and {scenes.length - SETUPS_NAMED} more {scenes.length - SETUPS_NAMED === 1 ? 'setup' : 'setups'} (type one in the form)
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
              <Card aria-labelledby="handout-h" id="hand-out">
                <CardTitle id="handout-h">Hand out a weapon</CardTitle>
                <p className="mb-3 text-sm text-muted">
                  Rules 2, 5, 6, 8 and 9 are applied when you submit. A refused attempt moves nothing and files a custody-breach report, so
                  the form says first what would refuse it.
                </p>
                {myOtherPositions.length ? (
                  <div className="mb-3 rounded-lg border border-medium/50 bg-warn-soft p-3 text-medium" data-testid="armorer-duties-warning">
                    <p className="font-bold">
                      <span aria-hidden="true">⚠ </span>You also hold {myOtherPositions.map((p) => LABELS.position[p]).join(', ')} on this show.
                    </p>
                    <p className="text-sm">
                      While weapons are out you have no other duty (<RuleRef n={9} />, Cal. Labor Code §9153(a)(3)). A setup whose scene plan records you on another
                      duty refuses every hand-out.{' '}
                      {myDecision ? `A producer decided: “${myDecision.reason}” (${myDecision.decidedBy}, ${formatInZone(myDecision.decidedAt, tz)}).` : 'No producer has decided yet how that work is covered.'}
                    </p>
                  </div>
                ) : null}
                <HandoffForm
                  key={`${one(sp.firearm)}-${one(sp.scene)}`}
                  productionId={productionId}
                  weapons={weapons.filter((w) => w.status !== 'checked_out')}
                  recipients={recipients}
                  lots={listAmmoChoices(actor)}
                  initial={{ firearmId: weapons.some((w) => w.id === one(sp.firearm)) ? one(sp.firearm) : '', scene: one(sp.scene) }}
                  ready={Object.fromEntries(ready.map((w) => [w.firearm.id, w.scenes]))}
                  awaiting={awaiting}
                  planGate={getPlanGate(actor, localDate(new Date(), actor.production.timeZone))}
                  giverId={actor.userId}
                  blockedBy={[
                    ...(hold ? ['A stop-work hold stands until a producer lifts it in writing (rule 5).'] : []),
                    ...(meetings.length ? [] : ['No safety meeting that covered firearms is recorded today (rule 6).']),
                    ...(ready.length
                      ? []
                      : [
                          awaiting.length
                            ? `No weapon has a passing check whose witnesses have all confirmed (rule 2): ${witnessState(awaiting)}.`
                            : 'No weapon has a passing check, confirmed by its named witnesses, since its last return (rule 2). Record a check first.',
                        ]),
                  ]}
                />
              </Card>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
