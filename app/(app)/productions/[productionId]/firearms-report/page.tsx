import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { canReadWrapReport } from '@/app/lib/policy';
import { LABELS } from '@/app/lib/enums';
import { formatInZone } from '@/app/lib/time';
import { getWrapReport, PAGE_TABLE_ROWS, type ReportSection, type ReportTable } from '@/db/queries/wrap-report';
import { buttonClass } from '@/components/ui/button';
import { PrintHeader } from '@/components/audit/print-header';
import { FirearmsTabs } from '@/components/firearms/firearms-tabs';
import { formatCount } from '@/app/lib/numbers';

export const metadata: Metadata = { title: 'Firearms report' };

// The post-filming firearms report (ARCHITECTURE.md: post-filming report): every section comes
// from WRAP_REPORT_SECTIONS in db/queries/wrap-report.ts and is drawn the same way here.

function Table({ t, sectionKey }: { t: ReportTable; sectionKey: string }) {
  const id = `t-${sectionKey}-${t.key}`;
  return (
    <div className="mt-4">
      <h3 id={id} className="mb-1 font-semibold">
        {t.title}
      </h3>
      {t.total !== undefined && t.total > t.rows.length ? (
        <p className="mb-1 text-sm text-muted" data-testid={`more-${sectionKey}-${t.key}`}>
          The latest {t.rows.length.toLocaleString('en-US')} of {t.total.toLocaleString('en-US')}, oldest first. The CSV and JSON downloads list every one.
        </p>
      ) : null}
      {t.rows.length === 0 ? (
        <p className="text-sm">{t.empty}</p>
      ) : (
        // Wide tables scroll inside their own box on a phone, never the page (ARCHITECTURE.md: phones and offline).
        <div className="max-w-full overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-labelledby={id}>
          <table className="w-full border-collapse text-sm" data-testid={`table-${sectionKey}-${t.key}`}>
            <thead>
              <tr>
                {t.columns.map((c) => (
                  <th key={c.key} scope="col" className="border-b-2 border-ink px-2 py-1 text-left align-bottom font-semibold">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {t.rows.map((row, i) => (
                <tr key={i} className="break-inside-avoid border-b border-line">
                  {t.columns.map((c) => (
                    <td key={c.key} className={`px-2 py-1 align-top ${typeof row[c.key] === 'number' ? 'text-right tabular-nums' : ''}`}>
                      {row[c.key] ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Section({ s }: { s: ReportSection }) {
  const id = `s-${s.key}`;
  return (
    <section aria-labelledby={id} className="mt-6 print:mt-4" data-testid={`section-${s.key}`}>
      <h2 id={id} className="mb-2 border-b-2 border-ink pb-1 text-lg font-bold">
        {s.title}
      </h2>
      {s.note ? <p className="mb-2 text-sm text-muted">{s.note}</p> : null}
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4 print:grid-cols-4">
        {s.figures.map((f) => (
          <div key={f.key} className="rounded-lg border border-line p-2 break-inside-avoid" data-figure={`${s.key}.${f.key}`}>
            <dt className="text-sm text-muted">{f.label}</dt>
            <dd className="text-xl font-bold tabular-nums">{typeof f.value === 'number' ? formatCount(f.value) : f.value}</dd>
          </div>
        ))}
      </dl>
      {s.tables.map((t) => (
        <Table key={t.key} t={t} sectionKey={s.key} />
      ))}
    </section>
  );
}

export default async function FirearmsReportPage({ params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  // Producers, armorers, auditors and the safety advisor; every other crew member is refused here, on the server (403).
  if (!canReadWrapReport(actor)) forbidden();
  const now = new Date();
  // The tables that grow with the production show their latest rows here; the downloads carry all.
  const r = getWrapReport(actor, now, PAGE_TABLE_ROWS);
  const p = r.production;
  const download = `/api/productions/${productionId}/firearms-report`;

  return (
    <>
      <div className="no-print">
        <FirearmsTabs actor={actor} />
      </div>
      <article aria-labelledby="report-h" data-print-alone className="mx-auto max-w-5xl rounded-xl border border-line bg-surface p-4 sm:p-8 print:max-w-none print:border-0 print:p-0">
        <PrintHeader
          production={p}
          title={`Firearms report${r.wrapped ? ' at wrap' : ''}`}
          actions={
            <>
              <a className={buttonClass('secondary')} href={`${download}/firearms-report.csv`} download>
                Download CSV
              </a>
              <a className={buttonClass('secondary')} href={`${download}/firearms-report.json`} download>
                Download JSON
              </a>
            </>
          }
        >
          <p className="mt-1 text-sm" data-testid="report-as-of">
            {r.wrapped ? `Wrapped${p.endDate ? `; last day ${p.endDate}` : ''}.` : `${LABELS.phase[p.phase]}: not wrapped yet, figures so far.`} Qualifications judged on {r.asOf}. Days
            and times in {p.timeZone}.
          </p>
          <p className="text-sm text-muted">
            Printed {formatInZone(now, p.timeZone)} by {actor.name} ({actor.positions.includes('safety_advisor') ? 'Safety advisor' : LABELS.role[actor.role]}). For the producers and the
            safety advisor (Cal. Labor Code §9152.5).
          </p>
        </PrintHeader>
        <nav aria-label="Report sections" className="no-print mt-3">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {r.sections.map((s) => (
              <li key={s.key}>
                <a className="inline-flex min-h-11 items-center text-brand underline" href={`#s-${s.key}`}>
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {r.sections.map((s) => (
          <Section key={s.key} s={s} />
        ))}
        <section aria-labelledby="s-chain" className="mt-6 print:mt-4">
          <h2 id="s-chain" className="mb-2 border-b-2 border-ink pb-1 text-lg font-bold">
            Audit chain head at printing
          </h2>
          <p data-testid="report-chain-head">
            Newest entry #{r.chainHead?.seq ?? 0}, hash <span className="font-mono text-sm break-all">{r.chainHead?.hash ?? 'none'}</span>. The figures above were read together
            with this head; anyone holding this page can check later that the trail still contains it.
          </p>
        </section>
        <p className="no-print mt-6">
          <Link className="inline-flex min-h-11 items-center text-brand underline" href={`/productions/${productionId}`}>
            Back to the production
          </Link>
        </p>
      </article>
    </>
  );
}
