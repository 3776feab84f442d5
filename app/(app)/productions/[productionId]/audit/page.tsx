import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { forbidden } from 'next/navigation';
import { requireMember, type Actor } from '@/app/lib/auth';
import { allowed, can } from '@/app/lib/policy';
import { formatInZone } from '@/app/lib/time';
import { listReceipts, receiptPublicKey } from '@/db/queries/receipts';
import { CheckReceiptForm, SendReceiptForm } from '@/components/audit/receipt-forms';
import { actionLabel } from '@/app/lib/audit-diff';
import { auditFiltersSchema, flatParams, parseLenient, type AuditFilters } from '@/app/lib/schemas/oversight';
import { auditFilterOptions, chainState, listAuditEntries } from '@/db/queries/audit';
import { Card, CardTitle, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import { describedBy, Field, Input, Select } from '@/components/form/field';
import { Skeleton } from '@/components/ui/skeleton';
import { AuditEntries } from '@/components/audit/audit-entries';
import { VerifyPanel } from '@/components/audit/verify-panel';
import { checkKeptReceipt, sendReceipt, verifyChain } from './actions';
import { formatCount } from '@/app/lib/numbers';

export const metadata: Metadata = { title: 'Audit trail' };

type SP = Promise<Record<string, string | string[] | undefined>>;

function query(f: AuditFilters, page?: number): string {
  const q = new URLSearchParams();
  for (const k of ['entity', 'record', 'person', 'action', 'from', 'to'] as const) if (f[k]) q.set(k, String(f[k]));
  if (page && page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function Entries({ actor, filters }: { actor: Actor; filters: AuditFilters }) {
  const { entries, total, page, pages } = listAuditEntries(actor, filters);
  const base = `/productions/${actor.productionId}/audit`;
  return (
    <>
      <p className="mb-3 text-muted" data-testid="audit-total">
        {total === 0 ? 'No entries.' : `${formatCount(total)} entr${total === 1 ? 'y' : 'ies'} · page ${formatCount(page)} of ${formatCount(pages)} · newest first`}
      </p>
      <AuditEntries entries={entries} timeZone={actor.production.timeZone} productionId={actor.productionId} />
      {pages > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-2">
          {page > 1 ? (
            <Link className={buttonClass('secondary')} href={`${base}${query(filters, page - 1)}`} rel="prev">
              ← Newer
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted">
            Page {formatCount(page)} of {formatCount(pages)}
          </span>
          {page < pages ? (
            <Link className={buttonClass('secondary')} href={`${base}${query(filters, page + 1)}`} rel="next">
              Older →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}

function EntriesSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading audit entries" className="flex flex-col gap-3">
      <Skeleton className="h-5 w-48" />
      {Array.from({ length: 6 }, (_, k) => (
        <Skeleton key={k} className="h-20 w-full" />
      ))}
    </div>
  );
}

function Filters({ actor, filters, ignored }: { actor: Actor; filters: AuditFilters; ignored: string[] }) {
  const o = auditFilterOptions(actor);
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Filter the audit trail">
      <Field id="f-entity" label="Kind of record">
        <Select id="f-entity" name="entity" defaultValue={filters.entity ?? ''}>
          <option value="">Any</option>
          {o.entities.map((e) => (
            <option key={e.value} value={e.value}>
              {e.label.replace(/_/g, ' ')} ({e.n})
            </option>
          ))}
        </Select>
      </Field>
      <Field id="f-record" label="Record ID" hint="One record's id, e.g. from an incident's address.">
        <Input {...describedBy('f-record', undefined, true)} name="record" defaultValue={filters.record ?? ''} autoComplete="off" />
      </Field>
      <Field id="f-person" label="Person">
        <Select id="f-person" name="person" defaultValue={filters.person ?? ''}>
          <option value="">Anyone</option>
          {o.people.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label} ({p.n})
            </option>
          ))}
        </Select>
      </Field>
      <Field id="f-action" label="Kind of change">
        <Select id="f-action" name="action" defaultValue={filters.action ?? ''}>
          <option value="">Any</option>
          {o.actions.map((a) => (
            <option key={a.value} value={a.value}>
              {actionLabel(a.value)} ({a.n})
            </option>
          ))}
        </Select>
      </Field>
      <Field id="f-from" label="From (day)">
        <Input id="f-from" type="date" name="from" defaultValue={filters.from ?? ''} />
      </Field>
      <Field id="f-to" label="To (day, included)">
        <Input id="f-to" type="date" name="to" defaultValue={filters.to ?? ''} />
      </Field>
      {ignored.length ? (
        <p role="status" className="rounded-lg border border-medium/40 bg-warn-soft p-2 sm:col-span-2 lg:col-span-3">
          Ignored a filter that was not valid: {ignored.join(', ')}.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-3">
        <Button type="submit">Apply filters</Button>
        <Link className={buttonClass('secondary')} href={`/productions/${actor.productionId}/audit`}>
          Clear
        </Link>
      </div>
    </form>
  );
}

function ChainHeadFacts({ actor }: { actor: Actor }) {
  const s = chainState(actor);
  return (
    <div className="flex flex-col gap-2" data-testid="chain-head">
      <p>
        <span className="font-semibold">Newest entry in the database:</span> #{s.db?.seq ?? 0}
      </p>
      <p className="font-mono text-sm break-all">{s.db?.hash ?? 'none yet'}</p>
      <p>
        <span className="font-semibold">Head kept outside the database:</span> {s.file ? `#${s.file.seq}` : 'none recorded'}{' '}
        {s.matches ? <Badge tone="ok">✓ matches</Badge> : <Badge tone="warn">◆ differs — verify the chain</Badge>}
      </p>
      {!s.matches && s.file ? <p className="font-mono text-sm break-all">{s.file.hash}</p> : null}
    </div>
  );
}

function Receipts({ actor }: { actor: Actor }) {
  const rows = listReceipts(actor);
  const key = receiptPublicKey();
  const tz = actor.production.timeZone;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {/* min-w-0: a grid item would otherwise grow to the public key's longest line on a phone. */}
      <div className="flex min-w-0 flex-col gap-3">
        <p className="text-muted">
          A receipt is the chain&apos;s newest entry and hash, signed by this server and emailed to every producer and auditor — once a day
          and whenever someone asks. Kept in inboxes outside the server, it shows later whether the trail was cut short or rewritten,
          even by someone holding the server&apos;s files.
        </p>
        {allowed(actor, 'audit.receipt') ? <SendReceiptForm action={sendReceipt.bind(null, actor.productionId)} /> : null}
        <h3 className="mt-2 font-semibold" id="receipts-sent-h">
          Receipts sent
        </h3>
        {rows.length === 0 ? (
          <p className="text-muted">None yet.</p>
        ) : (
          <ul aria-labelledby="receipts-sent-h" className="flex flex-col divide-y divide-line" data-testid="receipts-sent">
            {rows.map((r) => (
              <li key={r.id} className="py-2">
                <p>
                  <span className="font-semibold">Entry #{r.seq}</span> · {formatInZone(r.signedAt, tz)} ·{' '}
                  {r.trigger === 'daily' ? 'daily' : `asked for by ${r.sentBy ?? 'a former member'}`} · to {r.recipients}{' '}
                  {r.recipients === 1 ? 'person' : 'people'}
                </p>
                <p className="font-mono text-xs break-all text-muted">{r.hash}</p>
              </li>
            ))}
          </ul>
        )}
        <details className="mt-2">
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand">Public key for checking receipts</summary>
          <p className="mt-1 text-sm text-muted">
            Key {key.keyId}. Save it to check receipts away from this server: <code className="break-words">npm run audit:verify -- --receipt receipt.json --public-key receipts.pub.pem</code>
          </p>
          <pre className="mt-2 rounded-lg border border-line bg-canvas p-2 text-xs break-all whitespace-pre-wrap" data-testid="receipt-public-key">
            {key.pem}
          </pre>
        </details>
      </div>
      <div className="min-w-0">
        <h3 className="mb-2 font-semibold">Check a receipt</h3>
        <CheckReceiptForm action={checkKeptReceipt.bind(null, actor.productionId)} />
      </div>
    </div>
  );
}

const DATASETS = [
  ['incidents', 'Incidents'],
  ['checks', 'Firearm checks'],
  ['custody', 'Custody log'],
  ['audit', 'Audit trail'],
] as const;

export default async function AuditPage({ params, searchParams }: { params: Promise<{ productionId: string }>; searchParams: SP }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  // Audit trail, verification and exports are for producers and auditors (ARCHITECTURE.md: permission matrix); refused on the server (403).
  if (!can(actor.role, 'audit.view')) forbidden();
  const { value: filters, ignored } = parseLenient(auditFiltersSchema, flatParams(await searchParams));
  const tz = actor.production.timeZone;
  const exportBase = `/api/productions/${productionId}/export`;
  const range = query({ from: filters.from, to: filters.to });
  return (
    <>
      <PageHeader
        title="Audit trail"
        subtitle={`Every change to ${actor.production.title}, newest first. Times in ${tz}.`}
        actions={
          // On a phone the chain, exports and filters stack above the entries: one tap down to them.
          <a className={buttonClass('secondary', 'lg:hidden')} href="#entries-h">
            Jump to the entries
          </a>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="chain-h">
          <CardTitle id="chain-h">Hash chain</CardTitle>
          <p className="mb-3 text-muted">
            Each entry carries the hash of the one before it; the newest hash is also kept outside the database, so an edited, removed,
            reordered or cut-off entry shows.
          </p>
          <ChainHeadFacts actor={actor} />
          <div className="mt-4">
            <VerifyPanel action={verifyChain.bind(null, productionId)} timeZone={tz} />
          </div>
        </Card>
        <Card aria-labelledby="export-h">
          <CardTitle id="export-h">Exports</CardTitle>
          <p className="mb-3 text-muted">
            Each file carries the chain head it was taken at: in JSON the <code>chainHead</code> field, in CSV the first line (starting
            with <code>#</code>). The audit trail export uses the filters below{filters.from || filters.to ? '; the others use the same dates' : ''}.
          </p>
          <ul className="flex flex-col divide-y divide-line">
            {DATASETS.map(([key, label]) => {
              const q = key === 'audit' ? query({ ...filters, page: undefined }) : range;
              return (
                <li key={key} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="font-semibold">{label}</span>
                  <span className="flex gap-2">
                    <a className={buttonClass('secondary', 'min-w-16 px-3')} href={`${exportBase}/${key}.csv${q}`} download aria-label={`${label} as CSV`}>
                      CSV
                    </a>
                    <a className={buttonClass('secondary', 'min-w-16 px-3')} href={`${exportBase}/${key}.json${q}`} download aria-label={`${label} as JSON`}>
                      JSON
                    </a>
                  </span>
                </li>
              );
            })}
          </ul>
        </Card>
      </div>
      <Card aria-labelledby="receipts-h" className="mt-4">
        <CardTitle id="receipts-h">Signed receipts</CardTitle>
        <Receipts actor={actor} />
      </Card>
      <Card aria-labelledby="filters-h" className="mt-4">
        <CardTitle id="filters-h">Filters</CardTitle>
        <Filters actor={actor} filters={filters} ignored={ignored} />
      </Card>
      <Card aria-labelledby="entries-h" className="mt-4">
        <CardTitle id="entries-h">Entries</CardTitle>
        <Suspense key={JSON.stringify(filters)} fallback={<EntriesSkeleton />}>
          <Entries actor={actor} filters={filters} />
        </Suspense>
      </Card>
    </>
  );
}
