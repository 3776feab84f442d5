import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { listWhoWasTold } from '@/db/queries/delivery';
import { WhoWasTold } from '@/components/delivery/who-was-told';
import { can } from '@/app/lib/policy';
import { LABELS } from '@/app/lib/enums';
import { INJURY_FIELD_LABELS, INJURY_PERSONAL_FIELDS, type InjuryInput } from '@/app/lib/schemas/incidents';
import { formatInZone, formatStamp, localDate, toLocalDateTime } from '@/app/lib/time';
import { rule1Applies } from '@/app/lib/rules';
import { getIncidentDetail, listFirearmOptions, type IncidentDetail, type InjuryView, type PersonView } from '@/db/queries/incidents';
import { CASE_CLASSIFICATION_LABELS, CASE_TYPE_LABELS, JURISDICTION_LABELS, PRIVACY_REASON_LABELS, REPORT_TO } from '@/app/lib/rules/osha';
import { InjuredPersonForm, OshaReportForm, RecordabilityForm } from '@/components/incidents/people-forms';
import { Card, CardTitle, EmptyState, Facts } from '@/components/ui/card';
import { Badge, HoldBadge, SeverityBadge, StatusBadge } from '@/components/ui/badge';
import { Timeline } from '@/components/incidents/timeline';
import { Deadlines } from '@/components/incidents/deadlines';
import { MarkDoneButton } from '@/components/incidents/mark-done-button';
import { DuplicateForm, OwnerForm, SeverityForm, StatusForm } from '@/components/incidents/triage-forms';
import { CommentForm, CorrectiveActionForm, EditDetailsForm, InjuryClockForm } from '@/components/incidents/detail-forms';
import type { Actor } from '@/app/lib/actor';
import { ReporterConversation } from '@/components/incidents/reporter-conversation';
import { AttachmentsPanel } from '@/components/incidents/attachments-panel';
import { SignalPanel } from '@/components/signals/signal-panel';
import { signalsOfIncident } from '@/db/queries/signals';
import { RuleRef } from '@/components/ui/rule-ref';

export const metadata: Metadata = { title: 'Incident' };

