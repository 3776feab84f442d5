// Pure: what the hand-out form says before a submission rules 2 or 8 would refuse.
import { DUTY_REASONS, LOT_REASONS, lotIssueReasons, otherDutyReasons, SCENE_PLAN_REASONS, scenePlanReasons, type PlanGate } from '@/app/lib/rules';
import type { AmmoLotStatus } from '@/app/lib/enums';

export type Setup = { firearmId: string; scene: string };

export const sameScene = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * How many of a weapon's ready setups are named, newest first, before "and N more": a weapon
 * checked for a long run of setups since its last return would otherwise fill the screen. The
 * form still knows every one of them, so a setup not named is not refused for it.
 */
export const SETUPS_NAMED = 5;
export function namedSetups(scenes: string[]): string {
  const more = scenes.length - SETUPS_NAMED;
  const shown = scenes.slice(0, SETUPS_NAMED).join(', ');
  return more > 0 ? `${shown} and ${more} more` : shown;
}

/**
 * What rule 2 would say about this weapon for this setup, read from the page's facts (the server
 * decides again on submit): null when it may go, else why not. `readyScenes` are the setups this
 * weapon is cleared for.
 */
export function handOutProblem(firearm: { id: string; tag: string } | undefined, scene: string, readyScenes: string[], awaiting: (Setup & { waitingFor: string[]; declinedBy?: string[] })[]): string | null {
  if (!firearm || !scene.trim()) return null;
  if (readyScenes.some((r) => sameScene(r, scene))) return null;
  const waiting = awaiting.find((a) => a.firearmId === firearm.id && sameScene(a.scene, scene));
  if (waiting?.declinedBy?.length) return `${waiting.declinedBy.join(', ')} declined the check of ${firearm.tag} for ${waiting.scene}: they did not see it. Check it again with witnesses (rule 2).`;
  if (waiting) return `The check of ${firearm.tag} for ${waiting.scene} still waits for ${waiting.waitingFor.join(', ')} to confirm it (rule 2).`;
  return `${firearm.tag} has no passing, witnessed check for “${scene.trim()}” since its last return (rule 2). Check it for this setup first.`;
}

export type { PlanGate };

/** What rule 8 would say about this hand-out, with the same rule function the server applies; null when it may go. */
export function planProblem(
  gate: PlanGate | null,
  a: { firearmId: string; handlerId: string; scene: string; lotKind: 'dummy' | 'blank' | null; rounds: number },
): string | null {
  if (!gate || !a.firearmId || !a.handlerId || !a.scene.trim()) return null;
  const plan = gate.plans.find((p) => sameScene(p.scene, a.scene)) ?? null;
  const rounds = Number.isFinite(a.rounds) ? a.rounds : 0;
  const reasons = scenePlanReasons({
    plansInUse: gate.plansInUse,
    plan,
    scene: a.scene,
    firearmId: a.firearmId,
    handlerId: a.handlerId,
    load: a.lotKind && rounds > 0 ? a.lotKind : 'none',
    rounds: a.lotKind ? rounds : 0,
    meetingScenesToday: gate.meetingScenesToday,
    handlerQualifications: gate.qualifications.filter((q) => q.userId === a.handlerId),
    today: gate.today,
  });
  return reasons.length ? reasons.map((r) => SCENE_PLAN_REASONS[r]).join(' ') : null;
}

/**
 * What rule 9 would say: the setup's plan records the armorer handing out, or the property master
 * or assistant receiving, on another duty. The same rule function the server applies; null when it may go.
 */
export function dutyProblem(gate: PlanGate | null, a: { giverId: string; scene: string; recipient: { userId: string; custodian: boolean } | null }): string | null {
  if (!gate || !a.scene.trim()) return null;
  const plan = gate.plans.find((p) => sameScene(p.scene, a.scene));
  const reasons = otherDutyReasons({ giverId: a.giverId, custodianRecipientId: a.recipient?.custodian ? a.recipient.userId : null, duties: plan?.duties ?? [] });
  return reasons.length ? reasons.map((r) => DUTY_REASONS[r]).join(' ') : null;
}

/** What the lot rule would say about the chosen lot (a frozen or returned lot issues nothing); null when it may go. */
export function lotProblem(lot: { lotNumber: string; status: AmmoLotStatus } | undefined): string | null {
  const reasons = lotIssueReasons(lot ?? null);
  return reasons.length ? `Lot ${lot!.lotNumber}: ${reasons.map((r) => LOT_REASONS[r]).join(' ')}` : null;
}
