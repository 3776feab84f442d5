import { RuleRef } from '@/components/ui/rule-ref';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { can } from '@/app/lib/policy';
import { formatInZone } from '@/app/lib/time';
import { PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/button';
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
  // Every card renders synchronously in one pass: better-sqlite3 answers synchronously and each
  // figure is kept per data version, so a Suspense boundary per card only added fallbacks and
  // swap scripts to every page (ARCHITECTURE.md: performance budget).
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
      <Verdict {...props} />
      <Section id="first-h" title="Needs action first" note={<>Standing holds and anything overdue, always listed first (<RuleRef n={4} />).</>}>
        <HoldsCard {...props} />
        <OverdueActionsCard {...props} />
        <DeadlinesCard {...props} />
      </Section>
      <Section id="firearms-h" title="Firearms">
        <RuleFlagsCard {...props} />
        <WeaponsOutCard {...props} />
        <PendingWitnessCard {...props} />
        <ComplianceCard {...props} />
        <ArmorerCard {...props} />
      </Section>
      <Section id="incidents-h" title="Incidents">
        <SeverityCard {...props} />
        <TypeCard {...props} />
        <UnassignedCard {...props} />
      </Section>
      <div className="mt-4">
        <WeeklyCard {...props} />
      </div>
    </>
  );
}
