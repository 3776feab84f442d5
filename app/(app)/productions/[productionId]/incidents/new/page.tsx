import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { INCIDENT_TYPES, type IncidentType } from '@/app/lib/enums';
import { can } from '@/app/lib/policy';
import { toLocalDateTime } from '@/app/lib/time';
import { listFirearmOptions } from '@/db/queries/incidents';
import { FileIncidentForm } from '@/components/incidents/file-incident-form';
import { Refusal } from '@/components/ui/refusal';

export const metadata: Metadata = { title: 'Report an incident' };

export default async function NewIncidentPage({
  params,
  searchParams,
}: {
  params: Promise<{ productionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  // Auditors observe: a real 403 (app/forbidden.tsx), and the core refuses them too.
  if (!can(actor.role, 'incident.file')) forbidden();
  if (actor.production.phase === 'wrapped') {
    return <Refusal title="This production is wrapped">Its records are read-only. Nothing new can be filed.</Refusal>;
  }
  const sp = await searchParams;
  const t = typeof sp.type === 'string' ? sp.type : undefined;
  const defaultType = INCIDENT_TYPES.includes(t as IncidentType) ? (t as IncidentType) : undefined;
  const tz = actor.production.timeZone;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Report an incident</h1>
      <p className="mt-1 mb-5 text-muted">Three answers are enough to file. Add the rest now or later.</p>
      <FileIncidentForm productionId={actor.productionId} ownerId={actor.userId} timeZone={tz} nowLocal={toLocalDateTime(new Date(), tz)} firearms={listFirearmOptions(actor)} defaultType={defaultType} />
    </div>
  );
}
