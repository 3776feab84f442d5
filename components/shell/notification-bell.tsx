import Link from 'next/link';
import { countUnreadUpTo } from '@/db/queries/notifications';

/** Past this many the bell says "99+", so it counts no further. */
const SHOWN = 99;

export function NotificationBell({ userId }: { userId: string }) {
  const unread = countUnreadUpTo(userId, SHOWN + 1);
  return (
    <Link
      href="/notifications"
      className="relative flex min-h-11 min-w-11 items-center justify-center rounded-lg hover:bg-canvas"
      aria-label={unread > SHOWN ? `Notifications: more than ${SHOWN} unread` : unread ? `Notifications: ${unread} unread` : 'Notifications: none unread'}
    >
      <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread ? (
        <span className="absolute -top-0.5 -right-0.5 min-w-6 rounded-full bg-hold-solid px-1.5 text-center text-sm font-bold text-white" data-testid="unread-count">
          {unread > SHOWN ? `${SHOWN}+` : unread}
        </span>
      ) : null}
    </Link>
  );
}
