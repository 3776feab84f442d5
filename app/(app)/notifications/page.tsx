import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/app/lib/auth';
import { formatStamp } from '@/app/lib/time';
import { countNotifications, countUnread, listNotifications } from '@/db/queries/notifications';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { markAllRead, markRead } from './actions';
import { formatCount } from '@/app/lib/numbers';

export const metadata: Metadata = { title: 'Notifications' };

const LIMIT = 100;

/** Only links inside SetSafe are followed: a stored link never sends anyone elsewhere. */
function safeLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\') ? link : null;
}

export default async function NotificationsPage() {
  const user = await requireUser();
  const rows = listNotifications(user.id, LIMIT);
  const unread = countUnread(user.id);
  const total = countNotifications(user.id);
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-6">
      <PageHeader
        title="Notifications"
        subtitle={unread ? `${unread} unread` : 'All read'}
        actions={
          unread ? (
            <form action={markAllRead}>
              <Button type="submit" variant="secondary">
                Mark all read
              </Button>
            </form>
          ) : null
        }
      />
      {rows.length === 0 ? (
        <EmptyState>Nothing yet. Holds, escalations, assignments and witness requests appear here.</EmptyState>
      ) : (
        <div className="overflow-hidden rounded-xl border border-line bg-surface shadow-sm">
          <ul className="divide-y divide-line" aria-label="Notifications: critical ones waiting for a producer first, then newest first">
            {rows.map((n) => {
              const href = safeLink(n.link);
              const isUnread = n.readAt === null;
              return (
                <li
                  key={n.id}
                  data-testid="notification"
                  data-unread={isUnread ? 'true' : 'false'}
                  data-critical={n.waitingForAcknowledgement ? 'true' : 'false'}
                  className={cx(
                    'flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:gap-4',
                    n.waitingForAcknowledgement ? 'border-l-4 border-hold bg-hold-soft/60' : isUnread && 'bg-brand-soft/50',
                  )}
                >
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-2">
                      {n.waitingForAcknowledgement ? <Badge tone="danger">▲ Critical · not yet acknowledged</Badge> : null}
                      {isUnread ? <Badge tone="info">● New</Badge> : null}
                      <p className={cx('break-words', isUnread ? 'font-bold' : 'font-semibold')}>
                        {href ? (
                          <Link href={href} className="inline-flex min-h-11 items-center text-brand underline underline-offset-2">
                            {n.title}
                          </Link>
                        ) : (
                          n.title
                        )}
                      </p>
                    </div>
                    {n.body ? <p className="mt-1 break-words text-ink">{n.body}</p> : null}
                    <p className="mt-1 text-sm text-muted">
                      {n.productionTitle ? `${n.productionTitle} · ` : ''}
                      <time dateTime={n.createdAt.toISOString()}>{formatStamp(n.createdAt, n.productionTimeZone ?? 'UTC')}</time>
                    </p>
                  </div>
                  {isUnread ? (
                    <form action={markRead.bind(null, n.id)} className="shrink-0">
                      <Button type="submit" variant="ghost" aria-label={`Mark read: ${n.title}`}>
                        Mark read
                      </Button>
                    </form>
                  ) : (
                    <p className="shrink-0 text-sm text-muted sm:pt-2">✓ Read</p>
                  )}
                </li>
              );
            })}
          </ul>
          {total > rows.length ? <p className="border-t border-line p-4 text-sm text-muted">Showing the newest {rows.length} of {formatCount(total)}.</p> : null}
        </div>
      )}
    </main>
  );
}
