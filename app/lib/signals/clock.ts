import type { Signal } from '@/db/schema';

/**
 * When a signal's windows start counting. An anonymous report keeps the day only (ARCHITECTURE.md:
 * day-only stamps): its signal is stamped with the instant its local day began, so its windows
 * count from there and it is escalated at the first run that finds it unacknowledged — a false
 * escalation costs a phone call, a missed live round a life (rule 1's reasoning). Pure.
 */
export function clockStart(s: Pick<Signal, 'raisedAt' | 'anonymous'>, _timeZone: string): Date {
  return s.raisedAt;
}
