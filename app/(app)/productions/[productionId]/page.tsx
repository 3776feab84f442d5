import type { Metadata } from 'next';
import Link from 'next/link';
import { requireMember } from '@/app/lib/auth';
import { LABELS } from '@/app/lib/enums';
import { listMembers } from '@/db/queries/members';
import { Card, CardTitle, Facts, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/button';
import { allowed, can } from '@/app/lib/policy';
import { Verdict } from '@/components/dashboard/cards';
import { OverviewSignals } from '@/components/signals/overview-signals';
import { listWaitingFor } from '@/db/queries/home';
import { getOpenHold } from '@/db/queries/holds';
import { WaitingList } from '@/components/productions/waiting-list';
import { asClause } from '@/components/shell/hold-banner';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage({ params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  const p = actor.production;
  const members = listMembers(actor);
  const waiting = listWaitingFor(actor, new Date());
  const open = getOpenHold(actor);
  const dates = p.startDate || p.endDate ? `${p.startDate ?? '…'} to ${p.endDate ?? '…'}` : 'Not set';
  return (
    <>
      <PageHeader
        title={p.title}
        subtitle={p.company}
        actions={
          allowed(actor, 'incident.file') ? (
            <LinkButton href={`/productions/${p.id}/incidents/new`}>Report an incident</LinkButton>
          ) : null
        }
      />
      {/* Rule 7: unacknowledged critical signals and, once escalated, the hotline, for everyone on the show. */}
      <OverviewSignals actor={actor} now={new Date()} />
      {can(actor.role, 'dashboard.view') ? (
        // Rule 4 on the page a member lands on: can we shoot today, and what is overdue.
        <section aria-label="Safety state" className="mb-4 flex flex-col items-start gap-1">
          <div className="w-full">
            <Verdict actor={actor} now={new Date()} />
          </div>
          <Link href={`/productions/${p.id}/dashboard`} className="link inline-flex min-h-11 items-center">
            Open the safety dashboard
          </Link>
        </section>
      ) : null}
      {/* The home says what waits for this member before anything about the production. */}
      <WaitingList items={waiting} hold={open ? { reason: asClause(open.hold.reason), href: `/productions/${p.id}/hold` } : null} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="facts-h">
          <CardTitle
            id="facts-h"
            action={
              allowed(actor, 'production.manage') ? (
                <LinkButton variant="ghost" href={`/productions/${p.id}/settings`}>
                  Edit details
                </LinkButton>
              ) : null
            }
          >
            Production
          </CardTitle>
          <Facts
            items={[
              { term: 'Phase', value: <Badge tone={p.phase === 'shooting' ? 'info' : 'neutral'}>{LABELS.phase[p.phase]}</Badge> },
              { term: 'Dates', value: dates },
              { term: 'Locations', value: p.locations || 'Not set' },
              { term: 'Time zone', value: p.timeZone },
              { term: 'Your role', value: LABELS.role[actor.role] },
              { term: 'Your positions', value: actor.positions.map((x) => LABELS.position[x]).join(', ') || 'None' },
            ]}
          />
        </Card>
        <Card aria-labelledby="members-h">
          <CardTitle
            id="members-h"
            action={
              <LinkButton variant="ghost" href={`/productions/${p.id}/members`}>
                {allowed(actor, 'members.manage') ? 'Manage members' : 'All members'}
              </LinkButton>
            }
          >
            Members ({members.length})
          </CardTitle>
          <ul className="divide-y divide-line">
            {members.map((m) => (
              <li key={m.membershipId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0 font-semibold [overflow-wrap:anywhere]">{m.name}</span>
                <span className="text-muted">
                  {LABELS.role[m.role]}
                  {m.positions.length ? ` · ${m.positions.map((x) => LABELS.position[x]).join(', ')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
