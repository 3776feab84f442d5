// What in SetSafe answers each failure point: the rules (ARCHITECTURE.md: safety
// rules) and the features around them. Product description, not case data: it lives here, and
// the seeded failure points refer to it by key. Pure.
import type { AnswerKey } from './types';

export type Answer = { key: AnswerKey; title: string; text: string; rule?: 1 | 2 | 3 | 4 | 5 | 6 };

export const ANSWERS: Record<AnswerKey, Answer> = {
  'rule-1': {
    key: 'rule-1',
    rule: 1,
    title: 'Rule 1: discharges and live rounds stop work',
    text: 'An accidental discharge or live ammunition found is critical whatever severity was chosen. The production is put on a stop-work hold at once (a report filed during a hold joins the standing one) and every producer is notified. This holds for anonymous reports too.',
  },
  'rule-2': {
    key: 'rule-2',
    rule: 2,
    title: 'Rule 2: custody',
    text: 'Only the armorer hands out a weapon, and only after a passing check of that weapon for that setup, made after its last return, whose named witnesses have all confirmed. An attempt that breaks this is refused, nothing moves, and a custody-breach incident records the attempt.',
  },
  'rule-3': {
    key: 'rule-3',
    rule: 3,
    title: 'Rule 3: patterns escalate',
    text: 'Two or more near misses, misfires or accidental discharges on one production within 7 days of each other escalate to the producers, with a notification and a dashboard flag.',
  },
  'rule-4': {
    key: 'rule-4',
    rule: 4,
    title: 'Rule 4: open items first',
    text: 'Open holds, overdue corrective actions and overdue legal deadlines stand first on every dashboard.',
  },
  'rule-5': {
    key: 'rule-5',
    rule: 5,
    title: 'Rule 5: anyone may call a hold',
    text: 'Any member but an auditor may call a stop-work hold; only a producer lifts it, in writing. A hold from rule 1 also needs the armorer\u2019s or a second producer\u2019s concurrence, so no one person lifts it alone. While a hold stands, no weapon is handed out.',
  },
  'rule-6': {
    key: 'rule-6',
    rule: 6,
    title: 'Rule 6: a safety meeting every firearms day',
    text: 'No weapon is handed out on a day without a recorded safety meeting that covered firearms (Safety Bulletin #1: a meeting every day firearms are handled).',
  },
  'dual-role-flag': {
    key: 'dual-role-flag',
    title: 'Dashboard flag: armorer holds another position',
    text: 'When the armorer also holds another position on the show, the armorer is warned and the producer dashboard flags it until a producer records, with a reason, how that work is covered; the decision is shown and can be revoked. Whatever a producer decides, a setup whose scene plan puts the armorer (or a property master receiving the weapon) on another duty refuses every hand-out (rule 9, Cal. Labor Code \u00a79153(a)(3)).',
  },
  'corrective-actions': {
    key: 'corrective-actions',
    title: 'Corrective actions',
    text: 'Each incident carries corrective actions with an owner and a due date. Overdue ones stand first on every dashboard until the owner or a producer marks them done.',
  },
  'anonymous-reports': {
    key: 'anonymous-reports',
    title: 'Anonymous reports',
    text: 'Anyone on set can report through the production\u2019s link without an account. Nothing identifies the reporter; a receipt code lets them follow the report and answer questions.',
  },
  'witnessed-checks': {
    key: 'witnessed-checks',
    title: 'Witnessed checks, and only the armorer hands out',
    text: 'The armorer\u2019s check before each use covers the bore, every chamber and each round. Named witnesses (actor, stunt performer or 1st AD) confirm it in their own session, and only the armorer hands the weapon over (rule 2).',
  },
  'ammo-inspection': {
    key: 'ammo-inspection',
    title: 'Ammunition inspected on arrival',
    text: 'Every ammunition lot is inspected on arrival and recorded as dummy or blank. Live ammunition can never be entered as inventory; finding any is a critical incident (rule 1).',
  },
};

export const ANSWER_ORDER: AnswerKey[] = [
  'rule-1',
  'rule-2',
  'rule-3',
  'rule-4',
  'rule-5',
  'rule-6',
  'witnessed-checks',
  'ammo-inspection',
  'corrective-actions',
  'anonymous-reports',
  'dual-role-flag',
];
