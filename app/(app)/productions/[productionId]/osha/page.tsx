import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { allowed } from '@/app/lib/policy';
import { obligationsFor } from '@/app/lib/rules/obligations';
import { CASE_CLASSIFICATION_LABELS } from '@/app/lib/rules/osha';
import { listEstablishments, logYears, unassignedCases } from '@/db/queries/osha';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { EstablishmentForm } from '@/components/osha/establishment-form';
import { AssignCaseForm } from '@/components/osha/assign-case-form';
import { ObligationsList } from '@/components/osha/obligations-list';
import { assignCase, saveEstablishment } from './actions';

export const metadata: Metadata = { title: 'OSHA recordkeeping' };

/** Establishments, what each must do, and the recordable cases not yet on a log (ARCHITECTURE.md: OSHA recordkeeping). */
export default async function OshaPage({ params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  if (!allowed(actor, 'osha.view')) forbidden();
  const mayRecord = allowed(actor, 'osha.record');
  const establishments = listEstablishments(actor);
  const unassigned = unassignedCases(actor);
  const now = new Date();
  const base = `/productions/${productionId}/osha`;
  return (
    <>
      <PageHeader title="OSHA recordkeeping" subtitle="The Form 300 log and 300A summary per establishment and year, a Form 301 per case, and the ITA files. SetSafe keeps the records whether or not they are required." />
      {unassigned.length ? (
        <Card aria-labelledby="unassigned-h" className="mb-4">
          <CardTitle id="unassigned-h">Recordable cases not on a log ({unassigned.length})</CardTitle>
          <p className="mb-3 text-muted">Each recordable case goes on the log of the establishment where it happened (29 CFR 1904.30).</p>
          <ul className="flex flex-col gap-4">
            {unassigned.map((c) => (
              <li key={c.person.id} className="rounded-lg border border-line p-3" data-testid={`unassigned-${c.caseNumber}`}>
                <p className="font-semibold">
                  <Link className="text-brand underline" href={`/productions/${productionId}/incidents/${c.incident.id}`}>Report #{c.incident.number}</Link>, person {c.person.ordinal}: {c.logName}
                </p>
                <p className="mb-2 text-sm text-muted">{c.date} · {c.person.classification ? CASE_CLASSIFICATION_LABELS[c.person.classification] : ''}</p>
                <AssignCaseForm
                  label={`Log for case ${c.caseNumber}`}
                  readOnly={!mayRecord}
                  establishments={establishments.map((e) => ({ id: e.id, name: e.name }))}
                  values={{ personId: c.person.id, establishmentId: '', jobTitle: c.person.jobTitle ?? '' }}
                  save={assignCase.bind(null, productionId)}
                />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {establishments.length === 0 ? <EmptyState>No establishment yet. Add the stage or location the log is kept for.</EmptyState> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {establishments.map((e) => {
          const years = logYears(actor, e.id, now);
          return (
            <Card key={e.id} aria-labelledby={`est-${e.id}`} data-testid="establishment">
              <CardTitle id={`est-${e.id}`}>{e.name}</CardTitle>
              <p className="mb-3 text-muted">{[e.street, e.city, e.state, e.zip].filter(Boolean).join(', ') || 'No address yet'} · NAICS {e.naicsCode}</p>
              <h3 className="mb-2 font-semibold">Logs</h3>
              <ul className="mb-4 flex flex-wrap gap-2">
                {years.map((y) => (
                  <li key={y}><Link className="inline-flex min-h-11 items-center rounded-lg border border-line px-3 font-semibold text-brand" href={`${base}/${e.id}/${y}`}>{y} log</Link></li>
                ))}
              </ul>
              <h3 className="mb-2 font-semibold">What applies</h3>
              <ObligationsList items={obligationsFor({ naicsCode: e.naicsCode, state: e.state, jurisdiction: actor.production.jurisdiction, peakEmployees: e.peakEmployees, writtenRequest: e.writtenRequest })} />
            </Card>
          );
        })}
      </div>
      {mayRecord ? (
        <Card aria-labelledby="add-est-h" className="mt-4 max-w-2xl">
          <CardTitle id="add-est-h">Add an establishment</CardTitle>
          <EstablishmentForm label="Add an establishment" readOnly={false} save={saveEstablishment.bind(null, productionId)} />
        </Card>
      ) : null}
    </>
  );
}
