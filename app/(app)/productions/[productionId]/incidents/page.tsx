import type { Metadata } from 'next';
import Link from 'next/link';
import { requireMember } from '@/app/lib/auth';
import { INCIDENT_STATUSES, INCIDENT_TYPES, LABELS, SEVERITIES } from '@/app/lib/enums';
import { allowed, can } from '@/app/lib/policy';
import { parseIncidentFilters, type IncidentFilters } from '@/app/lib/schemas/incidents';
import { formatStamp } from '@/app/lib/time';
import { listIncidents, listMyCorrectiveActions, type IncidentListRow } from '@/db/queries/incidents';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { Badge, SeverityBadge, StatusBadge } from '@/components/ui/badge';
import { LinkButton, buttonClass } from '@/components/ui/button';
import { Input, Select } from '@/components/form/field';
import { MarkDoneButton } from '@/components/incidents/mark-done-button';
import { formatCount } from '@/app/lib/numbers';

export const metadata: Metadata = { title: 'Incidents' };

type SP = Record<string, string | string[] | undefined>;

function hrefWith(base: string, f: IncidentFilters, page?: number) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, page })) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) q.set(k, String(v));
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

export default async function IncidentsPage({ params, searchParams }: { params: Promise<{ productionId: string }>; searchParams: Promise<SP> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  const sp = await searchParams;
  const filters = parseIncidentFilters(sp);
  const { rows, total, page, pageCount } = listIncidents(actor, filters);
  const all = can(actor.role, 'incident.viewAll');
  const tz = actor.production.timeZone;
  const base = `/productions/${actor.productionId}/incidents`;
  // The soonest due by name; all of them only when asked (`?actions=all`): a producer on a long show
  // can own thousands (ARCHITECTURE.md: performance budget, growth).
  const allActions = sp.actions === 'all';
  const { items: mine, total: mineTotal } = actor.role === 'auditor' ? { items: [], total: 0 } : listMyCorrectiveActions(actor, new Date(), allActions ? undefined : 10);
  const filtered = Object.keys(filters).some((k) => k !== 'page');
  const canFile = allowed(actor, 'incident.file');

  return (
    <>
      <PageHeader
        title={all ? 'Incidents' : 'My reports'}
        subtitle={all ? 'Every report on this production.' : 'The reports you filed. Producers and the armorer see every report.'}
        actions={canFile ? <LinkButton href={`${base}/new`}>Report an incident</LinkButton> : null}
      />

      {mine.length ? (
        <Card aria-labelledby="my-actions-h" className="mb-4">
          <CardTitle id="my-actions-h">Your corrective actions{mineTotal > 1 ? ` (${mineTotal})` : ''}</CardTitle>
          <ul className="divide-y divide-line">
            {mine.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="font-semibold break-words">{a.what}</p>
                  <p className="text-sm text-muted">
                    {a.canOpen ? <Link className="underline" href={`${base}/${a.incidentId}`}>Report #{a.number}</Link> : `Report #${a.number}`} · due {a.dueDate}{' '}
                    {a.overdue ? <Badge tone="danger">Overdue</Badge> : null}
                  </p>
                </div>
                <MarkDoneButton productionId={actor.productionId} actionId={a.id} />
              </li>
            ))}
          </ul>
          {mineTotal > mine.length ? (
            <p className="pt-2">
              <Link className="link inline-flex min-h-11 items-center" href={`${base}?actions=all`}>
                Show all {mineTotal} of your corrective actions
              </Link>
            </p>
          ) : null}
        </Card>
      ) : null}

      <details className="group mb-4 rounded-xl border border-line bg-surface" open={filtered || undefined}>
        <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between px-4 font-semibold">
          <span>Filters{filtered ? ' (on)' : ''}</span>
          <span aria-hidden="true" className="text-muted group-open:rotate-180">▾</span>
        </summary>
        <form method="get" action={base} className="grid gap-3 border-t border-line p-4 sm:grid-cols-2 lg:grid-cols-3">
          <label className="flex flex-col gap-1 font-semibold">
            Status
            <Select name="status" defaultValue={filters.status ?? ''}>
              <option value="">Any status</option>
              <option value="open">Open (not closed)</option>
              {INCIDENT_STATUSES.map((s) => <option key={s} value={s}>{LABELS.status[s]}</option>)}
            </Select>
          </label>
          <label className="flex flex-col gap-1 font-semibold">
            Type
            <Select name="type" defaultValue={filters.type ?? ''}>
              <option value="">Any type</option>
              {INCIDENT_TYPES.map((t) => <option key={t} value={t}>{LABELS.incidentType[t]}</option>)}
            </Select>
          </label>
          <label className="flex flex-col gap-1 font-semibold">
            Severity
            <Select name="severity" defaultValue={filters.severity ?? ''}>
              <option value="">Any severity</option>
              {SEVERITIES.map((s) => <option key={s} value={s}>{LABELS.severity[s]}</option>)}
            </Select>
          </label>
          <label className="flex flex-col gap-1 font-semibold">
            From (day it happened)
            <Input type="date" name="from" defaultValue={filters.from ?? ''} />
          </label>
          <label className="flex flex-col gap-1 font-semibold">
            To
            <Input type="date" name="to" defaultValue={filters.to ?? ''} />
          </label>
          <label className="flex flex-col gap-1 font-semibold">
            Words in the report
            <Input type="search" name="q" defaultValue={filters.q ?? ''} placeholder="e.g. blank, Stage 2, #12" />
          </label>
          <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-3">
            <button type="submit" className={buttonClass('primary')}>Apply filters</button>
            <Link href={base} className={buttonClass('secondary')}>Clear</Link>
          </div>
        </form>
      </details>

      <p className="mb-2 text-muted" aria-live="polite">
        {total === 0 ? 'No reports' : `${formatCount(total)} report${total === 1 ? '' : 's'}`}
        {filtered && total > 0 ? (total === 1 ? ' matches the filters' : ' match the filters') : ''}
        {pageCount > 1 ? ` · page ${formatCount(page)} of ${formatCount(pageCount)}` : ''}
      </p>

      {rows.length === 0 ? (
        <EmptyState>{filtered ? 'Nothing matches these filters.' : all ? 'No incidents have been reported on this production.' : 'You have not filed any reports on this production.'}</EmptyState>
      ) : (
        <>
          {/* Phones: stacked cards. */}
          <ul className="flex flex-col gap-3 md:hidden" aria-label="Reports">
            {rows.map((r) => (
              <li key={r.id}>
                <Link href={`${base}/${r.id}`} className="block rounded-xl border border-line bg-surface p-4 shadow-sm hover:border-brand">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-bold">#{r.number}</span>
                    <span className="font-semibold">{LABELS.incidentType[r.type]}</span>
                  </div>
                  <div className="mt-2 flex flex-wrap gap-2">
                    <SeverityBadge severity={r.severity} />
                    <StatusBadge status={r.status} />
                    {r.duplicateOfId ? <Badge>Duplicate</Badge> : null}
                  </div>
                  <p className="mt-2 line-clamp-2 break-words">{r.summary}</p>
                  <p className="mt-1 break-words text-sm text-muted">{r.location} · {when(r, tz)}</p>
                </Link>
              </li>
            ))}
          </ul>
          {/* Wider screens: a table. */}
          <div className="hidden overflow-hidden rounded-xl border border-line bg-surface md:block">
            <table className="w-full text-left">
              <caption className="sr-only">Reports</caption>
              <thead className="bg-canvas text-sm text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2">#</th>
                  <th scope="col" className="px-3 py-2">Report</th>
                  <th scope="col" className="px-3 py-2">Severity</th>
                  <th scope="col" className="px-3 py-2">Status</th>
                  <th scope="col" className="px-3 py-2">When</th>
                  {all ? <th scope="col" className="px-3 py-2">Owner</th> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {rows.map((r) => (
                  <tr key={r.id} className="align-top hover:bg-canvas/60">
                    <td className="px-3 py-3 font-bold">{r.number}</td>
                    <td className="max-w-md px-3 py-3">
                      <Link href={`${base}/${r.id}`} className="font-semibold text-brand underline-offset-2 hover:underline">
                        {LABELS.incidentType[r.type]}
                      </Link>
                      {r.duplicateOfId ? <span className="ml-2"><Badge>Duplicate</Badge></span> : null}
                      <p className="line-clamp-1 break-words text-muted">{r.summary}</p>
                      <p className="text-sm text-muted">{r.location}</p>
                    </td>
                    <td className="px-3 py-3"><SeverityBadge severity={r.severity} /></td>
                    <td className="px-3 py-3"><StatusBadge status={r.status} /></td>
                    <td className="px-3 py-3 text-sm">{when(r, tz)}</td>
                    {all ? <td className="px-3 py-3 text-sm">{r.ownerName ?? <span className="text-muted">Unassigned</span>}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {pageCount > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-2">
          {page > 1 ? <Link className={buttonClass('secondary')} href={hrefWith(base, filters, page - 1)}>← Newer</Link> : <span />}
          <span className="text-muted">Page {formatCount(page)} of {formatCount(pageCount)}</span>
          {page < pageCount ? <Link className={buttonClass('secondary')} href={hrefWith(base, filters, page + 1)}>Older →</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}

function when(r: IncidentListRow, tz: string) {
  return r.occurredAt ? formatStamp(r.occurredAt, tz, r.anonymous) : `Filed ${formatStamp(r.reportedAt, tz, r.anonymous)}`;
}
