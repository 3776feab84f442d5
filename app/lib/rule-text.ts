// The nine safety rules in plain words, for people on set: what each one means for them.
// Numbers are the ones the code and its comments cite (app/lib/rules/).

export const RULE_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type RuleNumber = (typeof RULE_NUMBERS)[number];

/** `sources`: the law and industry texts a rule follows, cited in the in-app help. */
export const RULES: Record<RuleNumber, { title: string; plain: string; why: string; sources?: string[] }> = {
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
    sources: ['Safety Bulletin #1: a safety meeting every day firearms are handled.', 'Cal. Labor Code §9153(a)(4): a safety meeting when firearms are involved in a scene (rule 8 asks it per scene).'],
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
      'Once a production plans its firearm scenes, a weapon is handed out only for a setup with an approved plan naming that weapon, that handler and that load, after a safety meeting that covered that scene, to a handler whose firearms training or handler permit is current. The plan says what happens, the line of fire and who may be in it, the protection, whether a non-firing replica would do, and holds the specific firearms risk assessment, signed by the armorer and by the safety advisor and then approved by a producer. A refused attempt moves nothing and is recorded like rule 2’s. A lapsed training or permit refuses a hand-out even before any scene is planned.',
    why: 'The specific firearms risk assessment California law asks for. On Rust a firearm was pointed at people without consultation.',
    sources: [
      'Cal. Labor Code §9152.5(b)–(c): a written specific risk assessment for the use of firearms, naming the precautions and controls and the employees affected; §9152.5(d): the safety advisor’s authority over it.',
      'Cal. Labor Code §9153(a)(1)–(3): firearms and blanks only under the custody and control of a qualified property master, armorer or assistant property master, who alone hands a firearm to the performer and collects it, with no other duties while a firearm is out.',
      'Cal. Labor Code §9153(a)(4): a safety meeting when firearms are involved in a scene, as the Industry-Wide Labor-Management Safety Committee’s bulletins say.',
      'Cal. Labor Code §9155: no ammunition (live rounds) on a production outside narrow exceptions; a plan’s load is dummies or blanks only.',
      'Cal. Labor Code §9156: everyone handling or near firearms on set completes the CSATF Firearms Safety Course for the Entertainment Industry, or an equivalent training.',
      'Safety Bulletin #1 (Industry-Wide Labor-Management Safety Committee): blanks can kill, treat every firearm as loaded; no live ammunition on any lot or stage; a safety meeting every day firearms are handled; protective shields, eye and ear protection near blank fire.',
    ],
  },
  9: {
    title: 'Whoever holds the weapons has no other duty while they are out',
    plain:
      'The armorer, the property master and the assistant property master hold the weapons in custody. The armorer hands a weapon out — to a performer, or to a property master or assistant who takes it into custody — and only one of the three collects it after use; the return names who did. A scene plan records who works which other position on its setup. While it records the armorer, or the property master or assistant receiving the weapon, on another duty, no weapon goes out for that setup: the attempt is refused and recorded like rule 2’s. An armorer who also holds another position on the show is warned, and the dashboard flags it until a producer decides, with a reason, how the other work is covered; the decision can be revoked, and it never lets a weapon out that this rule refuses.',
    why: 'On Rust the armorer was also key props assistant and was not given time for her armorer duties.',
    sources: [
      'Cal. Labor Code §9153(a)(1): a firearm or blank is permitted on a production only under the custody and control of a qualified property master, armorer or assistant property master.',
      'Cal. Labor Code §9153(a)(2): while handling the firearm, the property master, armorer or assistant property master is the only person who hands it to the performer (or the crew member standing in), and only one of them collects it when the activity is complete.',
      'Cal. Labor Code §9153(a)(3): the property master, armorer or assistant property master has no other duties, responsibilities or obligations while preparing for the use of a firearm and while a firearm is with the performer; it remains their sole responsibility until the firearms are locked away.',
      'Cal. Labor Code §9153(a)(6): the employer ensures sufficient staffing of qualified property masters, armorers or assistant property masters.',
    ],
  },
};

export const ruleHref = (n: RuleNumber) => `/reference/rules#rule-${n}`;
