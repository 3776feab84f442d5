// The safety verdict of a production (rule 4: what stands first), as the worst state in plain
// words. Pure: the facts are counted by the caller, at a time the caller chose.
//
// - "Not clear to shoot" while a stop-work hold stands (rule 5), a critical or live-ammunition
//   report waits untriaged (rule 1 made it critical: nobody has yet taken it up), or a legal
//   deadline is overdue (OSHA 8 h / 24 h, Form 301 in 7 days).
// - "Attention" for anything else that needs a person; each reason says which.
// - "Clear" only when nothing needs a person.

// Counts with thousands separators ("1,891"), as the dashboard's cards print them. The rules
// import nothing outside app/lib/rules (ARCHITECTURE.md: seams), so the formatter is their own.
const COUNT = new Intl.NumberFormat('en-US');
const formatCount = (count: number) => COUNT.format(count);

export type VerdictFacts = {
  /** Stop-work holds standing. */
  holds: number;
  /** Untriaged (still "reported") reports that are critical or of live ammunition found. */
  untriagedCritical: number;
  /** When there is exactly one untriaged critical report, its id (the reason links straight to it). */
  untriagedCriticalId?: string | null;
  /** Legal deadlines run out (OSHA report, Form 301). */
  overdueLegal: number;
  /** Corrective actions not done by their due date. */
  overdueActions: number;
  /** Weapons handed out on an earlier day and not yet back with the armorer. */
  weaponsNotBack: number;
  /** Other untriaged reports (not critical, not live ammunition). */
  untriagedOther: number;
  /** Critical reports being worked on (triaged, not closed). */
  openCritical: number;
  /** Rule-3 escalations flagged recently. */
  recentFlags: number;
  /** Checks whose named witnesses have not all confirmed. */
  checksAwaitingWitness: number;
  /** Hand-offs with a valid check ÷ (hand-offs + refused attempts) over the recent window; null with none. */
  compliance: number | null;
};

export type VerdictLevel = 'stop' | 'attention' | 'clear';
/** Where a reason points: a screen of the production (the caller turns it into a link). */
export type VerdictTarget =
  | { screen: 'hold' }
  | { screen: 'incident'; id: string }
  | { screen: 'incidents'; status?: 'reported'; severity?: 'critical' }
  | { screen: 'dashboard'; card: string }
  | { screen: 'custody' };
export type VerdictReason = { level: Exclude<VerdictLevel, 'clear'>; text: string; target: VerdictTarget };
export type SafetyVerdict = { level: VerdictLevel; headline: string; reasons: VerdictReason[] };

const n = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`;

export const VERDICT_HEADLINES: Record<VerdictLevel, string> = {
  stop: 'Not clear to shoot',
  attention: 'Attention',
  clear: 'Clear: nothing needs a person',
};

export function safetyVerdict(f: VerdictFacts): SafetyVerdict {
  const reasons: VerdictReason[] = [];
  const stop = (text: string, target: VerdictTarget) => reasons.push({ level: 'stop', text, target });
  const attention = (text: string, target: VerdictTarget) => reasons.push({ level: 'attention', text, target });

  if (f.holds > 0) stop(f.holds === 1 ? 'A stop-work hold stands: no weapon is handed out until a producer lifts it in writing.' : `${formatCount(f.holds)} stop-work holds stand: no weapon is handed out until a producer lifts them in writing.`, { screen: 'hold' });
  if (f.untriagedCritical > 0) {
    stop(
      `${n(f.untriagedCritical, 'critical or live-ammunition report is', 'critical or live-ammunition reports are')} not yet triaged.`,
      f.untriagedCritical === 1 && f.untriagedCriticalId ? { screen: 'incident', id: f.untriagedCriticalId } : { screen: 'incidents', status: 'reported', severity: 'critical' },
    );
  }
  if (f.overdueLegal > 0) stop(`${n(f.overdueLegal, 'legal deadline is', 'legal deadlines are')} overdue.`, { screen: 'dashboard', card: 'card-deadlines' });

  if (f.overdueActions > 0) attention(`${n(f.overdueActions, 'corrective action is', 'corrective actions are')} overdue.`, { screen: 'dashboard', card: 'card-overdue-actions' });
  if (f.weaponsNotBack > 0) attention(`${n(f.weaponsNotBack, 'weapon is', 'weapons are')} not back with the armorer since an earlier day.`, { screen: 'custody' });
  if (f.untriagedOther > 0) attention(`${n(f.untriagedOther, 'report waits', 'reports wait')} for triage.`, { screen: 'incidents', status: 'reported' });
  if (f.openCritical > 0) attention(`${n(f.openCritical, 'critical report is', 'critical reports are')} still open.`, { screen: 'incidents', severity: 'critical' });
  if (f.recentFlags > 0) attention(`${n(f.recentFlags, 'rule-3 escalation', 'rule-3 escalations')} (repeated firearm incidents) in the last 14 days.`, { screen: 'dashboard', card: 'card-flags' });
  if (f.checksAwaitingWitness > 0) attention(`${n(f.checksAwaitingWitness, 'check waits', 'checks wait')} for a witness to confirm.`, { screen: 'dashboard', card: 'card-witness' });
  if (f.compliance !== null && f.compliance < 1) attention(`Check compliance is ${Math.floor(f.compliance * 100)}% over the last 7 days (hand-offs without a valid check, or refused).`, { screen: 'dashboard', card: 'card-compliance' });

  const level: VerdictLevel = reasons.some((r) => r.level === 'stop') ? 'stop' : reasons.length ? 'attention' : 'clear';
  return { level, headline: VERDICT_HEADLINES[level], reasons };
}
