import { LABELS, type IncidentStatus, type Severity } from '@/app/lib/enums';
import { cx } from './cx';

// One token per state, defined once: colour plus a text label (and a symbol), never colour alone.
const SEVERITY_STYLE: Record<Severity, { cls: string; icon: string }> = {
  critical: { cls: 'bg-critical text-white', icon: '▲' },
  high: { cls: 'bg-high text-white', icon: '▲' },
  medium: { cls: 'bg-warn-soft text-medium', icon: '◆' },
  low: { cls: 'bg-info-soft text-low', icon: '●' },
  unrated: { cls: 'bg-subtle text-muted', icon: '○' },
};

const STATUS_STYLE: Record<IncidentStatus, string> = {
  reported: 'bg-subtle text-ink',
  investigating: 'bg-info-soft text-low',
  action_required: 'bg-warn-soft text-medium',
  closed: 'bg-ok-soft text-ok',
};

// A label, not a control: square-ish corners and no outline ring, so it never reads as a button.
const pill = 'inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 text-sm font-semibold';

export function SeverityBadge({ severity }: { severity: Severity }) {
  const s = SEVERITY_STYLE[severity];
  return (
    <span className={cx(pill, s.cls)}>
      <span aria-hidden="true">{s.icon}</span>
      {LABELS.severity[severity]}
    </span>
  );
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <span className={cx(pill, STATUS_STYLE[status])}>{LABELS.status[status]}</span>;
}

export function HoldBadge() {
  return (
    <span className={cx(pill, 'bg-hold-solid text-white')}>
      <span aria-hidden="true">■</span>
      On hold
    </span>
  );
}

export function Badge({ children, tone = 'neutral' }: { children: React.ReactNode; tone?: 'neutral' | 'ok' | 'warn' | 'danger' | 'info' }) {
  const tones = {
    neutral: 'bg-subtle text-ink',
    ok: 'bg-ok-soft text-ok',
    warn: 'bg-warn-soft text-medium',
    danger: 'bg-hold-soft text-hold',
    info: 'bg-brand-soft text-brand',
  } as const;
  return <span className={cx(pill, tones[tone])}>{children}</span>;
}
