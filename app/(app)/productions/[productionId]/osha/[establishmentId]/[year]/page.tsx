import type { Metadata } from 'next';
import Link from 'next/link';
import { loadOshaYear, type OshaYearParams } from '@/app/lib/osha/load-year';
import { allowed } from '@/app/lib/policy';
import { CASE_TYPES } from '@/app/lib/rules/osha';
import { totalCases, type ItaProblem } from '@/app/lib/rules/ita';
import { listEstablishments } from '@/db/queries/osha';
import { Card, CardTitle, EmptyState } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { PrintButton } from '@/components/audit/print-button';
import { EstablishmentForm } from '@/components/osha/establishment-form';
import { YearForm } from '@/components/osha/year-form';
import { AssignCaseForm } from '@/components/osha/assign-case-form';
import { FormHead } from '@/components/osha/form-head';
import { assignCase, saveEstablishment, saveEstablishmentYear } from '../../actions';

export const metadata: Metadata = { title: 'OSHA Form 300' };

const byField = (ps: ItaProblem[]) => {
  const out: Record<string, string[]> = {};
  for (const p of ps) (out[p.field] ??= []).push(p.message);
  return out;
};
const mark = (on: boolean) => (on ? '✓' : '');

/** OSHA Form 300, the log of one establishment and calendar year (29 CFR 1904.29), with what ITA would refuse shown where it is fixed. */
export default async function Form300Page({ params }: { params: OshaYearParams }) {
  const { actor, productionId, year, o } = await loadOshaYear(params);
  const e = o.establishment;
  const mayRecord = allowed(actor, 'osha.record');
  const base = `/productions/${productionId}/osha`;
  const estProblems = o.problems.filter((p) => p.where === 'establishment');
  const yearProblems = o.problems.filter((p) => p.where === 'year');
  const t = o.totals;
  const api = `/api/productions/${productionId}/osha/${e.id}/${year}`;
  return (
    <>
      <nav className="no-print mb-3 flex flex-wrap gap-2" aria-label="OSHA forms">
        <Link className={buttonClass('secondary')} href={base}>All establishments</Link>
        <Link className={buttonClass('secondary')} href={`${base}/${e.id}/${year}/summary`}>Form 300A summary</Link>
        <PrintButton />
      </nav>
      <article data-osha-form aria-labelledby="f300-h" className="osha-landscape rounded-xl border border-line bg-surface p-3 sm:p-5 print:border-0 print:p-0">
        <FormHead form="Form 300" title="Log of Work-Related Injuries and Illnesses" note="Attention: this form contains information relating to employee health and must be used in a manner that protects the confidentiality of employees to the extent possible while the information is being used for occupational safety and health purposes.">
          <p className="mt-2 text-sm" id="f300-h">Year {year} · Establishment: <strong>{e.name}</strong> · {[e.city, e.state].filter(Boolean).join(', ')}</p>
        </FormHead>
        {o.cases.length === 0 ? <EmptyState>No recordable case on this log in {year}.</EmptyState> : null}
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`Form 300 log, ${year}`}>
          <table className="w-full min-w-[60rem] border-collapse text-xs print:min-w-0 print:text-[8pt]" data-testid="form-300">
            <thead>
              <tr className="border-b border-ink text-left align-bottom">
                <th scope="col" className="p-1">(A) Case no.</th>
                <th scope="col" className="p-1">(B) Employee’s name</th>
                <th scope="col" className="p-1">(C) Job title</th>
                <th scope="col" className="p-1">(D) Date of injury</th>
                <th scope="col" className="p-1">(E) Where the event occurred</th>
                <th scope="col" className="p-1">(F) Injury or illness, parts of body, object or substance</th>
                <th scope="col" className="p-1 text-center">(G) Death</th>
                <th scope="col" className="p-1 text-center">(H) Days away</th>
                <th scope="col" className="p-1 text-center">(I) Job transfer or restriction</th>
                <th scope="col" className="p-1 text-center">(J) Other recordable</th>
                <th scope="col" className="p-1 text-center">(K) Days away</th>
                <th scope="col" className="p-1 text-center">(L) Days on transfer or restriction</th>
                {CASE_TYPES.map((c, i) => <th key={c} scope="col" className="p-1 text-center">(M{i + 1})</th>)}
              </tr>
            </thead>
            <tbody>
              {o.cases.map((c) => {
                const k = c.person.classification;
                return (
                  <tr key={c.person.id} className="border-b border-line align-top" data-testid={`log-row-${c.caseNumber}`}>
                    <td className="p-1"><Link className="inline-flex min-h-11 min-w-11 items-center text-brand underline print:min-h-0 print:no-underline" href={`${base}/cases/${c.person.id}`}>{c.caseNumber}</Link></td>
                    <td className="p-1">{c.logName}</td>
                    <td className="p-1">{c.person.jobTitle}</td>
                    <td className="p-1 whitespace-nowrap">{c.date}</td>
                    <td className="p-1">{c.incident.location}</td>
                    <td className="p-1">{[c.person.injuryDescription, c.person.harmingObject].filter(Boolean).join('; ')}</td>
                    <td className="p-1 text-center">{mark(k === 'death')}</td>
                    <td className="p-1 text-center">{mark(k === 'days_away')}</td>
                    <td className="p-1 text-center">{mark(k === 'job_transfer_restriction')}</td>
                    <td className="p-1 text-center">{mark(k === 'other_recordable')}</td>
                    <td className="p-1 text-center">{c.facts.daysAway || ''}</td>
                    <td className="p-1 text-center">{c.facts.daysRestricted || ''}</td>
                    {CASE_TYPES.map((ct) => <td key={ct} className="p-1 text-center">{mark(c.person.caseType === ct)}</td>)}
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-ink font-bold" data-testid="log-totals">
                <th scope="row" colSpan={6} className="p-1 text-right">Page totals ({totalCases(t)} cases)</th>
                <td className="p-1 text-center">{t.deaths}</td>
                <td className="p-1 text-center">{t.dafwCases}</td>
                <td className="p-1 text-center">{t.djtrCases}</td>
                <td className="p-1 text-center">{t.otherCases}</td>
                <td className="p-1 text-center">{t.dafwDays}</td>
                <td className="p-1 text-center">{t.djtrDays}</td>
                {CASE_TYPES.map((ct) => <td key={ct} className="p-1 text-center">{t.byType[ct]}</td>)}
              </tr>
            </tfoot>
          </table>
        </div>
        <p className="mt-2 text-xs text-muted print:text-black">Privacy cases (29 CFR 1904.29(b)(7)) show “Privacy case” instead of the name. Days are counted up to 180 (1904.7(b)(3)(vii)).</p>
      </article>

      <Card aria-labelledby="ita-h" className="no-print mt-4" data-testid="ita-card">
        <CardTitle id="ita-h">ITA files for {year}</CardTitle>
        {o.problems.length ? (
          <>
            <p className="mb-2 font-semibold text-hold" role="status">ITA would refuse these files: fix {o.problems.length === 1 ? 'this' : `these ${o.problems.length} things`} first.</p>
            <ul className="mb-3 list-disc pl-5" data-testid="ita-problems">
              {o.problems.map((p, i) => (
                <li key={i}>
                  {p.message}{' '}
                  {p.where === 'establishment' ? <a className="text-brand underline" href={`#est-${p.field}`}>Fix it below</a> : null}
                  {p.where === 'year' ? <a className="text-brand underline" href={`#year-${p.field}`}>Fix it below</a> : null}
                  {p.where === 'case' && p.personId ? (
                    p.field === 'jobTitle'
                      ? <a className="text-brand underline" href={`#assign-job-${p.personId.slice(0, 8)}`}>Fix it below</a>
                      : <Link className="text-brand underline" href={`/productions/${productionId}/incidents/${o.cases.find((c) => c.person.id === p.personId)?.incident.id ?? ''}`}>Fix it on the report (case {o.cases.find((c) => c.person.id === p.personId)?.caseNumber})</Link>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mb-3" role="status">Nothing ITA refuses was found. The files leave out the employee’s name and address and the treating professional.</p>
        )}
        <div className="flex flex-wrap gap-2">
          {o.problems.length ? null : (
            <>
              <a className={buttonClass('primary')} href={`${api}/ita-summary.csv`} download>Download 300A summary CSV</a>
              <a className={buttonClass('primary')} href={`${api}/ita-cases.csv`} download>Download case data CSV</a>
            </>
          )}
        </div>
      </Card>

      {o.cases.length ? (
        <Card aria-labelledby="cases-h" className="no-print mt-4">
          <CardTitle id="cases-h">Cases on this log</CardTitle>
          <ul className="flex flex-col gap-4">
            {o.cases.map((c) => (
              <li key={c.person.id} className="rounded-lg border border-line p-3">
                <p className="mb-2 font-semibold">Case {c.caseNumber}: <Link className="text-brand underline" href={`${base}/cases/${c.person.id}`}>Form 301</Link></p>
                <AssignCaseForm
                  label={`Log for case ${c.caseNumber}`}
                  readOnly={!mayRecord}
                  establishments={listEstablishments(actor).map((x) => ({ id: x.id, name: x.name }))}
                  values={{ personId: c.person.id, establishmentId: e.id, jobTitle: c.person.jobTitle ?? '' }}
                  flags={byField(o.problems.filter((p) => p.personId === c.person.id && p.field === 'jobTitle'))}
                  save={assignCase.bind(null, productionId)}
                />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <div className="no-print mt-4 grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="year-h">
          <CardTitle id="year-h">{year} figures and certification</CardTitle>
          <YearForm
            readOnly={!mayRecord}
            flags={byField(yearProblems)}
            save={saveEstablishmentYear.bind(null, productionId)}
            values={{
              establishmentId: e.id, year: String(year),
              annualAverageEmployees: o.figures?.annualAverageEmployees?.toString() ?? '',
              totalHoursWorked: o.figures?.totalHoursWorked?.toString() ?? '',
              certifierName: o.figures?.certifierName ?? '', certifierTitle: o.figures?.certifierTitle ?? '',
              certifierPhone: o.figures?.certifierPhone ?? '', certifiedOn: o.figures?.certifiedOn ?? '',
            }}
          />
        </Card>
        <Card aria-labelledby="est-h">
          <CardTitle id="est-h">Establishment</CardTitle>
          <EstablishmentForm
            label="Establishment details"
            readOnly={!mayRecord}
            flags={byField(estProblems)}
            save={saveEstablishment.bind(null, productionId)}
            values={{
              establishmentId: e.id, name: e.name, companyName: e.companyName, ein: e.ein, street: e.street, city: e.city, state: e.state, zip: e.zip,
              naicsCode: e.naicsCode, industryDescription: e.industryDescription, establishmentType: e.establishmentType,
              peakEmployees: e.peakEmployees?.toString() ?? '', writtenRequest: e.writtenRequest,
            }}
          />
        </Card>
      </div>
    </>
  );
}
