import { RuleRef } from '@/components/ui/rule-ref';
import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { can } from '@/app/lib/policy';
import { formatInZone } from '@/app/lib/time';
import { PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/button';
import { CardSkeleton, Skeleton } from '@/components/ui/skeleton';
import { CARD_MIN_H } from '@/components/dashboard/stat-card';
import {
  ArmorerCard,
  ComplianceCard,
  DeadlinesCard,
  HoldsCard,
  OverdueActionsCard,
  PendingWitnessCard,
  RuleFlagsCard,
  SeverityCard,
  TypeCard,
  UnassignedCard,
  Verdict,
  WeaponsOutCard,
  WeeklyCard,
} from '@/components/dashboard/cards';

export const metadata: Metadata = { title: 'Dashboard' };

function Slot({ label, children, tall }: { label: string; children: ReactNode; tall?: boolean }) {
  return <Suspense fallback={<CardSkeleton label={label} className={tall ? 'min-h-96' : CARD_MIN_H} lines={tall ? 8 : 3} />}>{children}</Suspense>;
}

function Section({ id, title, children, note }: { id: string; title: ReactNode; note?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-6">
      <h2 id={id} className="text-sm font-bold uppercase tracking-wide text-muted">
        {title}
      </h2>
      {note ? <p className="text-sm text-muted">{note}</p> : null}
      <div className="mt-2 grid gap-4 md:grid-cols-2 xl:grid-cols-3">{children}</div>
    </section>
  );
}

export default async function DashboardPage({ params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  // Crew have no dashboard (ARCHITECTURE.md: permission matrix): refused here, on the server (403).
  if (!can(actor.role, 'dashboard.view')) forbidden();
  const now = new Date();
  const p = actor.production;
  const props = { actor, now };
  return (
    <>
      <PageHeader
        title="Safety dashboard"
        subtitle={
          <>
            {p.title} · as of {formatInZone(now, p.timeZone)}
            {actor.role === 'auditor' ? (
              <>
                {' '}
                · <Badge tone="info">Read-only</Badge>
              </>
            ) : null}
          </>
        }
        actions={<LinkButton variant="secondary" href="/dashboard">All your productions</LinkButton>}
      />
      {/* Rule 4: open holds, overdue corrective actions and overdue legal deadlines stand first. */}
      <Suspense fallback={<Skeleton className="h-20 w-full" />}>
        <Verdict {...props} />
      </Suspense>
      <Section id="first-h" title="Needs action first" note={<>Standing holds and anything overdue, always listed first (<RuleRef n={4} />).</>}>
        <Slot label="stop-work holds"><HoldsCard {...props} /></Slot>
        <Slot label="overdue corrective actions"><OverdueActionsCard {...props} /></Slot>
        <Slot label="overdue legal deadlines"><DeadlinesCard {...props} /></Slot>
      </Section>
      <Section id="firearms-h" title="Firearms">
        <Slot label="escalations"><RuleFlagsCard {...props} /></Slot>
        <Slot label="weapons not back"><WeaponsOutCard {...props} /></Slot>
        <Slot label="checks missing a witness"><PendingWitnessCard {...props} /></Slot>
        <Slot label="check compliance"><ComplianceCard {...props} /></Slot>
        <Slot label="armorer positions"><ArmorerCard {...props} /></Slot>
      </Section>
      <Section id="incidents-h" title="Incidents">
        <Slot label="open incidents by severity"><SeverityCard {...props} /></Slot>
        <Slot label="open incidents by type"><TypeCard {...props} /></Slot>
        <Slot label="oldest unassigned reports"><UnassignedCard {...props} /></Slot>
      </Section>
      <div className="mt-4">
        <Slot label="incidents per week" tall><WeeklyCard {...props} /></Slot>
      </div>
    </>
  );
}
