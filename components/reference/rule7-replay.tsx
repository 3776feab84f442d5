import type { Rule7Signal } from '@/app/lib/rust/rule7';
import { HOTLINE } from '@/app/lib/rules/acknowledgement';
import { formatInZone } from '@/app/lib/time';

/** Rule 7 on a Rust event: where its unacknowledged critical signals would have escalated. */
export function Rule7Replay({ signals, timeZone, approximate }: { signals: Rule7Signal[]; timeZone: string; approximate: boolean }) {
  if (signals.length === 0) return null;
  const when = (d: Date) => (approximate ? `${Math.round((d.getTime() - signals[0].raisedAt.getTime()) / 60_000)} minutes after it` : formatInZone(d, timeZone));
  return (
    <div className="mt-2 flex flex-col gap-1 border-t border-line pt-2 sm:flex-row sm:gap-3" data-testid="rule7-replay">
      <span className="inline-flex min-h-11 shrink-0 items-center self-start rounded-md bg-ink px-3 text-sm font-bold whitespace-nowrap text-surface">Rule 7</span>
      <div className="min-w-0">
        <p className="font-semibold leading-snug">Waits for a producer’s acknowledgement; unacknowledged, as the warnings on Rust were, it escalates</p>
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-[0.95rem] text-muted">
          {signals.map((s) => (
            <li key={s.kind}>
              {s.label}:{' '}
              {s.steps
                .map((st) =>
                  st.step === 'resend'
                    ? `re-sent to every producer and the armorer ${when(st.dueAt)}`
                    : `taken to the production’s safety contacts ${when(st.dueAt)}, with the ${HOTLINE.name} (${HOTLINE.display}) shown to everyone on the show`,
                )
                .join('; ')}
              .
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
