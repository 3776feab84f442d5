// Rule 8: the firearm scene plan. Cal. Labor Code §9152.5 asks for a specific firearms risk
// assessment per scene; Safety Bulletin #1 asks for a safety meeting before firearms are used in a
// scene, not only once a day. Pure: plain facts in, reasons out (ARCHITECTURE.md: safety rules).
import type { DutyFact } from './duties';

/** What a plan says goes out with a weapon (enums.ts PLAN_LOADS; kept here so the rules import nothing). */
type PlanLoad = 'none' | 'dummy' | 'blank';

export type PlanWeaponFact = { firearmId: string; handlerId: string; load: PlanLoad; rounds: number };

export type ScenePlanFact = {
  armorerSigned: boolean;
  advisorSigned: boolean;
  approved: boolean;
  weapons: PlanWeaponFact[];
};

export type ScenePlanFacts = {
  /**
   * The production plans its firearm scenes (at least one plan recorded). Until then rule 8 asks
   * nothing of a hand-out, so a production that has not started planning keeps rules 2, 5 and 6.
   */
  plansInUse: boolean;
  /** The newest plan for this setup, if any: a changed plan is a new one, and it governs. */
  plan: ScenePlanFact | null;
  /** The setup the hand-out names. */
  scene: string;
  firearmId: string;
  handlerId: string;
  /**
   * What goes out with the weapon: 'none' when no rounds are counted out. 'live' never comes from
   * a live production (live rounds cannot be inventory); the Rust replay gives it where the
   * sources say the weapon held a live round.
   */
  load: PlanLoad | 'live';
  rounds: number;
  /** The scenes today's safety meetings that covered firearms named. */
  meetingScenesToday: string[];
  /**
   * The handler's qualifications on record (any state), and today's date in the production's zone.
   * Null when not known (the Rust replay: the sources say nothing of them), so nothing is decided.
   */
  handlerQualifications: { kind: string; issuedOn: string; expiresOn: string }[] | null;
  today: string;
};

/** Rule 8's facts for a whole production, so a form can say why before a submission is refused. */
export type PlanGate = {
  plansInUse: boolean;
  /** The newest plan of each setup, with who it records on other duties (rule 9). */
  plans: (ScenePlanFact & { scene: string; duties?: DutyFact[] })[];
  meetingScenesToday: string[];
  qualifications: { userId: string; kind: string; issuedOn: string; expiresOn: string }[];
  today: string;
};

export const SCENE_PLAN_REASONS = {
  no_scene_plan: 'There is no scene plan for this setup: no risk assessment, no line of fire, and no answer to whether a non-firing replica would do (rule 8).',
  live_in_load: 'Live rounds are never a load: no plan can name them, and none may be on a production (rule 8).',
  plan_not_approved: 'The scene plan for this setup is not yet signed by the armorer and the safety advisor and approved by a producer (rule 8).',
  plan_weapon_not_named: 'The approved scene plan for this setup does not name this weapon (rule 8).',
  plan_handler_not_named: 'The approved scene plan does not name this person as the handler of this weapon (rule 8).',
  plan_load_mismatch: 'What would go out differs from the load the approved scene plan names for this weapon and handler (rule 8).',
  no_scene_meeting: 'No safety meeting today covered firearms in this scene (rule 8).',
  handler_not_qualified: 'The handler has no firearms safety training or handler permit on record (rule 8).',
  qualification_expired: 'The handler’s firearms qualifications on record have all expired (rule 8).',
} as const;
export type ScenePlanReason = keyof typeof SCENE_PLAN_REASONS;

/** Qualifications that let a member handle a weapon; an armorer certificate alone does not. */
export const HANDLER_QUALIFICATIONS: readonly string[] = ['firearms_safety_training', 'handler_permit'];

const norm = (s: string) => s.trim().toLowerCase();

/** A meeting's scene field may name several setups ("14B, 22C"); each counts as covered. */
export function meetingCoversScene(meetingScene: string, scene: string): boolean {
  const want = norm(scene);
  return meetingScene.split(/[,;/]|\band\b/i).some((part) => norm(part) === want);
}

/** A qualification counts from the day it was issued through the day it expires. */
export function isCurrent(q: { issuedOn: string; expiresOn: string }, today: string): boolean {
  return q.issuedOn <= today && today <= q.expiresOn;
}

/**
 * Rule 8 for one hand-out attempt: every reason it must be refused (empty = rule 8 allows it).
 * A plan is approved only once both signatures are on it (the core refuses otherwise), but the
 * rule checks all three so a plan row that somehow lacks one still refuses.
 */
export function scenePlanReasons(f: ScenePlanFacts): ScenePlanReason[] {
  const reasons: ScenePlanReason[] = [];
  if (f.load === 'live') reasons.push('live_in_load');
  const handlerQuals = (f.handlerQualifications ?? []).filter((q) => HANDLER_QUALIFICATIONS.includes(q.kind));
  // A production that records qualifications means them, even before it plans its scenes.
  if (f.handlerQualifications && (f.plansInUse || handlerQuals.length > 0)) {
    if (handlerQuals.length === 0) reasons.push('handler_not_qualified');
    else if (!handlerQuals.some((q) => isCurrent(q, f.today))) reasons.push('qualification_expired');
  }
  if (!f.plansInUse) return reasons;
  if (!f.plan) reasons.push('no_scene_plan');
  else if (!f.plan.approved || !f.plan.armorerSigned || !f.plan.advisorSigned) reasons.push('plan_not_approved');
  else {
    const forWeapon = f.plan.weapons.filter((w) => w.firearmId === f.firearmId);
    const entry = forWeapon.find((w) => w.handlerId === f.handlerId);
    if (forWeapon.length === 0) reasons.push('plan_weapon_not_named');
    else if (!entry) reasons.push('plan_handler_not_named');
    else if (f.load !== 'live' && (entry.load !== f.load || f.rounds > entry.rounds)) reasons.push('plan_load_mismatch');
  }
  if (!f.meetingScenesToday.some((s) => meetingCoversScene(s, f.scene))) reasons.push('no_scene_meeting');
  return reasons;
}

/** Days before expiry that a member and the armorers are reminded (rule 8's qualifications). */
export const QUALIFICATION_REMINDER_DAYS = 14;

export type QualificationReminder = { key: string; qualificationId: string; userId: string; stage: 'soon' | 'expired' };

const dayNumber = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);

/**
 * Reminders due on `today` for qualifications on record: one when the expiry is within
 * QUALIFICATION_REMINDER_DAYS, one once it has passed (for a month, so an old lapse is not
 * announced when a production starts). A later record of the same kind for the same member
 * (the renewal) silences the older one. Keys are stable, so each is sent once.
 */
export function dueQualificationReminders(
  quals: { id: string; userId: string; kind: string; expiresOn: string }[],
  today: string,
): QualificationReminder[] {
  const out: QualificationReminder[] = [];
  for (const q of quals) {
    const renewed = quals.some((o) => o.id !== q.id && o.userId === q.userId && o.kind === q.kind && o.expiresOn > q.expiresOn);
    if (renewed) continue;
    const left = dayNumber(q.expiresOn) - dayNumber(today);
    if (left >= 0 && left <= QUALIFICATION_REMINDER_DAYS) out.push({ key: `qualification:${q.id}:soon`, qualificationId: q.id, userId: q.userId, stage: 'soon' });
    else if (left < 0 && left >= -30) out.push({ key: `qualification:${q.id}:expired`, qualificationId: q.id, userId: q.userId, stage: 'expired' });
  }
  return out;
}
