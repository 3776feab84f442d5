import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { actorFor, listMyProductions, requireUser } from '@/app/lib/auth';
import { can } from '@/app/lib/policy';
import { LABELS } from '@/app/lib/enums';
import { productionSummary, type ProductionSummary } from '@/db/queries/dashboard';
import { memoFigure } from '@/db/queries/dashboard-memo';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { CardSkeleton } from '@/components/ui/skeleton';
import { cx } from '@/components/ui/cx';

export const metadata: Metadata = { title: 'All productions' };

type Figure = { key: keyof ProductionSummary; label: string; bad: 'danger' | 'warn' };
// Rule 4 first: holds and overdue items lead every row.
const FIGURES: Figure[] = [
  { key: 'openHolds', label: 'Holds standing', bad: 'danger' },
  { key: 'overdueActions', label: 'Overdue actions', bad: 'danger' },
  { key: 'overdueDeadlines', label: 'Overdue legal deadlines', bad: 'danger' },
  { key: 'weaponsOverdue', label: 'Weapons not back', bad: 'danger' },
  { key: 'ruleFlags', label: 'Rule-3 escalations', bad: 'warn' },
  { key: 'openCritical', label: 'Critical open', bad: 'danger' },
  { key: 'openIncidents', label: 'Open incidents', bad: 'warn' },
  { key: 'checksPendingWitness', label: 'Checks awaiting a witness', bad: 'warn' },
  { key: 'unassigned', label: 'Unassigned reports', bad: 'warn' },
  { key: 'armorerDoubling', label: 'Armorer doubling', bad: 'warn' },
];

const urgency = (s: ProductionSummary) => [s.openHolds, s.overdueActions + s.overdueDeadlines + s.weaponsOverdue, s.ruleFlags + s.openCritical];

async function Summaries({ userId, user }: { userId: string; user: Awaited<ReturnType<typeof requireUser>> }) {
  const now = new Date();
  const rows = listMyProductions(userId)
    .map((p) => actorFor(user, p.id))
    .filter((a): a is NonNullable<typeof a> => !!a && can(a.role, 'dashboard.view'))
    .map((actor) => ({ actor, s: memoFigure('summary', actor, now, [], () => productionSummary(actor, now)) }))
    .sort((a, b) => {
      const ua = urgency(a.s);
      const ub = urgency(b.s);
      for (let k = 0; k < ua.length; k++) if (ua[k] !== ub[k]) return ub[k] - ua[k];
      return a.actor.production.title.localeCompare(b.actor.production.title);
    });
  if (rows.length === 0) {
    return (
      <EmptyState>
        Dashboards are for producers, armorers and auditors. Your role on your productions does not include one.
      </EmptyState>
    );
  }
  return (
    <ul className="flex flex-col gap-4">
      {rows.map(({ actor, s }) => (
        <li key={actor.productionId}>
          <Card aria-labelledby={`p-${actor.productionId}`} className={cx(s.openHolds ? 'border-hold' : '')}>
            <div className="mb-3 flex flex-wrap items-center gap-2">
              <h2 id={`p-${actor.productionId}`} className="min-w-0 text-lg font-semibold [overflow-wrap:anywhere]">
                <Link className="inline-flex min-h-11 items-center text-brand underline underline-offset-2" href={`/productions/${actor.productionId}/dashboard`}>
                  {actor.production.title}
                </Link>
              </h2>
              <Badge>{LABELS.role[actor.role]}</Badge>
              <Badge tone={actor.production.phase === 'shooting' ? 'info' : 'neutral'}>{LABELS.phase[actor.production.phase]}</Badge>
              {s.openHolds ? <Badge tone="danger"><span aria-hidden="true">■</span> On hold</Badge> : null}
            </div>
            <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
              {FIGURES.map((f) => {
                const n = s[f.key];
                return (
                  <div key={f.key} className={cx('rounded-lg border px-3 py-2', n ? (f.bad === 'danger' ? 'border-hold/50 bg-hold-soft/50' : 'border-medium/40 bg-warn-soft/50') : 'border-line')}>
                    <dt className="text-sm text-muted">{f.label}</dt>
                    <dd className={cx('text-2xl font-bold tabular-nums', n ? (f.bad === 'danger' ? 'text-hold' : 'text-medium') : 'text-ink')}>
                      {n}
                      {n ? <span className="sr-only"> (needs attention)</span> : null}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </Card>
        </li>
      ))}
    </ul>
  );
}

export default async function AllProductionsDashboard() {
  const user = await requireUser();
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-5">
      <PageHeader title="All your productions" subtitle="Holds and overdue items first; productions that need attention are listed first." />
      <Suspense fallback={<CardSkeleton label="production summaries" className="min-h-48" />}>
        <Summaries userId={user.id} user={user} />
      </Suspense>
    </main>
  );
}
