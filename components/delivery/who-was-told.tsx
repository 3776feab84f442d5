import type { ToldRow } from '@/db/queries/delivery';
import { LABELS, type Role } from '@/app/lib/enums';
import { formatStamp } from '@/app/lib/time';
import { Card, CardTitle, EmptyState } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';

const CHANNEL: Record<ToldRow['channel'], string> = { app: 'In the app', email: 'Email', push: 'Push' };
// One token per delivery state: colour plus a symbol and a word, never colour alone.
const STATE: Record<ToldRow['status'], { icon: string; word: string; cls: string }> = {
  sent: { icon: '✓', word: 'Sent', cls: 'bg-ok-soft text-ok ring-1 ring-ok/30' },
  read: { icon: '✓', word: 'Read', cls: 'bg-ok-soft text-ok ring-1 ring-ok/30' },
  unread: { icon: '○', word: 'Not read yet', cls: 'bg-surface text-ink ring-1 ring-line' },
  pending: { icon: '…', word: 'Waiting to send', cls: 'bg-warn-soft text-medium ring-1 ring-medium/40' },
  failed: { icon: '✕', word: 'Failed', cls: 'bg-hold-soft text-hold ring-1 ring-hold/40' },
};

/** The record's "who was told, how, when" (ARCHITECTURE.md: messages to people), newest state per channel. */
export function WhoWasTold({ rows, timeZone, id }: { rows: ToldRow[]; timeZone: string; id: string }) {
  const people = new Map<string, { name: string; role: string | null; channels: Map<string, ToldRow> }>();
  for (const r of rows) {
    const p = people.get(r.userId) ?? { name: r.name, role: r.role, channels: new Map() };
    if (!p.channels.has(r.channel)) p.channels.set(r.channel, r); // rows arrive newest first per channel
    people.set(r.userId, p);
  }
  return (
    <Card aria-labelledby={id} className="lg:col-span-2">
      <CardTitle id={id}>Who was told</CardTitle>
      {people.size === 0 ? (
        <EmptyState>No one has been sent a message about this yet.</EmptyState>
      ) : (
        <ul className="divide-y divide-line">
          {[...people.entries()].map(([key, p]) => (
            <li key={key} className="flex flex-col gap-1 py-2">
              <span className="font-semibold">
                {p.name}
                {p.role ? <span className="ml-1 font-normal text-muted">· {LABELS.role[p.role as Role]}</span> : null}
              </span>
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                {[...p.channels.values()].map((c) => {
                  const s = STATE[c.status];
                  return (
                    <li key={c.channel} className="flex flex-wrap items-center gap-2 text-sm">
                      <span className="text-muted">{CHANNEL[c.channel]}</span>
                      <span className={cx('inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-semibold', s.cls)}>
                        <span aria-hidden="true">{s.icon}</span>
                        {s.word}
                      </span>
                      {c.at ? <span>{c.status === 'pending' ? 'due ' : ''}{formatStamp(c.at, timeZone, c.dayOnly)}</span> : null}
                      {c.status === 'failed' && c.lastError ? <span className="text-hold">after {c.attempts} tries: {c.lastError.slice(0, 80)}</span> : null}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
