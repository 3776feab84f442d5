import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from '@/app/lib/auth';
import { LABELS } from '@/app/lib/enums';
import { listAllProductions } from '@/db/queries/admin';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { CreateProductionForm } from '@/components/admin/create-production-form';
import { PhaseForm } from '@/components/admin/phase-form';
import { TimeZoneList } from '@/components/productions/time-zone-list';
import { createProduction, setAdminTwoFactorRequirement, setProductionPhase } from './actions';
import { RequireTwoFactorForm } from '@/components/account/require-two-factor-form';
import { adminsMustUseTwoFactor } from '@/app/lib/two-factor';

export const metadata: Metadata = { title: 'Site admin' };

export default async function AdminPage() {
  const user = await requireAdmin();
  const rows = listAllProductions(user);
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-6">
      <PageHeader
        title="Site admin"
        subtitle="Create productions and their first producer. You see a production’s records only if you are a member of it."
      />
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <Card aria-labelledby="prods-h">
          <CardTitle id="prods-h">Productions ({rows.length})</CardTitle>
          {rows.length === 0 ? (
            <EmptyState>No productions yet.</EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {rows.map((p) => (
                <li key={p.id} className="flex flex-col gap-3 py-4 first:pt-0" data-testid="admin-production">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <p className="text-lg font-semibold break-words">
                        {p.adminIsMember ? (
                          <Link className="text-brand underline-offset-2 hover:underline" href={`/productions/${p.id}`}>
                            {p.title}
                          </Link>
                        ) : (
                          p.title
                        )}
                      </p>
                      <p className="text-muted">{p.company}</p>
                    </div>
                    <Badge tone={p.phase === 'shooting' ? 'info' : p.phase === 'wrapped' ? 'neutral' : 'warn'}>{LABELS.phase[p.phase]}</Badge>
                  </div>
                  <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                    <dt className="font-semibold text-muted">Dates</dt>
                    <dd>{p.startDate || p.endDate ? `${p.startDate ?? '…'} to ${p.endDate ?? '…'}` : 'Not set'}</dd>
                    <dt className="font-semibold text-muted">Time zone</dt>
                    <dd>{p.timeZone}</dd>
                    <dt className="font-semibold text-muted">Members</dt>
                    <dd>{p.members}</dd>
                    <dt className="font-semibold text-muted">Producers</dt>
                    <dd className="break-words">
                      {p.producers.length
                        ? p.producers.map((x) => `${x.name} (${x.email}${x.active ? '' : ', invited'})`).join('; ')
                        : 'None'}
                    </dd>
                  </dl>
                  <PhaseForm productionId={p.id} title={p.title} phase={p.phase} setPhase={setProductionPhase} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card aria-labelledby="new-h">
          <CardTitle id="new-h">New production</CardTitle>
          <CreateProductionForm create={createProduction} />
          <TimeZoneList />
        </Card>
        <Card aria-labelledby="tf-admin-h">
          <CardTitle id="tf-admin-h">Two-factor sign-in</CardTitle>
          <RequireTwoFactorForm required={adminsMustUseTwoFactor()} who="site admins" save={setAdminTwoFactorRequirement} />
        </Card>
      </div>
    </main>
  );
}
