import { acknowledgeSignal } from '@/app/(app)/productions/[productionId]/signals/actions';
import { SIGNAL_LABELS, type SignalState } from '@/app/lib/rules/acknowledgement';
import { formatStamp } from '@/app/lib/time';
import type { SignalView } from '@/db/queries/signals';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { Hotline } from './hotline';

// Rule 7 on the record: where each critical signal stands, its steps with their times, and the
// producer's one-tap Acknowledge. Unacknowledged signals are red and loud; acknowledged ones calm.

const STATE: Record<SignalState, { label: string; icon: string; cls: string }> = {
  waiting: { label: 'Waiting for a producer', icon: '▲', cls: 'bg-hold-solid text-white' },
  resent: { label: 'Re-sent: still not acknowledged', icon: '▲', cls: 'bg-hold-solid text-white' },
  escalated: { label: 'Escalated to the safety contacts', icon: '☎', cls: 'bg-hold-solid text-white' },
  acknowledged: { label: 'Acknowledged', icon: '✓', cls: 'bg-ok-soft text-ok ring-1 ring-ok/30' },
};

export function SignalStateBadge({ state }: { state: SignalState }) {
  const s = STATE[state];
  return (
    <span className={cx('inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap', s.cls)}>
      <span aria-hidden="true">{s.icon}</span>
      {s.label}
    </span>
  );
}

export function AcknowledgeButton({ productionId, signal }: { productionId: string; signal: SignalView }) {
  return (
    <form action={acknowledgeSignal.bind(null, productionId, signal.id)}>
      <Button type="submit" variant="danger" className="min-h-12 w-full px-6 text-lg sm:w-auto" aria-label={`Acknowledge: ${signal.title}`}>
        Acknowledge
      </Button>
    </form>
  );
}

function Step({ done, children }: { done: boolean; children: React.ReactNode }) {
  return (
    <li className="flex gap-2">
      <span aria-hidden="true" className={cx('font-bold', done ? 'text-ink' : 'text-muted')}>
        {done ? '●' : '○'}
      </span>
      <span className={done ? 'text-ink' : 'text-muted'}>{children}</span>
    </li>
  );
}

export function SignalPanel({ productionId, signals, timeZone }: { productionId: string; signals: SignalView[]; timeZone: string }) {
  if (signals.length === 0) return null;
  const open = signals.some((s) => !s.acknowledgedAt);
  return (
    <section
      aria-labelledby="signals-h"
      data-testid="signal-panel"
      className={cx('mb-4 rounded-xl border-2 p-4 shadow-sm sm:p-5', open ? 'border-hold bg-surface' : 'border-line bg-surface')}
    >
      <h2 id="signals-h" className="mb-3 text-lg font-bold text-ink">
        {open ? 'Critical: a producer must acknowledge this' : 'Critical signal (rule 7)'}
      </h2>
      <ul className="flex flex-col gap-4">
        {signals.map((s) => {
          const stamp = (at: Date) => formatStamp(at, timeZone, s.anonymous);
          return (
            <li key={s.id} id={`signal-${s.id}`} data-testid="signal" data-state={s.state} className="flex flex-col gap-3">
              <div className="flex flex-wrap items-center gap-2">
                <SignalStateBadge state={s.state} />
                <span className="font-semibold">{SIGNAL_LABELS[s.kind]}</span>
              </div>
              <ol className="flex flex-col gap-1 text-sm" aria-label="Acknowledgement and escalation steps">
                <Step done>Raised {stamp(s.raisedAt)}</Step>
                <Step done={!!s.resentAt}>
                  {s.resentAt
                    ? `Not acknowledged in time: re-sent to every producer and the armorer ${stamp(s.resentAt)}`
                    : s.acknowledgedAt
                      ? 'No re-send needed'
                      : s.anonymous
                        ? 'Re-sent to every producer and the armorer at the next check if not acknowledged'
                        : `Re-sent to every producer and the armorer at ${stamp(s.resendDueAt)} if not acknowledged`}
                </Step>
                <Step done={!!s.contactsAt}>
                  {s.contactsAt
                    ? `Escalated to the production’s safety contacts ${stamp(s.contactsAt)}; the hotline is shown to everyone`
                    : s.acknowledgedAt
                      ? 'No escalation needed'
                      : s.anonymous
                        ? 'Then to the production’s safety contacts'
                        : `Then to the production’s safety contacts at ${stamp(s.contactsDueAt)}`}
                </Step>
                <Step done={!!s.acknowledgedAt}>
                  {s.acknowledgedAt ? `Acknowledged by ${s.acknowledgedByName ?? 'a producer'} ${formatStamp(s.acknowledgedAt, timeZone, false)}` : 'Not yet acknowledged by a producer'}
                </Step>
              </ol>
              {s.canAcknowledge ? <AcknowledgeButton productionId={productionId} signal={s} /> : null}
              {!s.acknowledgedAt && !s.canAcknowledge ? <p className="text-sm text-muted">Only a producer can acknowledge it; the producers have been told.</p> : null}
              {s.contactsAt ? <Hotline /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
