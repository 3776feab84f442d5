import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { LABELS, FIREARM_STATUSES } from '@/app/lib/enums';
import { allowed, can } from '@/app/lib/policy';
import { formatInZone } from '@/app/lib/time';
import { listFirearms } from '@/db/queries/firearms';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { LinkButton } from '@/components/ui/button';
import { CheckResultBadge, FirearmStatusBadge } from '@/components/firearms/badges';
import { FirearmForm } from '@/components/firearms/firearm-form';
import { FirearmsTabs } from '@/components/firearms/firearms-tabs';

export const metadata: Metadata = { title: 'Firearms' };

export default async function FirearmsPage({ params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  // Crew see no inventory (ARCHITECTURE.md: permission matrix): a real refusal, not a hidden link.
  if (!can(actor.role, 'firearm.view')) forbidden();
  const tz = actor.production.timeZone;
  const rows = listFirearms(actor);
  const manage = allowed(actor, 'firearm.manage');
  const base = `/productions/${productionId}`;
  const counts = FIREARM_STATUSES.map((s) => ({ s, n: rows.filter((r) => r.status === s).length }));

  return (
    <>
      <FirearmsTabs actor={actor} />
      <PageHeader
        title="Firearms"
        subtitle="Every weapon on the show, real or replica, and where it is now."
        actions={
          allowed(actor, 'check.record') ? (
            <>
              <LinkButton href={`${base}/checks/new`}>New check</LinkButton>
              <LinkButton href={`${base}/custody`} variant="secondary">
                Custody
              </LinkButton>
            </>
          ) : null
        }
      />
      <ul className="mb-4 flex flex-wrap gap-2" aria-label="Weapons by status">
        {counts.map(({ s, n }) => (
          <li key={s} className="flex items-center gap-2 rounded-lg border border-line bg-surface px-3 py-1.5">
            <FirearmStatusBadge status={s} />
            <span className="font-semibold">{n}</span>
          </li>
        ))}
      </ul>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Card aria-labelledby="inv-h" className="self-start">
          <CardTitle id="inv-h">Inventory ({rows.length})</CardTitle>
          {rows.length === 0 ? (
            <EmptyState>No weapons yet.{manage ? ' Add the first one with the form.' : ''}</EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {rows.map((f) => (
                <li key={f.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                  <div className="min-w-0">
                    <Link href={`${base}/firearms/${f.id}`} className="inline-flex min-h-11 items-center text-lg font-bold text-brand underline-offset-2 hover:underline">
                      {f.tag}
                      <span className="sr-only">: weapon history</span>
                    </Link>
                    <p className="break-words">
                      {f.make} {f.model} · {LABELS.firearmKind[f.kind]}
                      {f.serial ? <span className="text-muted"> · s/n {f.serial}</span> : null}
                    </p>
                    {f.holder ? (
                      <p className="text-sm">
                        With <strong>{f.holder.name}</strong> for {f.holder.scene} since {formatInZone(f.holder.handedAt, tz)}
                      </p>
                    ) : null}
                    {f.lastCheck ? (
                      <p className="flex flex-wrap items-center gap-1 text-sm text-muted">
                        Last check: {LABELS.checkPhase[f.lastCheck.phase].toLowerCase()}, {f.lastCheck.scene}, {formatInZone(f.lastCheck.performedAt, tz)}
                        <CheckResultBadge result={f.lastCheck.result} />
                      </p>
                    ) : (
                      <p className="text-sm text-muted">Never checked.</p>
                    )}
                  </div>
                  <div className="shrink-0">
                    <FirearmStatusBadge status={f.status} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {manage ? (
          <Card aria-labelledby="add-h" className="self-start">
            <CardTitle id="add-h">Add a weapon</CardTitle>
            <FirearmForm productionId={productionId} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
