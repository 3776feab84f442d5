// The armorer's checklist (Safety Bulletin #1 and the practice armorers
// state). Pure data: the form, the zod schema and the pages all read it.
import type { CheckPhase } from '../enums';

export const CHECK_ITEM_KEYS = [
  'bore_clear',
  'chambers_shown',
  'rounds_verified',
  'no_live_round',
  'mechanism_works',
  'shown_to_recipient',
  'handling_briefed',
  'protection_ready',
] as const;
export type CheckItemKey = (typeof CHECK_ITEM_KEYS)[number];

type Item = { key: CheckItemKey; label: string; hint: Record<CheckPhase, string> | { before_use: string }; phases: readonly CheckPhase[] };

const BOTH: readonly CheckPhase[] = ['before_use', 'after_use'];
const BEFORE: readonly CheckPhase[] = ['before_use'];

export const CHECK_ITEMS: readonly Item[] = [
  {
    key: 'bore_clear',
    label: 'Bore clear',
    hint: { before_use: 'Barrel and bore shown clear of any obstruction or projectile.', after_use: 'Barrel and bore shown clear after use.' },
    phases: BOTH,
  },
  {
    key: 'chambers_shown',
    label: 'Every chamber shown',
    hint: {
      before_use: 'Each chamber (every cylinder chamber, or chamber and magazine) shown empty or loaded only with verified dummies or blanks.',
      after_use: 'Each chamber shown: the weapon came back cleared.',
    },
    phases: BOTH,
  },
  {
    key: 'rounds_verified',
    label: 'Each round verified dummy or blank',
    hint: {
      before_use: 'Every round in or issued with the weapon inspected one by one.',
      after_use: 'Every round counted back inspected one by one.',
    },
    phases: BOTH,
  },
  {
    key: 'no_live_round',
    label: 'No live round present',
    hint: {
      before_use: 'None in the weapon, the rounds issued or the cart. Live ammunition is never allowed on set.',
      after_use: 'None among the rounds counted back.',
    },
    phases: BOTH,
  },
  {
    key: 'mechanism_works',
    label: 'Safety and mechanism work',
    hint: { before_use: 'Action, hammer, cylinder or slide and any safety operate correctly.', after_use: 'No damage or malfunction after use.' },
    phases: BOTH,
  },
  {
    key: 'shown_to_recipient',
    label: 'Shown to the actor or recipient',
    hint: { before_use: 'The weapon and its condition shown to the person receiving it and to the named witnesses.' },
    phases: BEFORE,
  },
  {
    key: 'handling_briefed',
    label: 'Handling briefed',
    hint: {
      before_use:
        'Treat it as loaded; finger off the trigger until ready to fire; do not point it at anyone, yourself included, unless the shot was planned with the armorer and the 1st AD.',
    },
    phases: BEFORE,
  },
  {
    key: 'protection_ready',
    label: 'Protection for blank fire',
    hint: { before_use: 'Shields, hearing and eye protection in place for people near blank fire, or no blanks in this setup.' },
    phases: BEFORE,
  },
];

export function itemsFor(phase: CheckPhase): readonly Item[] {
  return CHECK_ITEMS.filter((i) => i.phases.includes(phase));
}

export function itemHint(item: Item, phase: CheckPhase): string {
  return (item.hint as Record<string, string>)[phase] ?? item.hint.before_use;
}

export function emptyChecklist(): Record<CheckItemKey, boolean> {
  return Object.fromEntries(CHECK_ITEM_KEYS.map((k) => [k, false])) as Record<CheckItemKey, boolean>;
}
