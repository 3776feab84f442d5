import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { LABELS } from '@/app/lib/enums';
import { allowed, can } from '@/app/lib/policy';
import { isCurrent } from '@/app/lib/rules';
import { localDate } from '@/app/lib/time';
import { listMembers } from '@/db/queries/members';
import { listQualifications, type QualificationView } from '@/db/queries/scene-plans';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { RuleRef } from '@/components/ui/rule-ref';
import { FirearmsTabs } from '@/components/firearms/firearms-tabs';
import { QualificationForm } from '@/components/scene-plans/qualification-form';
import { CertificateUpload } from '@/components/scene-plans/certificate-upload';
import { formatInZone } from '@/app/lib/time';
import { QUALIFICATION_WARNING_DAYS, daysUntil } from '@/app/lib/firearms/qualification-dates';

export const metadata: Metadata = { title: 'Qualifications' };

export default async function QualificationsPage({ params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  if (!can(actor.role, 'qualification.view')) forbidden();
  const today = localDate(new Date(), actor.production.timeZone);
  const rows = listQualifications(actor);
  const record = allowed(actor, 'qualification.record');
  const members = record ? listMembers(actor).map((m) => ({ id: m.userId, label: `${m.name} · ${[LABELS.role[m.role], ...m.positions.map((p) => LABELS.position[p])].join(', ')}` })) : [];

  return (
    <>
      <FirearmsTabs actor={actor} />
      <PageHeader
        title="Qualifications"
        subtitle={
          <>
            Permits and trainings with their expiry: the firearms safety training Cal. Labor Code §9156 asks of those who handle firearms, handler permits, armorer
            certificates. A weapon goes only to a handler with a current training or permit (<RuleRef n={8} />); members are reminded {QUALIFICATION_WARNING_DAYS} days
            before one expires.
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="flex min-w-0 flex-col gap-4">
          {rows.length === 0 ? (
            <EmptyState>No qualification recorded yet.</EmptyState>
          ) : (
            <Card aria-labelledby="q-h">
              <CardTitle id="q-h">On record ({rows.length})</CardTitle>
              <ul className="divide-y divide-line">
                {rows.map((q) => {
                  const days = daysUntil(today, q.expiresOn);
                  const current = isCurrent(q, today);
                  return (
                    <li key={q.id} id={`q-${q.id}`} className="flex flex-col gap-2 py-2 [overflow-wrap:anywhere]">
                      <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:justify-between">
                      <span>
                        <span className="font-semibold">{q.member}</span> · {LABELS.qualificationKind[q.kind]}
                        <span className="block text-sm text-muted">
                          {q.issuer}
                          {q.reference ? ` · ${q.reference}` : ''} · issued {q.issuedOn} · expires {q.expiresOn}
                        </span>
                      </span>
                      {!current && days < 0 ? (
                        <Badge tone="danger">
                          <span aria-hidden="true">✕</span>Expired
                        </Badge>
                      ) : !current ? (
                        <Badge tone="warn">Not yet valid</Badge>
                      ) : days <= QUALIFICATION_WARNING_DAYS ? (
                        <Badge tone="warn">
                          <span aria-hidden="true">!</span>Expires in {days} day{days === 1 ? '' : 's'}
                        </Badge>
                      ) : (
                        <Badge tone="ok">
                          <span aria-hidden="true">✓</span>Current
                        </Badge>
                      )}
                      </div>
                      <Certificates productionId={productionId} q={q} timeZone={actor.production.timeZone} />
                      {record ? <CertificateUpload productionId={productionId} qualificationId={q.id} label={`${q.member}’s ${LABELS.qualificationKind[q.kind].toLowerCase()}`} /> : null}
                    </li>
                  );
                })}
              </ul>
            </Card>
          )}
        </div>
        {record ? (
          <Card aria-labelledby="rq-h" className="self-start">
            <CardTitle id="rq-h">Record a qualification</CardTitle>
            <QualificationForm productionId={productionId} members={members} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

function Certificates({ productionId, q, timeZone }: { productionId: string; q: QualificationView; timeZone: string }) {
  if (q.certificates.length === 0) return <p className="text-sm text-muted">No certificate scan on record.</p>;
  return (
    <ul className="flex flex-col gap-1 text-sm" aria-label={`Certificate scans of ${q.member}’s ${LABELS.qualificationKind[q.kind].toLowerCase()}`}>
      {q.certificates.map((c, i) => (
        <li key={c.id}>
          <a className="font-semibold text-brand underline" href={`/api/productions/${productionId}/qualifications/${q.id}/certificates/${c.id}`} {...(c.mime === 'application/pdf' ? { download: true } : { target: '_blank', rel: 'noopener' })}>
            Certificate scan {i + 1} ({c.mime === 'application/pdf' ? 'PDF, downloads' : 'photo'}, {Math.max(1, Math.round(c.size / 1024))} kB)
          </a>{' '}
          <span className="text-muted">
            added {formatInZone(c.createdAt, timeZone)} by {c.uploadedBy}
          </span>
        </li>
      ))}
    </ul>
  );
}
