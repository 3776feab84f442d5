import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { forbidden, notFound } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { can } from '@/app/lib/policy';
import { LABELS } from '@/app/lib/enums';
import { formatInZone, formatStamp, isStoredDayOnly } from '@/app/lib/time';
import { actionLabel } from '@/app/lib/audit-diff';
import { getIncidentReport, type IncidentReport } from '@/db/queries/report';
import { Facts } from '@/components/ui/card';
import { SeverityBadge, StatusBadge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { EntryDiffView } from '@/components/audit/entry-diff';
import { PrintHeader } from '@/components/audit/print-header';
import { Timeline } from '@/components/incidents/timeline';
import { Deadlines } from '@/components/incidents/deadlines';

export const metadata: Metadata = { title: 'Incident report' };

const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? 'Not recorded' : v ? 'Yes' : 'No');
const text = (v: string | null | undefined) => (v && v.trim() ? v : 'Not recorded');

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-6 break-inside-avoid-page print:mt-4">
      <h2 id={id} className="mb-2 border-b-2 border-ink pb-1 text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Prose({ label, value }: { label: string; value: string }) {
  return (
    <div className="mt-3">
      <h3 className="font-semibold">{label}</h3>
      <p className="whitespace-pre-wrap break-words">{value.trim() ? value : 'Not recorded.'}</p>
    </div>
  );
}

function Injured({ r, tz }: { r: IncidentReport; tz: string }) {
  if (!r.injured.length) return <p>No injury was recorded for this incident.</p>;
  return (
    <>
      {r.injured.map(({ person, deadlines }) => (
        <section key={person.id} aria-label={`Injured person ${person.ordinal}`} className="mb-4">
          <h3 className="mb-2 font-bold">Injured person {person.ordinal}</h3>
          <Injury j={person} deadlines={deadlines} personalVisible={r.showPersonal} tz={tz} />
        </section>
      ))}
    </>
  );
}

function Injury({ j, deadlines, personalVisible, tz }: { j: IncidentReport['injured'][number]['person']; deadlines: IncidentReport['injured'][number]['deadlines']; personalVisible: boolean; tz: string }) {
  const personal = personalVisible
    ? [
        { term: 'Employee', value: text(j.employeeName) },
        { term: 'Address', value: text(j.employeeAddress) },
        { term: 'Date of birth', value: text(j.employeeBirthDate) },
        { term: 'Date hired', value: text(j.employeeHiredDate) },
        { term: 'Sex', value: text(j.employeeSex) },
        { term: 'Physician or health-care professional', value: text(j.physicianName) },
        { term: 'Facility (name, address)', value: text(j.facilityNameAddress) },
      ]
    : [{ term: 'Personal details', value: 'Withheld: only producers, auditors and the reporter see them (injury privacy).' }];
  return (
    <>
      <p className="mb-2 text-sm text-muted">OSHA Form 301 fields. Confidential: holds employee health information.</p>
      <Facts
        items={[
          ...personal,
          { term: 'Emergency room', value: yesNo(j.emergencyRoom) },
          { term: 'Hospitalised overnight (in-patient)', value: yesNo(j.hospitalizedInpatient) },
          { term: 'Case number (OSHA 300 log)', value: text(j.caseNumber) },
          { term: 'Time began work', value: text(j.timeBeganWork) },
          { term: 'Doing just before', value: text(j.activityBefore) },
          { term: 'What happened', value: text(j.howOccurred) },
          { term: 'Injury or illness', value: text(j.injuryDescription) },
          { term: 'Object or substance', value: text(j.harmingObject) },
          { term: 'Died', value: j.died ? `Yes${j.deathDate ? `, ${j.deathDate}` : ''}` : 'No' },
          { term: 'Amputation / loss of an eye', value: `${yesNo(j.amputation)} / ${yesNo(j.lossOfEye)}` },
          { term: 'Completed by', value: [j.completedBy, j.completedTitle, j.completedPhone].filter(Boolean).join(', ') || 'Not recorded' },
        ]}
      />
      <h3 className="mt-4 mb-2 font-semibold">Legal deadlines</h3>
      <Deadlines deadlines={deadlines} timeZone={tz} />
    </>
  );
}

