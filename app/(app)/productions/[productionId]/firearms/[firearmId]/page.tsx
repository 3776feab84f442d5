import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { LABELS } from '@/app/lib/enums';
import { can } from '@/app/lib/policy';
import { formatInZone } from '@/app/lib/time';
import { firearmHistory, getFirearm, type HistoryEntry } from '@/db/queries/firearms';
import { listOpenHandoffs } from '@/db/queries/custody';
import { Card, CardTitle, EmptyState, Facts, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/button';
import { FirearmStatusBadge } from '@/components/firearms/badges';
import { FirearmForm } from '@/components/firearms/firearm-form';
import { StatusForm } from '@/components/firearms/status-form';
import { FirearmsTabs } from '@/components/firearms/firearms-tabs';

export const metadata: Metadata = { title: 'Weapon history' };

const KIND_LABEL: Record<HistoryEntry['kind'], string> = {
  check: 'Check',
  handoff: 'Hand-off',
  return: 'Return',
  refused: 'Refused',
  incident: 'Incident',
  status: 'Status',
  created: 'Added',
  edited: 'Edited',
};

export default async function FirearmPage({ params }: { params: Promise<{ productionId: string; firearmId: string }> }) {
  const { productionId, firearmId } = await params;
  const actor = await requireMember(productionId);
  if (!can(actor.role, 'firearm.view')) forbidden();
  const f = getFirearm(actor, firearmId);
  if (!f) notFound();
  const tz = actor.production.timeZone;
  const base = `/productions/${productionId}`;
  const history = firearmHistory(actor, f.id);
  const open = listOpenHandoffs(actor).find((h) => h.h.firearmId === f.id) ?? null;
  const live = actor.production.phase !== 'wrapped';
  const record = can(actor.role, 'check.record') && live;
  const manage = can(actor.role, 'firearm.manage') && live;

  return (
    <>
      <FirearmsTabs actor={actor} />
      <p className="mb-2">
        <Link href={`${base}/firearms`} className="inline-flex min-h-11 items-center font-semibold text-brand underline-offset-2 hover:underline">
          ← Firearms
        </Link>
      </p>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {f.tag} <FirearmStatusBadge status={f.status} />
          </span>
        }
        subtitle={`${f.make} ${f.model} · ${LABELS.firearmKind[f.kind]}`}
        actions={
          record ? (
            <>
              {f.status !== 'checked_out' ? <LinkButton href={`${base}/checks/new?firearm=${f.id}`}>Check this weapon</LinkButton> : null}
              {f.status === 'locked_up' ? (
                <LinkButton href={`${base}/custody?firearm=${f.id}#hand-out`} variant="secondary">
                  Hand out
                </LinkButton>
              ) : null}
              {open ? (
                <LinkButton href={`${base}/custody?return=${open.h.id}#return`} variant="secondary">
                  Record the return
                </LinkButton>
              ) : null}
            </>
          ) : null
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <Card aria-labelledby="facts-h">
            <CardTitle id="facts-h">Weapon</CardTitle>
            <Facts
              items={[
                { term: 'Tag', value: f.tag },
                { term: 'Make and model', value: `${f.make} ${f.model}` },
                { term: 'Kind', value: LABELS.firearmKind[f.kind] },
                { term: 'Serial number', value: f.serial || 'Not recorded' },
                { term: 'Status', value: <FirearmStatusBadge status={f.status} /> },
                ...(open ? [{ term: 'Held by', value: `${open.toName}, for ${open.h.scene}, since ${formatInZone(open.h.handedAt, tz)} (${open.h.roundsOut} rounds out)` }] : []),
                { term: 'Notes', value: f.notes || 'None' },
                { term: 'Added', value: formatInZone(f.createdAt, tz) },
              ]}
            />
          </Card>
          <Card aria-labelledby="history-h">
            <CardTitle id="history-h">History</CardTitle>
            {history.length === 0 ? (
              <EmptyState>Nothing recorded yet.</EmptyState>
            ) : (
              <ol className="flex flex-col" aria-label="Newest first">
                {history.map((e) => (
                  <li key={e.key} className="grid gap-1 border-l-4 border-line py-2 pl-3 sm:grid-cols-[7rem_1fr] sm:gap-3" data-kind={e.kind}>
                    <div className="flex flex-wrap items-center gap-2 sm:flex-col sm:items-start">
                      <Badge tone={e.tone}>{KIND_LABEL[e.kind]}</Badge>
                      <time className="text-sm text-muted" dateTime={e.at.toISOString()}>
                        {formatInZone(e.at, tz)}
                      </time>
                    </div>
                    <div className="min-w-0">
                      <p className="font-semibold break-words">{e.title}</p>
                      {e.detail ? <p className="text-sm break-words text-muted">{e.detail}</p> : null}
                      {e.href ? (
                        <Link href={e.href} className="inline-flex min-h-11 items-center text-sm font-semibold text-brand underline">
                          {e.linkLabel}
                        </Link>
                      ) : null}
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
        {manage ? (
          <div className="flex flex-col gap-4 self-start">
            {f.status !== 'checked_out' ? (
              <Card aria-labelledby="status-h">
                <CardTitle id="status-h">{f.status === 'out_of_service' ? 'Back in service' : 'Out of service'}</CardTitle>
                {f.status === 'out_of_service' ? (
                  <p className="mb-3 text-sm text-muted">After a failed check, only a later passing check brings the weapon back.</p>
                ) : null}
                <StatusForm productionId={productionId} firearmId={f.id} to={f.status === 'out_of_service' ? 'locked_up' : 'out_of_service'} />
              </Card>
            ) : null}
            <Card aria-labelledby="edit-h">
              <details>
                <summary className="flex min-h-11 cursor-pointer items-center gap-2 text-lg font-semibold" id="edit-h">
                  Edit details <span aria-hidden="true" className="text-base text-muted">▾</span>
                </summary>
                <div className="mt-3">
                  <FirearmForm productionId={productionId} firearm={{ firearmId: f.id, tag: f.tag, make: f.make, model: f.model, serial: f.serial, kind: f.kind, notes: f.notes }} />
                </div>
              </details>
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}
