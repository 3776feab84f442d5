import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { allowed, can } from '@/app/lib/policy';
import { listChecks, listChecksAwaiting, listChecksNaming } from '@/db/queries/checks';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { LinkButton } from '@/components/ui/button';
import { CheckList } from '@/components/firearms/check-list';
import { FirearmsTabs } from '@/components/firearms/firearms-tabs';
import { formatCount } from '@/app/lib/numbers';

export const metadata: Metadata = { title: 'Checks' };

/**
 * The newest checks listed below what waits for the member: a hundred is a long scroll on a phone
 * already, and each check carries its checklist and witnesses (ARCHITECTURE.md: performance budget).
 * The checks export holds every one.
 */
const SHOWN = 100;

export default async function ChecksPage({ params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  const viewAll = can(actor.role, 'firearm.view');
  if (!viewAll && !can(actor.role, 'check.witness')) forbidden();
  const tz = actor.production.timeZone;
  // What waits for this member is read on its own, so none hides behind the newest checks listed.
  const { items: awaiting, total: awaitingTotal } = listChecksAwaiting(actor);
  const listed = viewAll ? listChecks(actor, { limit: SHOWN }) : listChecksNaming(actor, SHOWN);
  const cut = listed.length === SHOWN;
  const all = viewAll ? listed : listed.filter((c) => !c.witnesses.some((w) => w.userId === actor.userId && !w.confirmedAt && !w.declinedAt));
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
            <CardTitle id="awaiting-h">Awaiting your confirmation ({awaitingTotal})</CardTitle>
            {awaiting.length ? (
              <>
                <CheckList checks={awaiting} productionId={productionId} timeZone={tz} me={actor.userId} />
                {awaitingTotal > awaiting.length ? (
                  <p className="mt-3 text-sm text-muted">
                    The newest {awaiting.length} are listed; {formatCount(awaitingTotal - awaiting.length)} older ones also name you. Ask the armorer about any you did not see.
                  </p>
                ) : null}
              </>
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
          <CardTitle id="all-h">
            {viewAll ? (cut ? `The newest ${SHOWN} checks` : `All checks (${all.length})`) : cut ? 'Your newest checks, confirmed or declined' : `Confirmed or declined by you (${all.length})`}
          </CardTitle>
          {all.length ? <CheckList checks={all} productionId={productionId} timeZone={tz} me={actor.userId} /> : <EmptyState>No checks yet.</EmptyState>}
        </Card>
      </div>
    </>
  );
}
