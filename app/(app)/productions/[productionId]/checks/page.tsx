import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { allowed, can } from '@/app/lib/policy';
import { listChecks, listChecksNaming } from '@/db/queries/checks';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { LinkButton } from '@/components/ui/button';
import { CheckList } from '@/components/firearms/check-list';
import { FirearmsTabs } from '@/components/firearms/firearms-tabs';

export const metadata: Metadata = { title: 'Checks' };

export default async function ChecksPage({ params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  const viewAll = can(actor.role, 'firearm.view');
  if (!viewAll && !can(actor.role, 'check.witness')) forbidden();
  const tz = actor.production.timeZone;
  const naming = listChecksNaming(actor);
  const awaiting = naming.filter((c) => c.witnesses.some((w) => w.userId === actor.userId && !w.confirmedAt && !w.declinedAt));
  const all = viewAll ? listChecks(actor) : naming.filter((c) => !awaiting.includes(c));
  const record = allowed(actor, 'check.record');

  return (
    <>
      <FirearmsTabs actor={actor} />
      <PageHeader
        title="Checks"
        subtitle={viewAll ? 'The armorer’s checks before and after each use, with their witnesses.' : 'Firearm checks that name you as a witness.'}
        actions={record ? <LinkButton href={`/productions/${productionId}/checks/new`}>New check</LinkButton> : null}
      />
      <div className="flex flex-col gap-4">
        {awaiting.length || !viewAll ? (
          <Card aria-labelledby="awaiting-h" className={awaiting.length ? 'border-2 border-medium' : undefined}>
            <CardTitle id="awaiting-h">Awaiting your confirmation ({awaiting.length})</CardTitle>
            {awaiting.length ? (
              <CheckList checks={awaiting} productionId={productionId} timeZone={tz} me={actor.userId} />
            ) : (
              <EmptyState>Nothing waits for you. When the armorer names you on a check, it appears here and in your notifications.</EmptyState>
            )}
          </Card>
        ) : null}
        {!viewAll && allowed(actor, 'incident.file') ? (
          <p className="rounded-lg border border-line bg-surface p-3">
            Saw a weapon change hands outside the armorer?{' '}
            <Link href={`/productions/${productionId}/custody`} className="inline-flex min-h-11 items-center font-semibold text-hold underline">
              Report a custody breach
            </Link>
          </p>
        ) : null}
        <Card aria-labelledby="all-h">
          <CardTitle id="all-h">{viewAll ? `All checks (${all.length})` : `Confirmed by you (${all.length})`}</CardTitle>
          {all.length ? <CheckList checks={all} productionId={productionId} timeZone={tz} me={actor.userId} /> : <EmptyState>No checks yet.</EmptyState>}
        </Card>
      </div>
    </>
  );
}
