import { HOTLINE } from '@/app/lib/rules/acknowledgement';
import { cx } from '@/components/ui/cx';

/** Rule 7: the industry hotline, shown to everyone on the show once a signal went to the safety contacts. */
export function Hotline({ className, compact }: { className?: string; compact?: boolean }) {
  if (compact) {
    return (
      <p className={cx('text-sm text-muted', className)}>
        Safety concern nobody is acting on? {HOTLINE.name}:{' '}
        <a href={HOTLINE.tel} className="link inline-flex min-h-11 items-center">
          {HOTLINE.display} ({HOTLINE.digits})
        </a>
      </p>
    );
  }
  return (
    <div role="note" aria-label="Industry safety hotline" data-testid="hotline" className={cx('rounded-xl border-2 border-hold bg-hold-soft p-4', className)}>
      <p className="font-bold text-hold">
        <span aria-hidden="true">☎ </span>No producer acknowledged a critical signal in time: it went to the production’s safety contacts.
      </p>
      <p className="mt-1 text-ink">Anyone on the show may call the {HOTLINE.name}, in confidence:</p>
      <a href={HOTLINE.tel} className="mt-2 inline-flex min-h-11 items-center rounded-lg bg-hold-solid px-4 text-lg font-bold text-white">
        {HOTLINE.display} · {HOTLINE.digits}
      </a>
    </div>
  );
}