type Props = { params: Promise<{ productionId: string; incidentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const INJURY_KEYS = Object.keys(INJURY_FIELD_LABELS) as (keyof InjuryInput)[];
const BOOL_KEYS = new Set(['emergencyRoom', 'hospitalizedInpatient', 'died', 'amputation', 'lossOfEye']);

function injuryDefaults(v: InjuryView | null | undefined, personal: boolean): InjuryInput {
  const out: Record<string, unknown> = {};
  for (const k of INJURY_KEYS) {
    if (!personal && (INJURY_PERSONAL_FIELDS as readonly string[]).includes(k)) continue;
    const val = v?.[k as keyof InjuryView];
    out[k] = BOOL_KEYS.has(k) ? val === true : typeof val === 'string' ? val : '';
  }
  return out as InjuryInput;
}

function show(v: unknown) {
  if (v === true) return 'Yes';
  if (v === false) return 'No';
  if (v === null || v === undefined || v === '') return <span className="text-muted">Not given</span>;
  return String(v);
}

export default async function IncidentPage({ params, searchParams }: Props) {
  const { productionId, incidentId } = await params;
  const actor = await requireMember(productionId);
  const now = new Date();
  const d = getIncidentDetail(actor, incidentId, now);
  if (!d) notFound();
  const sp = await searchParams;
  const i = d.incident;
  const tz = actor.production.timeZone;
  const pid = actor.productionId;
  const base = `/productions/${pid}/incidents`;
  const standing = d.holds.find((h) => !h.liftedAt);
  const auditor = actor.role === 'auditor';
  // The anonymous reporter's questions and answers have their own card (ReporterConversation).
  const comments = d.comments.filter((c) => c.kind === 'comment');
  const told = listWhoWasTold(actor, [`${base}/${i.id}`, `${base}/${i.id}#comments`]);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 flex flex-wrap justify-between gap-x-4 text-sm">
        <Link href={base} className="inline-flex min-h-11 items-center font-semibold text-brand underline-offset-2 hover:underline">
          ← {auditor || actor.role !== 'crew' ? 'All incidents' : 'My reports'}
        </Link>
        {/* The printable report carries audit entries: producers and auditors (ARCHITECTURE.md: permission matrix). */}
        {can(actor.role, 'audit.view') ? (
          <Link href={`${base}/${i.id}/report`} className="inline-flex min-h-11 items-center font-semibold text-brand underline-offset-2 hover:underline">
            Printable report
          </Link>
        ) : null}
      </nav>

      {sp.filed ? <FiledNotice number={i.number} standing={!!standing} /> : null}

      <header className="mb-4">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
          Report #{i.number}: {LABELS.incidentType[i.type]}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <SeverityBadge severity={i.severity} />
          <StatusBadge status={i.status} />
          {d.firearmRelated ? <Badge tone="info">Firearm-related</Badge> : null}
          {i.duplicateOfId ? <Badge>Duplicate</Badge> : null}
          {standing ? <HoldBadge /> : null}
        </div>
        <p className="mt-2 text-muted">
          Filed by {d.reporterName ?? 'a former member'} · {formatStamp(i.reportedAt, tz, i.anonymous)}
          {auditor ? ' · read-only: auditors observe' : ''}
        </p>
      </header>

      {/* Rule 7: a critical report waits for a producer's acknowledgement, in plain sight. */}
      <SignalPanel productionId={pid} signals={signalsOfIncident(actor, i.id)} timeZone={tz} />

      {/*
        One grid: on a phone the cards stack in this order (facts, then the workflow); on a wide
        screen the workflow sits in the right column beside everything else, so no card stretches.
      */}
      <div className="grid gap-4 lg:grid-cols-3 lg:items-start">
        <Card aria-labelledby="facts-h" className="lg:col-span-2">
          <CardTitle id="facts-h">What was reported</CardTitle>
          <Facts items={facts(d, tz, base)} />
        </Card>
        <div className="lg:col-start-3 lg:row-span-8 lg:row-start-1">
          <WorkflowCard d={d} pid={pid} />
        </div>

        {d.can.edit ? (
          <details className="group rounded-xl border border-line bg-surface shadow-sm lg:col-span-2" open={sp.edit ? true : undefined}>
            <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between px-4 font-semibold sm:px-5">
              <span>{d.isReporter ? 'Add or change details of your report' : 'Add or change details'}</span>
              <span aria-hidden="true" className="text-muted group-open:rotate-180">▾</span>
            </summary>
            <div className="border-t border-line p-4 sm:p-5">
              <EditDetailsForm
                productionId={pid}
                incidentId={i.id}
                timeZone={tz}
                nowLocal={toLocalDateTime(now, tz)}
                firearms={listFirearmOptions(actor)}
                defaults={{
                  description: i.description,
                  location: i.location,
                  scene: i.scene,
                  occurredAt: i.occurredAt ? toLocalDateTime(i.occurredAt, tz) : '',
                  immediateActions: i.immediateActions,
                  peopleInvolved: i.peopleInvolved,
                  firearmIds: d.firearms.map((f) => f.id),
                }}
              />
            </div>
          </details>
        ) : null}

        {i.type === 'injury' || d.people.length || d.can.people ? <PeopleCard d={d} actor={actor} now={now} /> : null}

        {/*
          Anonymous reports and photos (ARCHITECTURE.md: anonymous reports): the conversation with an anonymous reporter, and
          the photos of any incident, between the facts and the corrective actions.
        */}
        <ReporterConversation actor={actor} incidentId={i.id} className="lg:col-span-2" />
        <AttachmentsPanel actor={actor} incidentId={i.id} className="lg:col-span-2" />

        <ActionsCard d={d} pid={pid} today={localDate(now, tz)} tz={tz} />
        <Card aria-labelledby="comments-h" id="comments" className="lg:col-span-2">
          <CardTitle id="comments-h">Comments ({comments.length})</CardTitle>
          {comments.length ? (
            <ul className="mb-4 flex flex-col gap-3">
              {comments.map((c) => (
                <li key={c.id} className="rounded-lg bg-canvas p-3">
                  <p className="text-sm text-muted">
                    <span className="font-semibold text-ink">{c.authorName}</span> · {formatStamp(c.createdAt, tz, c.byReporter)}
                    {c.kind !== 'comment' ? ` · ${c.kind === 'question' ? 'question to the reporter' : c.kind === 'answer' ? 'reporter’s answer' : 'from the reporter'}` : ''}
                  </p>
                  <p className="whitespace-pre-line break-words">{c.body}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-4 text-muted">No comments yet.</p>
          )}
          {d.can.comment ? <CommentForm productionId={pid} incidentId={i.id} /> : null}
        </Card>

        {told ? <WhoWasTold rows={told} timeZone={tz} id="told-h" /> : null}

        <Card aria-labelledby="timeline-h" className="lg:col-span-2">
          <CardTitle id="timeline-h">Timeline</CardTitle>
          <p className="mb-3 text-sm text-muted">Everything that happened to this report, from the audit trail. Times in {tz}.</p>
          <Timeline entries={d.timeline} timeZone={tz} />
        </Card>
      </div>
    </>
  );
}

const INJURY_GROUPS: { title: string; keys: (keyof InjuryInput)[] }[] = [
  { title: 'The employee', keys: [...INJURY_PERSONAL_FIELDS] },
  { title: 'The case', keys: ['caseNumber', 'timeBeganWork', 'activityBefore', 'howOccurred', 'injuryDescription', 'harmingObject', 'died', 'deathDate', 'amputation', 'lossOfEye'] },
  { title: 'Completed by', keys: ['completedBy', 'completedTitle', 'completedPhone'] },
];

/** Label above value, two columns on wide screens: the Form 301 labels are long. */
function InjuryFacts({ injury, personal }: { injury: InjuryView; personal: boolean }) {
  return (
    <div className="flex flex-col gap-4">
      {INJURY_GROUPS.filter((g) => personal || g.title !== 'The employee').map((g) => (
        <section key={g.title} aria-label={g.title}>
          <h3 className="mb-2 border-b-2 border-line pb-1 font-bold">{g.title}</h3>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {g.keys.map((k) => (
              <div key={k}>
                <dt className="text-sm font-semibold text-muted">{INJURY_FIELD_LABELS[k]}</dt>
                <dd className="break-words whitespace-pre-line">{show(injury?.[k as keyof InjuryView])}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

function blankAnswer(v: boolean | null | undefined): '' | 'yes' | 'no' {
  return v === true ? 'yes' : v === false ? 'no' : '';
}

/**
 * The injured people of the report (ARCHITECTURE.md: OSHA recordkeeping): each an OSHA case with
 * its clocks under the production's jurisdiction, the report made, its recordability and its
 * Form 301 section; and a form to add another person.
 */
function PeopleCard({ d, actor, now }: { d: IncidentDetail; actor: Actor; now: Date }) {
  const i = d.incident;
  const tz = actor.production.timeZone;
  const pid = actor.productionId;
  const nowLocal = toLocalDateTime(now, tz);
  const jurisdiction = actor.production.jurisdiction;
  return (
    <Card aria-labelledby="people-h" id="people" className="lg:col-span-2">
      <CardTitle id="people-h">Injured people ({d.people.length})</CardTitle>
      <p className="mb-3 text-sm text-muted">
        Each person is an OSHA case with its own Form 301, clocks and recordability. Clocks follow {JURISDICTION_LABELS[jurisdiction]}.
      </p>
      {d.people.length === 0 ? <div className="mb-4"><EmptyState>No injured person recorded yet.</EmptyState></div> : null}
      <div className="flex flex-col gap-6">
        {d.people.map((p) => (
          <PersonSection key={p.injury.id} p={p} d={d} pid={pid} tz={tz} nowLocal={nowLocal} reportTo={REPORT_TO[jurisdiction]} />
        ))}
      </div>
      {d.can.people ? (
        <details className="group mt-4 rounded-lg border border-line" open={i.type === 'injury' && d.people.length === 0 ? true : undefined}>
          <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between px-3 font-semibold">
            <span>Add an injured person</span>
            <span aria-hidden="true" className="text-muted group-open:rotate-180">▾</span>
          </summary>
          <div className="border-t border-line p-3">
            <InjuredPersonForm productionId={pid} incidentId={i.id} personId={null} defaults={{ injury: injuryDefaults(null, d.personalVisible), diedAt: '', learnedAt: '' }} personal={d.personalVisible} timeZone={tz} nowLocal={nowLocal} />
          </div>
        </details>
      ) : null}
      {!d.personalVisible && d.people.length ? (
        <p className="mt-3 rounded-lg bg-canvas p-3 text-sm text-muted">The employee’s personal details are visible to producers, auditors and the reporter only.</p>
      ) : null}
    </Card>
  );
}

function PersonSection({ p, d, pid, tz, nowLocal, reportTo }: { p: PersonView; d: IncidentDetail; pid: string; tz: string; nowLocal: string; reportTo: string }) {
  const j = p.injury;
  const i = d.incident;
  const hId = `person-${j.ordinal}-h`;
  const owesReport = p.deadlines.some((x) => x.key !== 'form_301') || !!j.oshaReportedAt;
  const dec = p.decision;
  const logName = dec.privacyCase ? 'Privacy case (29 CFR 1904.29(b)(7))' : null;
  return (
    <section aria-labelledby={hId} className="flex min-w-0 flex-col gap-4 rounded-lg border-2 border-line p-3 sm:p-4" data-testid={`person-${j.ordinal}`}>
      <h3 id={hId} className="text-lg font-bold break-words">
        Injured person {j.ordinal}
        {d.personalVisible && j.employeeName ? `: ${j.employeeName}` : ''}
      </h3>
      <div>
        <h4 className="mb-2 font-semibold">Legal clocks</h4>
        <Deadlines deadlines={p.deadlines} timeZone={tz} />
        {j.oshaReportedAt ? (
          <p className="mt-2 text-sm break-words" data-testid={`person-${j.ordinal}-report`}>
            Reported {formatInZone(j.oshaReportedAt, tz)} to {j.oshaReportedTo ?? 'an unrecorded office'}
            {j.oshaReference ? ` · reference ${j.oshaReference}` : ''}
          </p>
        ) : null}
        {d.can.osha && owesReport ? (
          <div className="mt-3 border-t border-line pt-3">
            <OshaReportForm productionId={pid} incidentId={i.id} personId={j.id} nowLocal={nowLocal} timeZone={tz} defaultTo={j.oshaReportedTo ?? reportTo} />
          </div>
        ) : null}
        {d.can.triage ? (
          <div className="mt-3 border-t border-line pt-3">
            <InjuryClockForm productionId={pid} incidentId={i.id} personId={j.id} clock="form301_completed" label="Form 301 completed at" nowLocal={nowLocal} timeZone={tz} />
          </div>
        ) : null}
      </div>
      <div>
        <h4 className="mb-2 font-semibold">Recordability (29 CFR 1904)</h4>
        <p className="font-semibold" data-testid={`person-${j.ordinal}-recordability`}>
          {j.recordability === 'recordable' ? 'Recordable' : j.recordability === 'not_recordable' ? 'Not recordable' : 'Not decided yet'}
          {j.recordability === 'recordable' && dec.classification ? ` — ${CASE_CLASSIFICATION_LABELS[dec.classification]}` : ''}
        </p>
        {j.recordability ? <p className="text-sm break-words text-muted">{dec.reason}{p.decidedBy ? ` Decided by ${p.decidedBy}.` : ''}</p> : null}
        {j.recordability === 'recordable' ? (
          <Facts
            items={[
              { term: 'Type (column M)', value: j.caseType ? CASE_TYPE_LABELS[j.caseType] : show('') },
              { term: 'Days away / restricted', value: `${dec.daysAway} / ${dec.daysRestricted}` },
              { term: 'Name on the log', value: logName ?? (d.personalVisible ? show(j.employeeName) : 'Shown to producers and auditors') },
              ...(j.privacyReason ? [{ term: 'Privacy reason', value: PRIVACY_REASON_LABELS[j.privacyReason] }] : []),
            ]}
          />
        ) : null}
        {d.can.osha ? (
          <details className="group mt-3 rounded-lg border border-line">
            <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between px-3 font-semibold">
              <span>Decide recordability</span>
              <span aria-hidden="true" className="text-muted group-open:rotate-180">▾</span>
            </summary>
            <div className="border-t border-line p-3">
              <RecordabilityForm
                productionId={pid}
                incidentId={i.id}
                personId={j.id}
                died={j.died === true}
                defaults={{
                  workRelated: blankAnswer(j.workRelated), newCase: blankAnswer(j.newCase), daysAwayFromWork: blankAnswer(j.daysAwayFromWork),
                  daysAway: j.daysAway === null || j.daysAway === undefined ? '' : String(j.daysAway), restrictedOrTransferred: blankAnswer(j.restrictedOrTransferred), daysRestricted: j.daysRestricted === null || j.daysRestricted === undefined ? '' : String(j.daysRestricted),
                  medicalTreatment: blankAnswer(j.medicalTreatment), firstAid: j.firstAid ?? [], lossOfConsciousness: blankAnswer(j.lossOfConsciousness),
                  significantDiagnosis: blankAnswer(j.significantDiagnosis), caseType: j.caseType ?? '', privacyReason: j.privacyReason ?? '',
                }}
              />
            </div>
          </details>
        ) : null}
      </div>
      <div>
        <h4 className="mb-2 flex flex-wrap items-center justify-between gap-2 font-semibold">
          OSHA Form 301
          {d.can.oshaForms ? <Link className="inline-flex min-h-11 items-center text-sm text-brand underline" href={`/productions/${pid}/osha/cases/${j.id}`}>Printable Form 301</Link> : null}
        </h4>
        <InjuryFacts injury={j} personal={d.personalVisible} />
        {d.can.people ? (
          <details className="group mt-3 rounded-lg border border-line">
            <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between px-3 font-semibold">
              <span>Change Form 301 details</span>
              <span aria-hidden="true" className="text-muted group-open:rotate-180">▾</span>
            </summary>
            <div className="border-t border-line p-3">
              <InjuredPersonForm
                productionId={pid}
                incidentId={i.id}
                personId={j.id}
                defaults={{ injury: injuryDefaults(j, d.personalVisible), diedAt: j.diedAt ? toLocalDateTime(j.diedAt, tz) : '', learnedAt: j.learnedAt ? toLocalDateTime(j.learnedAt, tz) : '' }}
                personal={d.personalVisible}
                timeZone={tz}
                nowLocal={nowLocal}
              />
            </div>
          </details>
        ) : null}
      </div>
    </section>
  );
}

function FiledNotice({ number, standing }: { number: number; standing: boolean }) {
  return (
    <div role="status" className="mb-4 rounded-xl border-2 border-ok bg-ok-soft p-4" data-testid="filed-notice">
      <p className="text-lg font-bold text-ok">✓ Report #{number} filed. Producers have been told.</p>
      {standing ? (
        <p className="mt-1 font-semibold text-hold">
          <span aria-hidden="true">■ </span>Work has stopped: the production is on a stop-work hold (<RuleRef n={1} />) until a producer lifts it in writing.
        </p>
      ) : (
        <p className="mt-1">You can add more detail below at any time.</p>
      )}
    </div>
  );
}

function facts(d: IncidentDetail, tz: string, base: string) {
  const i = d.incident;
  const ref = (r: { id: string; number: number; canOpen: boolean }) => (r.canOpen ? <Link key={r.id} className="text-brand underline" href={`${base}/${r.id}`}>#{r.number}</Link> : <span key={r.id}>#{r.number}</span>);
  const items = [
    { term: 'What happened', value: <span className="whitespace-pre-line">{i.description}</span> },
    { term: 'Where', value: i.location },
    { term: 'Scene / setup', value: show(i.scene) },
    { term: 'When', value: i.occurredAt ? formatStamp(i.occurredAt, tz, i.anonymous) : <span className="text-muted">Not given yet</span> },
    { term: 'Immediate actions', value: i.immediateActions ? <span className="whitespace-pre-line">{i.immediateActions}</span> : show('') },
    { term: 'People involved', value: i.peopleInvolved ? <span className="whitespace-pre-line">{i.peopleInvolved}</span> : show('') },
    { term: 'Weapons', value: d.firearms.length ? d.firearms.map((f) => `${f.tag} (${f.make} ${f.model})`).join(', ') : <span className="text-muted">None linked</span> },
  ];
  if (i.resolution) items.push({ term: 'Resolution', value: <span className="whitespace-pre-line">{i.resolution}</span> });
  if (d.duplicateOf) items.push({ term: 'Duplicate of', value: ref(d.duplicateOf) });
  if (d.duplicates.length) items.push({ term: 'Duplicates', value: <span className="flex flex-wrap gap-2">{d.duplicates.map(ref)}</span> });
  if (d.holds.length) {
    items.push({
      term: 'Stop-work hold',
      value: (
        <Link href={base.replace(/\/incidents$/, '/hold')} className="text-brand underline">
          {d.holds.some((h) => !h.liftedAt) ? 'Standing — see the hold' : 'Lifted — see the history'}
        </Link>
      ),
    });
  }
  return items;
}

function WorkflowCard({ d, pid }: { d: IncidentDetail; pid: string }) {
  const i = d.incident;
  return (
    <Card aria-labelledby="workflow-h">
      <CardTitle id="workflow-h">Workflow</CardTitle>
      <Facts
        items={[
          { term: 'Status', value: <StatusBadge status={i.status} /> },
          { term: 'Severity', value: <SeverityBadge severity={i.severity} /> },
          { term: 'Owner', value: d.ownerName ?? <span className="text-muted">Unassigned</span> },
        ]}
      />
      {d.can.triage ? (
        <div className="mt-4 flex flex-col gap-5 border-t border-line pt-4">
          <StatusForm productionId={pid} incidentId={i.id} status={i.status} />
          <SeverityForm productionId={pid} incidentId={i.id} severity={i.severity} locked={rule1Applies({ type: i.type, firearmLinked: d.firearms.length > 0, injured: d.people.length > 0 })} />
          <OwnerForm productionId={pid} incidentId={i.id} ownerId={i.ownerId} options={d.ownerOptions} />
          {!i.duplicateOfId ? <DuplicateForm productionId={pid} incidentId={i.id} /> : null}
        </div>
      ) : (
        <p className="mt-4 text-sm text-muted">
          {d.firearmRelated ? 'Producers and the armorer' : 'Producers'} triage this report{d.isReporter ? '; you hear of every change.' : '.'}
        </p>
      )}
    </Card>
  );
}

function ActionsCard({ d, pid, today, tz }: { d: IncidentDetail; pid: string; today: string; tz: string }) {
  return (
    <Card aria-labelledby="actions-h" className="lg:col-span-2">
      <CardTitle id="actions-h">Corrective actions ({d.actions.length})</CardTitle>
      {d.actions.length ? (
        <ul className="mb-4 divide-y divide-line">
          {d.actions.map((a) => (
            <li key={a.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div className="min-w-0 flex-1">
                <p className="font-semibold break-words">{a.what}</p>
                <p className="text-sm text-muted">
                  {a.ownerName} · due {a.dueDate}
                  {a.doneAt ? ` · done ${formatInZone(a.doneAt, tz)} by ${a.doneByName}` : ''}
                </p>
                <div className="mt-1">
                  {a.doneAt ? <Badge tone="ok">✓ Done</Badge> : a.overdue ? <Badge tone="danger">✗ Overdue</Badge> : <Badge tone="info">◷ Open</Badge>}
                </div>
              </div>
              {a.canMarkDone ? <MarkDoneButton productionId={pid} actionId={a.id} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <div className="mb-4"><EmptyState>No corrective actions yet.</EmptyState></div>
      )}
      {d.can.triage ? <CorrectiveActionForm productionId={pid} incidentId={d.incident.id} owners={d.actionOwnerOptions} today={today} /> : null}
    </Card>
  );
}
