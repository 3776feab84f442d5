import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { LABELS } from '@/app/lib/enums';
import { allowed, can, canReadWrapReport } from '@/app/lib/policy';
import Link from 'next/link';
import { canReceive } from '@/app/lib/rules';
import { formatInZone } from '@/app/lib/time';
import { listFirearms } from '@/db/queries/firearms';
import { listMembers } from '@/db/queries/members';
import { listScenePlans, type PlanView } from '@/db/queries/scene-plans';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { RuleRef } from '@/components/ui/rule-ref';
import { FirearmsTabs } from '@/components/firearms/firearms-tabs';
import { ScenePlanForm } from '@/components/scene-plans/scene-plan-form';
import { PlanStepButton } from '@/components/scene-plans/plan-step-button';

export const metadata: Metadata = { title: 'Scene plans' };

function PlanStatus({ p }: { p: PlanView }) {
  if (p.superseded) return <Badge>Replaced by a newer plan</Badge>;
  if (p.approvedAt)
    return (
      <Badge tone="ok">
        <span aria-hidden="true">✓</span>Approved
      </Badge>
    );
  return (
    <Badge tone="warn">
      <span aria-hidden="true">…</span>Not approved: no hand-out yet
    </Badge>
  );
}

export default async function ScenePlansPage({ params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  if (!can(actor.role, 'plan.view')) forbidden();
  const tz = actor.production.timeZone;
  const plans = listScenePlans(actor);
  const write = allowed(actor, 'plan.write');
  const advisor = allowed(actor, 'plan.advise') && actor.positions.includes('safety_advisor');
  const approve = allowed(actor, 'plan.approve');
  const members = write ? listMembers(actor) : [];
  const weapons = write ? listFirearms(actor).map((f) => ({ id: f.id, label: `${f.tag} · ${f.make} ${f.model} (${LABELS.firearmKind[f.kind]})` })) : [];
  const handlers = members.filter((m) => canReceive(m.positions)).map((m) => ({ id: m.userId, label: `${m.name} · ${m.positions.map((p) => LABELS.position[p]).join(', ')}` }));

  return (
    <>
      <FirearmsTabs actor={actor} />
      <PageHeader
        title="Scene plans"
        subtitle={
          <>
            Each firearm scene has a plan: weapons, handlers and loads, the line of fire, protection, whether a replica would do, and its specific risk assessment
            (Cal. Labor Code §9152.5), signed by the armorer and the safety advisor and approved by a producer. Once the production plans its scenes, no weapon
            goes out for a setup without an approved plan naming it (<RuleRef n={8} />).
            {/* The safety advisor has no firearms tabs (crew): the post-filming report is reached from here. */}
            {canReadWrapReport(actor) && !can(actor.role, 'firearm.view') ? (
              <>
                {' '}
                <Link className="font-semibold text-brand underline" href={`/productions/${productionId}/firearms-report`}>
                  Firearms report
                </Link>
              </>
            ) : null}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_30rem]">
        <div className="flex min-w-0 flex-col gap-4">
          {plans.length === 0 ? (
            <EmptyState>No scene plan yet. Until the first one, hand-outs are gated by rules 2, 5 and 6 only.</EmptyState>
          ) : (
            plans.map((p) => (
              <Card key={p.id} id={`plan-${p.id}`} aria-labelledby={`plan-${p.id}-h`} className={p.superseded ? 'opacity-80' : undefined}>
                <CardTitle id={`plan-${p.id}-h`} action={<PlanStatus p={p} />}>
                  Setup {p.scene}
                </CardTitle>
                <p className="mb-2 break-words whitespace-pre-line">{p.action}</p>
                <ul aria-label="Weapons, handlers and loads" className="mb-3 divide-y divide-line rounded-lg border border-line">
                  {p.rows.map((r) => (
                    <li key={`${r.firearmId}-${r.handlerId}`} className="flex flex-col gap-0.5 p-2 [overflow-wrap:anywhere]">
                      <span className="font-semibold">{r.weapon}</span>
                      <span className="text-sm">
                        {r.kind ? `${LABELS.firearmKind[r.kind]} · ` : ''}handled by {r.handler} · {r.load === 'none' ? LABELS.planLoad.none : `${LABELS.planLoad[r.load]}, at most ${r.rounds}`}
                      </span>
                    </li>
                  ))}
                </ul>
                {p.dutyRows.length ? (
                  <div className="mb-3">
                    <h3 className="font-semibold">Other duties on this setup</h3>
                    <ul aria-label="Other duties on this setup" className="flex flex-col gap-1">
                      {p.dutyRows.map((d) => (
                        <li key={d.userId} className="[overflow-wrap:anywhere]">
                          {d.name}: {LABELS.position[d.duty]}
                          {d.custodian && !p.superseded ? (
                            <p className="font-semibold text-medium" data-testid="plan-duty-custodian">
                              <span aria-hidden="true">⚠ </span>
                              {d.name} holds the weapons in custody: no weapon goes to or from them for {p.scene} while this plan governs (<RuleRef n={9} />).
                            </p>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <dl className="grid gap-2 [overflow-wrap:anywhere]">
                  {[
                    ['Line of fire', p.lineOfFire],
                    ['Protection', p.protection],
                    ['Would a replica do?', p.replicaConsidered],
                    ['Specific firearms risk assessment', p.riskAssessment],
                  ].map(([term, value]) => (
                    <div key={term}>
                      <dt className="font-semibold">{term}</dt>
                      <dd className="whitespace-pre-line">{value}</dd>
                    </div>
                  ))}
                </dl>
                <ul aria-label="Sign-off" className="mt-3 flex flex-col gap-1 text-sm">
                  <li>Written by {p.createdBy}, {formatInZone(p.createdAt, tz)}</li>
                  <li>
                    {p.armorerSignedAt ? <>✓ Armorer: {p.armorerSignedBy}, {formatInZone(p.armorerSignedAt, tz)}</> : <>✕ Armorer’s signature awaited</>}
                  </li>
                  <li>
                    {p.advisorSignedAt ? <>✓ Safety advisor: {p.advisorSignedBy}, {formatInZone(p.advisorSignedAt, tz)}</> : <>✕ Safety advisor’s signature awaited</>}
                  </li>
                  <li>{p.approvedAt ? <>✓ Approved by {p.approvedBy}, {formatInZone(p.approvedAt, tz)}</> : <>✕ A producer’s approval awaited</>}</li>
                </ul>
                {!p.superseded && !p.approvedAt ? (
                  <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
                    {write && !p.armorerSignedAt && p.advisorSignedById !== actor.userId ? <PlanStepButton productionId={productionId} planId={p.id} step="armorer" /> : null}
                    {advisor && !p.advisorSignedAt && p.armorerSignedById !== actor.userId ? <PlanStepButton productionId={productionId} planId={p.id} step="advisor" /> : null}
                    {approve && p.armorerSignedAt && p.advisorSignedAt ? <PlanStepButton productionId={productionId} planId={p.id} step="approve" /> : null}
                    {approve && !(p.armorerSignedAt && p.advisorSignedAt) ? <p className="text-sm text-muted">A producer approves once the armorer and the safety advisor have signed.</p> : null}
                  </div>
                ) : null}
              </Card>
            ))
          )}
        </div>
        {write ? (
          <Card aria-labelledby="write-h" className="self-start">
            <CardTitle id="write-h">Write a scene plan</CardTitle>
            <p className="mb-3 text-sm text-muted">A changed plan is written again for the same setup: the newest one governs, and needs its own signatures.</p>
            <ScenePlanForm
              productionId={productionId}
              weapons={weapons}
              handlers={handlers}
              members={members.map((m) => ({ id: m.userId, label: `${m.name} · ${[LABELS.role[m.role], ...m.positions.map((p) => LABELS.position[p])].join(', ')}` }))}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
