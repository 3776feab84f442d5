import { LABELS, type CheckResult, type FirearmStatus } from '@/app/lib/enums';
import { Badge } from '@/components/ui/badge';

// Colour plus symbol plus words, never colour alone (ARCHITECTURE.md: phones and offline).
const STATUS: Record<FirearmStatus, { tone: 'ok' | 'info' | 'danger'; icon: string }> = {
  locked_up: { tone: 'ok', icon: '■' },
  checked_out: { tone: 'info', icon: '➜' },
  out_of_service: { tone: 'danger', icon: '✕' },
};

export function FirearmStatusBadge({ status }: { status: FirearmStatus }) {
  const s = STATUS[status];
  return (
    <Badge tone={s.tone}>
      <span aria-hidden="true">{s.icon}</span>
      {LABELS.firearmStatus[status]}
    </Badge>
  );
}

export function CheckResultBadge({ result }: { result: CheckResult }) {
  return (
    <Badge tone={result === 'pass' ? 'ok' : 'danger'}>
      <span aria-hidden="true">{result === 'pass' ? '✓' : '✕'}</span>
      {LABELS.checkResult[result]}
    </Badge>
  );
}

export function ConfirmedBadge({ confirmed, declined = false }: { confirmed: boolean; declined?: boolean }) {
  if (declined)
    return (
      <Badge tone="danger">
        <span aria-hidden="true">✕</span>Declined: did not see it
      </Badge>
    );
  return confirmed ? (
    <Badge tone="ok">
      <span aria-hidden="true">✓</span>Confirmed
    </Badge>
  ) : (
    <Badge tone="warn">
      <span aria-hidden="true">…</span>Awaiting confirmation
    </Badge>
  );
}