export default async function IncidentReportPage({ params }: { params: Promise<{ productionId: string; incidentId: string }> }) {
  const { productionId, incidentId } = await params;
  const actor = await requireMember(productionId);
  // The report prints audit entries: producers and auditors only (ARCHITECTURE.md: permission matrix), refused on the server (403).
  if (!can(actor.role, 'audit.view')) forbidden();
  const now = new Date();
  const r = getIncidentReport(actor, incidentId, now);
  if (!r) notFound();
  const i = r.incident;
  const p = actor.production;
  const tz = p.timeZone;

  return (
    <article aria-labelledby="report-h" className="mx-auto max-w-4xl rounded-xl border border-line bg-surface p-4 sm:p-8 print:max-w-none print:border-0 print:p-0">
      <PrintHeader
        production={p}
        title={`Incident report #${i.number}: ${LABELS.incidentType[i.type]}`}
        actions={
          <Link className={buttonClass('secondary')} href={`/productions/${productionId}/incidents/${i.id}`}>
            Back to the incident
          </Link>
        }
      >
        <p className="mt-1 flex flex-wrap items-center gap-2">
          <SeverityBadge severity={i.severity} /> <StatusBadge status={i.status} />
          <span className="text-sm text-muted">
            Printed {formatInZone(now, tz)} by {actor.name} ({LABELS.role[actor.role]}) · times in {tz}
          </span>
        </p>
      </PrintHeader>

      <Section id="s-summary" title="The incident">
        <Facts
          items={[
            { term: 'Happened', value: i.occurredAt ? formatStamp(i.occurredAt, tz, i.anonymous) : 'Time not given' },
            { term: 'Reported', value: i.anonymous ? `${formatStamp(i.reportedAt, tz, true)} (anonymous: day only)` : formatInZone(i.reportedAt, tz) },
            { term: 'Reported by', value: i.anonymous ? 'Anonymous report' : (r.reporterName ?? 'Unknown') },
            { term: 'Where', value: [i.location, i.scene].filter(Boolean).join(' · ') || 'Not recorded' },
            { term: 'Owner', value: r.ownerName ?? 'Not assigned' },
            { term: 'Weapons involved', value: r.weapons.length ? r.weapons.map((w) => `${w.tag} (${w.make} ${w.model}${w.serial ? `, serial ${w.serial}` : ''}, ${LABELS.firearmKind[w.kind]})`).join('; ') : 'None linked' },
            ...(r.duplicateOf ? [{ term: 'Duplicate of', value: `Incident #${r.duplicateOf.number}` }] : []),
            ...(i.closedAt ? [{ term: 'Closed', value: formatInZone(i.closedAt, tz) }] : []),
            { term: 'Photos', value: r.photoCount ? `${r.photoCount} attached (kept with the record)` : 'None' },
          ]}
        />
        <Prose label="What happened" value={i.description} />
        <Prose label="Immediate actions" value={i.immediateActions} />
        <Prose label="People involved" value={i.peopleInvolved} />
        {i.resolution ? <Prose label="Resolution" value={i.resolution} /> : null}
      </Section>

      <Section id="s-timeline" title="Timeline">
        <p className="mb-2 text-sm text-muted">
          {i.occurredAt ? `Happened ${formatStamp(i.occurredAt, tz, i.anonymous)} (as reported). ` : ''}Then, from the audit trail:
        </p>
        <div data-testid="report-timeline">
          {r.timeline.length ? <Timeline entries={r.timeline} timeZone={tz} /> : <p>No recorded changes yet.</p>}
        </div>
      </Section>

      <Section id="s-injury" title="Injury (OSHA Form 301)">
        <Injured r={r} tz={tz} />
      </Section>

      {r.holds.length ? (
        <Section id="s-holds" title="Stop-work holds">
          <ul className="flex flex-col gap-2">
            {r.holds.map(({ h, calledBy, liftedBy }) => (
              <li key={h.id}>
                <p className="font-semibold">{h.reason}</p>
                <p className="text-sm">
                  Called {formatStamp(h.calledAt, tz)} by {calledBy ?? (h.source === 'rule1' ? 'rule 1 (from a report)' : 'an anonymous report')}.{' '}
                  {h.liftedAt ? `Lifted ${formatInZone(h.liftedAt, tz)} by ${liftedBy ?? 'unknown'}: ${h.resolution ?? ''}` : 'Still standing.'}
                </p>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section id="s-actions" title="Corrective actions">
        {r.actions.length === 0 ? (
          <p>None recorded.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line">
            {r.actions.map(({ a, owner, doneBy }) => (
              <li key={a.id} className="py-2">
                <p className="font-semibold">{a.what}</p>
                <p className="text-sm">
                  Owner {owner ?? 'unknown'} · due {a.dueDate} ·{' '}
                  {a.doneAt ? `done ${formatInZone(a.doneAt, tz)}${doneBy ? ` by ${doneBy}` : ''}` : 'not done'}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="s-comments" title="Comments and questions">
        {r.comments.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line">
            {r.comments.map(({ c, author }) => (
              <li key={c.id} className="py-2">
                <p className="text-sm text-muted">
                  {c.authorId ? (author ?? 'Unknown') : 'The anonymous reporter'} · {formatStamp(c.createdAt, tz, !c.authorId)}
                  {c.kind !== 'comment' ? ` · ${c.kind.replace('_', ' ')}` : ''}
                </p>
                <p className="whitespace-pre-wrap break-words">{c.body}</p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="s-audit" title="Audit entries">
        {r.entries.length === 0 ? (
          <p>No audit entries refer to this incident.</p>
        ) : (
          <ol className="flex flex-col divide-y divide-line" data-testid="report-audit">
            {r.entries.map((e) => (
              <li key={e.id} className="break-inside-avoid py-2">
                <p>
                  <span className="font-mono text-sm">#{e.seq}</span> <span className="font-semibold">{actionLabel(e.action)}</span> ·{' '}
                  {formatStamp(e.at, tz, e.actorId === null && isStoredDayOnly(e.at, tz))} · {e.actorLabel}
                </p>
                <EntryDiffView diff={e.diff} timeZone={tz} />
                <p className="font-mono text-xs break-all text-muted">hash {e.hash}</p>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="s-chain" title="Chain head at printing">
        <p data-testid="report-chain-head">
          Audit chain of {p.title}: newest entry #{r.chain.db?.seq ?? 0}, hash <span className="font-mono text-sm break-all">{r.chain.db?.hash ?? 'none'}</span>.
        </p>
        <p className="mt-1 text-sm">
          Head kept outside the database: {r.chain.file ? `#${r.chain.file.seq}` : 'none recorded'} ({r.chain.matches ? 'matches' : 'differs: run a verification'}). Anyone
          holding this page can later check that the chain still contains this head.
        </p>
      </Section>
    </article>
  );
}
