import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { can } from '@/app/lib/policy';
import { Card, CardTitle, PageHeader } from '@/components/ui/card';
import { SettingsForm } from '@/components/productions/settings-form';
import { TimeZoneList } from '@/components/productions/time-zone-list';
import { setTwoFactorRequirement, updateProduction } from './actions';
import { RequireTwoFactorForm } from '@/components/account/require-two-factor-form';

export const metadata: Metadata = { title: 'Production settings' };

export default async function SettingsPage({ params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  if (!can(actor.role, 'production.manage')) forbidden();
  const p = actor.production;
  const wrapped = p.phase === 'wrapped';
  return (
    <>
      <PageHeader title="Production settings" subtitle={wrapped ? 'Wrapped: read-only. Only the site admin can reopen it.' : 'Producers only. Every change is audited.'} />
      <Card aria-labelledby="details-h" className="max-w-2xl">
        <CardTitle id="details-h">Details</CardTitle>
        <SettingsForm
          readOnly={wrapped}
          save={updateProduction.bind(null, p.id)}
          values={{
            title: p.title,
            company: p.company,
            locations: p.locations,
            startDate: p.startDate ?? '',
            endDate: p.endDate ?? '',
            timeZone: p.timeZone,
            phase: p.phase,
          }}
        />
        <TimeZoneList />
      </Card>
      <Card aria-labelledby="tf-req-h" className="mt-4 max-w-2xl">
        <CardTitle id="tf-req-h">Two-factor sign-in</CardTitle>
        <RequireTwoFactorForm required={p.requireTwoFactor} who="producers and auditors" readOnly={wrapped} save={setTwoFactorRequirement.bind(null, p.id)} />
      </Card>
    </>
  );
}
