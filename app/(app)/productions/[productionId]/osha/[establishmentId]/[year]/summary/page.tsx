import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { loadOshaYear, type OshaYearParams } from '@/app/lib/osha/load-year';
import { ESTABLISHMENT_TYPE_LABELS } from '@/app/lib/rules/osha';
import { buttonClass } from '@/components/ui/button';
import { PrintButton } from '@/components/audit/print-button';
import { FormHead } from '@/components/osha/form-head';

export const metadata: Metadata = { title: 'OSHA Form 300A' };

function Box({ letter, label, value, testId }: { letter: string; label: string; value: ReactNode; testId: string }) {
  return (
    <div className="flex flex-col items-center rounded border border-ink p-2 text-center break-inside-avoid">
      <span className="text-2xl font-bold" data-testid={testId}>{value}</span>
      <span className="text-xs">({letter}) {label}</span>
    </div>
  );
}

function Line({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="flex flex-wrap justify-between gap-2 border-b border-line py-1">
      <span className="text-muted print:text-black">{label}</span>
      <span className="font-semibold break-words">{value || '—'}</span>
    </div>
  );
}

/** OSHA Form 300A, the summary of one establishment's year, posted February 1 to April 30 (29 CFR 1904.32). */
export default async function Form300APage({ params }: { params: OshaYearParams }) {
  const { productionId, year, o } = await loadOshaYear(params);
  const e = o.establishment;
  const t = o.totals;
  const f = o.figures;
  const base = `/productions/${productionId}/osha/${e.id}/${year}`;
  return (
    <>
      <nav className="no-print mb-3 flex flex-wrap gap-2" aria-label="OSHA forms">
        <Link className={buttonClass('secondary')} href={base}>Form 300 log</Link>
        <PrintButton />
      </nav>
      <article data-osha-form aria-labelledby="f300a-h" className="mx-auto max-w-4xl rounded-xl border border-line bg-surface p-3 sm:p-6 print:max-w-none print:border-0 print:p-0">
        <FormHead form="Form 300A" title="Summary of Work-Related Injuries and Illnesses" note="All establishments covered by Part 1904 must complete this Summary page, even if no work-related injuries or illnesses occurred during the year. Post it from February 1 to April 30 of the year after.">
          <p className="mt-2 text-sm" id="f300a-h">Year {year} · {e.name}</p>
        </FormHead>
        <div className="grid gap-6 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div>
            <h2 className="mb-2 font-bold">Number of cases</h2>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              <Box letter="G" label="Total deaths" value={t.deaths} testId="300a-G" />
              <Box letter="H" label="Cases with days away from work" value={t.dafwCases} testId="300a-H" />
              <Box letter="I" label="Cases with job transfer or restriction" value={t.djtrCases} testId="300a-I" />
              <Box letter="J" label="Other recordable cases" value={t.otherCases} testId="300a-J" />
            </div>
            <h2 className="mt-4 mb-2 font-bold">Number of days</h2>
            <div className="grid grid-cols-2 gap-2">
              <Box letter="K" label="Days away from work" value={t.dafwDays} testId="300a-K" />
              <Box letter="L" label="Days of job transfer or restriction" value={t.djtrDays} testId="300a-L" />
            </div>
            <h2 className="mt-4 mb-2 font-bold">Injury and illness types</h2>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              <Box letter="M1" label="Injuries" value={t.byType.injury} testId="300a-M1" />
              <Box letter="M2" label="Skin disorders" value={t.byType.skin_disorder} testId="300a-M2" />
              <Box letter="M3" label="Respiratory conditions" value={t.byType.respiratory} testId="300a-M3" />
              <Box letter="M4" label="Poisonings" value={t.byType.poisoning} testId="300a-M4" />
              <Box letter="M5" label="Hearing loss" value={t.byType.hearing_loss} testId="300a-M5" />
              <Box letter="M6" label="All other illnesses" value={t.byType.other_illness} testId="300a-M6" />
            </div>
          </div>
          <div>
            <h2 className="mb-2 font-bold">Establishment information</h2>
            <Line label="Establishment name" value={e.name} />
            <Line label="Street" value={e.street} />
            <Line label="City, state, zip" value={[e.city, e.state, e.zip].filter(Boolean).join(' ')} />
            <Line label="Industry description" value={e.industryDescription} />
            <Line label="NAICS" value={e.naicsCode} />
            <Line label="Type" value={ESTABLISHMENT_TYPE_LABELS[e.establishmentType]} />
            <h2 className="mt-4 mb-2 font-bold">Employment information</h2>
            <Line label="Annual average number of employees" value={<span data-testid="300a-employees">{f?.annualAverageEmployees ?? ''}</span>} />
            <Line label="Total hours worked by all employees last year" value={<span data-testid="300a-hours">{f?.totalHoursWorked ?? ''}</span>} />
            <h2 className="mt-4 mb-2 font-bold">Sign here</h2>
            <p className="text-xs">Knowingly falsifying this document may result in a fine. I certify that I have examined this document and that to the best of my knowledge the entries are true, accurate, and complete.</p>
            <Line label="Company executive" value={<span data-testid="300a-certifier">{f?.certifierName ?? ''}</span>} />
            <Line label="Title" value={f?.certifierTitle} />
            <Line label="Phone" value={f?.certifierPhone} />
            <Line label="Date" value={f?.certifiedOn} />
          </div>
        </div>
      </article>
    </>
  );
}
