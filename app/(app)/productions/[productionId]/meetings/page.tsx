import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { requireMember } from '@/app/lib/auth';
import { LABELS } from '@/app/lib/enums';
import { can } from '@/app/lib/policy';
import { formatInZone, localDate } from '@/app/lib/time';
import { listMeetings } from '@/db/queries/meetings';
import { listMembers } from '@/db/queries/members';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { ConfirmedBadge } from '@/components/firearms/badges';
import { ConfirmButton } from '@/components/firearms/confirm-button';
import { MeetingForm } from '@/components/firearms/meeting-form';
import { FirearmsTabs } from '@/components/firearms/firearms-tabs';

export const metadata: Metadata = { title: 'Safety meetings' };

export default async function MeetingsPage({ params }: { params: Promise<{ productionId: string }> }) {
  const { productionId } = await params;
  const actor = await requireMember(productionId);
  const viewAll = can(actor.role, 'firearm.view');
  if (!viewAll && !can(actor.role, 'meeting.attend')) forbidden();
  const tz = actor.production.timeZone;
  const today = localDate(new Date(), tz);
  const meetings = listMeetings(actor);
  const live = actor.production.phase !== 'wrapped';
  const record = can(actor.role, 'check.record') && live;
  const coveredToday = meetings.some((m) => m.date === today && m.firearmsOnSet);
  const members = record
    ? listMembers(actor).map((m) => ({
        userId: m.userId,
        name: m.name,
        detail: [LABELS.role[m.role], ...m.positions.map((p) => LABELS.position[p])].join(', '),
      }))
    : [];

  return (
    <>
      <FirearmsTabs actor={actor} />
      <PageHeader
        title="Safety meetings"
        subtitle={viewAll ? 'A meeting every day firearms are handled (Safety Bulletin #1). No weapon goes out on a day without one (rule 6).' : 'Safety meetings that name you as an attendee.'}
      />
      {viewAll ? (
        <p className="mb-4 flex flex-wrap items-center gap-2">
          Today ({today}):
          {coveredToday ? (
            <Badge tone="ok">
              <span aria-hidden="true">✓</span>Meeting covering firearms recorded
            </Badge>
          ) : (
            <Badge tone="danger">
              <span aria-hidden="true">✕</span>No meeting covering firearms yet
            </Badge>
          )}
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_28rem]">
        <div className="flex min-w-0 flex-col gap-4">
          {meetings.length === 0 ? (
            <EmptyState>{viewAll ? 'No meeting recorded yet.' : 'No meeting names you yet.'}</EmptyState>
          ) : (
            meetings.map((m) => {
              const me = m.attendees.find((a) => a.userId === actor.userId);
              const confirmed = m.attendees.filter((a) => a.confirmedAt).length;
              return (
                <Card key={m.id} id={`meeting-${m.id}`} aria-labelledby={`m-${m.id}-h`} className={me && !me.confirmedAt ? 'border-2 border-medium' : undefined}>
                  <CardTitle id={`m-${m.id}-h`} action={me ? <ConfirmedBadge confirmed={Boolean(me.confirmedAt)} /> : undefined}>
                    {m.date} · {m.scene}
                  </CardTitle>
                  <p className="mb-2 flex flex-wrap gap-2">
                    {m.firearmsOnSet ? (
                      <Badge tone="info">
                        <span aria-hidden="true">✓</span>Firearms on set
                      </Badge>
                    ) : (
                      <Badge>Firearms not covered</Badge>
                    )}
                    {m.blanksInUse ? (
                      <Badge tone="warn">
                        <span aria-hidden="true">✓</span>Blanks in use
                      </Badge>
                    ) : null}
                  </p>
                  {m.topics ? <p className="mb-2 break-words whitespace-pre-line">{m.topics}</p> : null}
                  <p className="text-sm text-muted">
                    Recorded by {m.heldBy}, {formatInZone(m.createdAt, tz)} · {confirmed} of {m.attendees.length} attendees confirmed
                  </p>
                  {viewAll ? (
                    <details className="mt-2">
                      <summary className="flex min-h-11 cursor-pointer items-center gap-2 font-semibold">
                        Attendees ({m.attendees.length}) <span aria-hidden="true" className="text-muted">▾</span>
                      </summary>
                      <ul className="divide-y divide-line">
                        {m.attendees.map((a) => (
                          <li key={a.userId} className="flex flex-wrap items-center justify-between gap-2 py-1">
                            <span>{a.name}</span>
                            <ConfirmedBadge confirmed={Boolean(a.confirmedAt)} />
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                  {me && !me.confirmedAt && live && can(actor.role, 'meeting.attend') ? (
                    <div className="mt-3">
                      <ConfirmButton productionId={productionId} what="attendance" id={m.id} label="I attended this meeting" />
                    </div>
                  ) : null}
                </Card>
              );
            })
          )}
        </div>
        {record ? (
          <Card aria-labelledby="record-h" className="self-start">
            <CardTitle id="record-h">Record a meeting</CardTitle>
            <MeetingForm productionId={productionId} today={today} members={members} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
