import type { Deadline } from '@/app/lib/rules';
import { formatInZone } from '@/app/lib/time';
import { Badge } from '@/components/ui/badge';

const STATE = {
  met: { tone: 'ok', text: '✓ Met' },
  met_late: { tone: 'warn', text: '✓ Met late' },
  open: { tone: 'info', text: '◷ Open' },
  overdue: { tone: 'danger', text: '✗ Overdue' },
} as const;

/** The legal clocks of an injury (29 CFR 1904.39; Form 301 within 7 days), each with its state in words. */
export function Deadlines({ deadlines, timeZone }: { deadlines: Deadline[]; timeZone: string }) {
  return (
    <ul className="flex flex-col gap-3" data-testid="deadlines">
      {deadlines.map((d) => (
        <li key={d.key} className="rounded-lg border border-line p-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-semibold">{d.label}</p>
            <Badge tone={STATE[d.state].tone}>{STATE[d.state].text}</Badge>
          </div>
          <p className="text-sm text-muted">
            Due {formatInZone(d.dueAt, timeZone)}
            {d.doneAt ? ` · done ${formatInZone(d.doneAt, timeZone)}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}
