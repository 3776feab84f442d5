// The eight safety rules in plain words, for people on set: what each one means for them.
// Numbers are the ones the code and its comments cite (app/lib/rules/).

export const RULE_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type RuleNumber = (typeof RULE_NUMBERS)[number];

export const RULES: Record<RuleNumber, { title: string; plain: string; why: string }> = {
  1: {
    title: 'A discharge or a live round stops work at once',
    plain:
      'A report of an accidental discharge or of live ammunition found is always critical: filing it puts the whole production on a stop-work hold and tells every producer, even when the report is anonymous.',
    why: 'A false hold costs an hour; a live round costs a life.',
  },
  2: {
    title: 'Only the armorer hands out a weapon, after a witnessed check',
    plain:
      'The armorer hands a weapon over only after a passing check of that weapon, for that setup, confirmed by every named witness, made after its last return. An attempt that breaks this is refused, nothing moves, and a custody-breach report is filed. Anyone may report a weapon that changed hands outside the armorer.',
    why: 'On Rust a weapon reached an actor without the armorer’s check at the hand-off.',
  },
  3: {
    title: 'Repeated firearm incidents go to the producers',
    plain:
      'Two or more near misses, misfires, malfunctions or accidental discharges within 7 days of each other escalate to the producers, once per window. Duplicates do not count.',
    why: 'Earlier discharges on Rust were never escalated.',
  },
  4: {
    title: 'What is dangerous or late comes first',
    plain: 'Standing holds, overdue corrective actions and overdue legal deadlines are listed first on every dashboard, before anything else.',
    why: 'The most urgent thing should never be below the fold.',
  },
  5: {
    title: 'Anyone may stop work; a producer restarts it in writing',
    plain:
      'Any member except an auditor may call a stop-work hold. Only a producer lifts it, with a written resolution. A hold from rule 1 also needs the armorer’s or a second producer’s agreement. While a hold stands, no weapon is handed out; returns still work.',
    why: 'No one person involved lifts a serious hold alone.',
  },
  6: {
    title: 'No weapon out without today’s safety meeting',
    plain: 'No weapon is handed out on a day without a recorded safety meeting that covered firearms.',
    why: 'Safety Bulletin #1: a meeting every day firearms are handled.',
  },
  7: {
    title: 'Critical signals wait for a producer to act',
    plain:
      'A hold, live ammunition, a discharge, a custody breach, a rule-3 escalation or an injury with a legal clock waits for a producer’s acknowledgement. If nobody answers in time it is sent again, more widely, and every step is recorded.',
    why: 'Warnings on Rust existed; nobody was made to act on them.',
  },
  8: {
    title: 'No weapon out without an approved scene plan',
    plain:
      'A weapon is handed out only for a setup with an approved plan naming that weapon, that handler and that load, a meeting that covered that scene, and a handler whose qualifications are current.',
    why: 'The specific firearms risk assessment that California law asks for.',
  },
};

export const ruleHref = (n: RuleNumber) => `/reference/rules#rule-${n}`;
