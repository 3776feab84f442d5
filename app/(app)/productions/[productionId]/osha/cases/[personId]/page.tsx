import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { forbidden, notFound } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { allowed } from '@/app/lib/policy';
import { formatInZone } from '@/app/lib/time';
import { getCase } from '@/db/queries/osha';
import { buttonClass } from '@/components/ui/button';
import { PrintButton } from '@/components/audit/print-button';
import { FormHead } from '@/components/osha/form-head';

export const metadata: Metadata = { title: 'OSHA Form 301' };

const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'Yes' : 'No');

function Item({ n, label, value }: { n?: number; label: string; value: ReactNode }) {
  return (
    <div className="border-b border-line py-1.5 break-inside-avoid" data-item={n ?? undefined}>
      <p className="text-xs text-muted print:text-black">{n ? `(${n}) ` : ''}{label}</p>
      <p className="font-semibold break-words whitespace-pre-wrap">{value || '—'}</p>
    </div>
  );
}

/** OSHA Form 301, the Injury and Illness Incident Report of one case (29 CFR 1904.29(b)(2)); kept with the personal fields, for producers and auditors. */
export default async function Form301Page({ params }: { params: Promise<{ productionId: string; personId: string }> }) {
  const { productionId, personId } = await params;
  const actor = await requireMember(productionId);
  if (!allowed(actor, 'osha.view')) forbidden();
  const c = getCase(actor, personId);
  if (!c) notFound();
  const p = c.person;
  const tz = actor.production.timeZone;
  return (
    <>
      <nav className="no-print mb-3 flex flex-wrap gap-2" aria-label="OSHA forms">
        {c.establishment ? <Link className={buttonClass('secondary')} href={`/productions/${productionId}/osha/${c.establishment.id}/${c.date.slice(0, 4)}`}>Form 300 log</Link> : null}
        <Link className={buttonClass('secondary')} href={`/productions/${productionId}/incidents/${c.incident.id}`}>The report</Link>
        <PrintButton />
      </nav>
      <article data-osha-form aria-labelledby="f301-h" className="mx-auto max-w-4xl rounded-xl border border-line bg-surface p-3 sm:p-6 print:max-w-none print:border-0 print:p-0" data-testid="form-301">
        <FormHead form="Form 301" title="Injury and Illness Incident Report" note="Attention: this form contains information relating to employee health and must be used in a manner that protects the confidentiality of employees to the extent possible while the information is being used for occupational safety and health purposes.">
          <p className="mt-2 text-sm" id="f301-h">Case {c.caseNumber} · report #{c.incident.number}, person {p.ordinal}{c.establishment ? ` · ${c.establishment.name}` : ' · not yet on a log'}</p>
        </FormHead>
        <div className="grid gap-6 md:grid-cols-2">
          <section aria-labelledby="emp-h">
            <h2 id="emp-h" className="mb-1 font-bold">Information about the employee</h2>
            <Item n={1} label="Full name" value={p.employeeName} />
            <Item n={2} label="Street, city, state, zip" value={p.employeeAddress} />
            <Item n={3} label="Date of birth" value={p.employeeBirthDate} />
            <Item n={4} label="Date hired" value={p.employeeHiredDate} />
            <Item n={5} label="Male / female" value={p.employeeSex === 'male' ? 'Male' : p.employeeSex === 'female' ? 'Female' : ''} />
            <h2 className="mt-4 mb-1 font-bold">Information about the physician or other health care professional</h2>
            <Item n={6} label="Name of physician or other health care professional" value={p.physicianName} />
            <Item n={7} label="If treatment was given away from the worksite, where was it given?" value={p.facilityNameAddress} />
            <Item n={8} label="Was the employee treated in an emergency room?" value={yesNo(p.emergencyRoom)} />
            <Item n={9} label="Was the employee hospitalized overnight as an in-patient?" value={yesNo(p.hospitalizedInpatient)} />
          </section>
          <section aria-labelledby="case-h">
            <h2 id="case-h" className="mb-1 font-bold">Information about the case</h2>
            <Item n={10} label="Case number from the Log" value={c.caseNumber} />
            <Item n={11} label="Date of injury or illness" value={c.date} />
            <Item n={12} label="Time employee began work" value={p.timeBeganWork} />
            <Item n={13} label="Time of event" value={c.time ?? 'Cannot be determined'} />
            <Item n={14} label="What was the employee doing just before the incident occurred?" value={p.activityBefore} />
            <Item n={15} label="What happened?" value={p.howOccurred} />
            <Item n={16} label="What was the injury or illness?" value={p.injuryDescription} />
            <Item n={17} label="What object or substance directly harmed the employee?" value={p.harmingObject} />
            <Item n={18} label="If the employee died, when did death occur?" value={p.died ? (p.deathDate ?? (p.diedAt ? formatInZone(p.diedAt, tz) : 'Date not recorded')) : ''} />
          </section>
        </div>
        <section aria-labelledby="by-h" className="mt-4">
          <h2 id="by-h" className="mb-1 font-bold">Completed by</h2>
          <div className="grid gap-x-6 sm:grid-cols-2">
            <Item label="Completed by" value={p.completedBy} />
            <Item label="Title" value={p.completedTitle} />
            <Item label="Phone" value={p.completedPhone} />
            <Item label="Date" value={p.form301CompletedAt ? formatInZone(p.form301CompletedAt, tz, { time: false }) : ''} />
          </div>
        </section>
      </article>
    </>
  );
}
