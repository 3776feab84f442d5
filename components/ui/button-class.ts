import { cx } from './cx';

// The button look alone, with no component around it: the signed-in error boundary, loaded with
// every signed-in page, uses it on its own (ARCHITECTURE.md: performance budget).
export type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const base =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 py-2 text-base font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60';
const variants: Record<Variant, string> = {
  primary: 'bg-brand-solid text-white hover:bg-brand-solid/85',
  secondary: 'border border-line bg-surface text-ink hover:bg-canvas',
  danger: 'bg-hold-solid text-white hover:bg-red-800',
  ghost: 'text-brand hover:bg-brand-soft',
};

export function buttonClass(variant: Variant = 'primary', className?: string) {
  return cx(base, variants[variant], className);
}
