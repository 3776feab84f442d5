import type { Obligation } from '@/app/lib/rules/obligations';
import { Badge } from '@/components/ui/badge';

const TONE = { required: 'danger', not_required: 'ok', check: 'warn' } as const;
const WORD = { required: 'Required', not_required: 'Not required', check: 'Check' } as const;

/** Which obligations apply and why, each with its rule (ARCHITECTURE.md: OSHA recordkeeping, obligations). */
export function ObligationsList({ items }: { items: Obligation[] }) {
  return (
    <ul className="flex flex-col gap-3" data-testid="obligations">
      {items.map((o) => (
        <li key={o.key} data-obligation={o.key} data-status={o.status}>
          <p className="flex flex-wrap items-center gap-2 font-semibold">
            <Badge tone={TONE[o.status]}>{WORD[o.status]}</Badge> {o.label}
          </p>
          <p className="text-sm text-muted">{o.why} <span className="whitespace-nowrap">({o.rule})</span></p>
        </li>
      ))}
    </ul>
  );
}
