import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { INCIDENT_TYPES, LABELS, SEVERITIES, type IncidentType } from '@/app/lib/enums';
import { can } from '@/app/lib/policy';
import { toLocalDateTime } from '@/app/lib/time';
import { listFirearmOptions } from '@/db/queries/incidents';
import { FileIncidentForm } from '@/components/incidents/file-incident-form';
import { Refusal } from '@/components/ui/refusal';
import { RuleRef } from '@/components/ui/rule-ref';

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
      <FileIncidentForm
        productionId={actor.productionId} ownerId={actor.userId} timeZone={tz} nowLocal={toLocalDateTime(new Date(), tz)} firearms={listFirearmOptions(actor)} defaultType={defaultType}
        typeOptions={INCIDENT_TYPES.map((value) => ({ value, label: LABELS.incidentType[value] }))}
        severityOptions={SEVERITIES.map((value) => ({ value, label: LABELS.severity[value] }))}
        notes={{
          critical: (
            <p role="note" className="rounded-lg border-2 border-hold bg-hold-soft p-3 font-semibold text-hold">
              <span aria-hidden="true">■ </span>This report is critical. Filing it stops work on the production at once and tells every producer (<RuleRef n={1} />).
            </p>
          ),
          injury: <p className="text-muted">Someone hurt? The OSHA Form 301 questions are under “Add more detail” — now or later.</p>,
          queued: (
            <>
              <p className="font-semibold">
                <span aria-hidden="true">⚠ </span>No signal — your report is saved on this phone and will be sent when the connection returns.
              </p>
              <p className="text-sm">SetSafe sends it by itself, once, the next time this phone has a connection and SetSafe is open.</p>
            </>
          ),
          restored: <p>Your unsent report was kept on this phone. Carry on where you left off.</p>,
        }}
      />
    </div>
  );
}
