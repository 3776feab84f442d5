// The whole permission table, role × action, in one place (ARCHITECTURE.md: permission matrix). Pure: the server checks it
// on every action, route handler and query; client code may read it only to hide a button.
import { FIREARM_INCIDENT_TYPES, type IncidentType, type Phase, type Role } from './enums';
import { Refusal } from './errors';

export const ACTIONS = [
  'incident.file', // file an incident, named or anonymous
  'incident.viewOwn', // see the incidents they filed
  'incident.viewAll', // see every incident of the production
  'incident.comment', // comment on an incident they can see
  'incident.triage', // triage, assign, investigate, close; corrective actions (all incidents)
  'incident.triageFirearm', // the same, firearm-related incidents only
  'anon.ask', // ask an anonymous reporter a question (all incidents)
  'anon.askFirearm', // the same, firearm-related only
  'injury.viewPersonal', // personal Form 301 fields (the reporter also sees their own)
  'firearm.view', // see inventory, ammunition, checks, custody, meetings
  'firearm.manage', // manage firearms and ammunition inventory
  'check.record', // record firearm checks and custody hand-offs; safety meetings
  'check.witness', // confirm a check as a named witness
  'meeting.attend', // confirm attendance at a safety meeting
  'hold.call', // call a stop-work hold
  'hold.lift', // lift a stop-work hold (with a written resolution)
  'hold.concur', // concur with lifting a rule-1 hold (armorer, or a second producer)
  'dashboard.view', // dashboards
  'audit.view', // audit trail, verification, exports
  'audit.receipt', // send a signed receipt of the audit chain head to producers and auditors
  'members.view', // see who is on the show
  'members.manage', // invite and remove members, set roles and positions
  'production.manage', // edit the production, rotate the anonymous-report link
  'production.view', // open the production at all
  'signal.acknowledge', // rule 7: acknowledge a critical signal (a producer)
  'escalation.manage', // rule 7: the escalation windows and the safety contacts (a producer)
  'osha.record', // OSHA recordkeeping: reports made to OSHA or the state plan, recordability of each case; establishments
  'osha.view', // OSHA Forms 300, 300A and 301 and the ITA files (personal fields: producers and auditors)
  'plan.view', // rule 8: read the firearm scene plans (handlers and crew read their line of fire)
  'plan.write', // rule 8: write a scene plan and sign its risk assessment as the armorer
  'plan.advise', // rule 8: sign a scene plan's risk assessment as the safety advisor (that position only)
  'plan.approve', // rule 8: approve a signed scene plan (a producer)
  'qualification.view', // rule 8: see members' permits and trainings
  'qualification.record', // rule 8: record a member's permit or training with its expiry
  'report.wrap', // the post-filming firearms report (crew: the safety advisor position only, canReadWrapReport)
  'duties.decide', // rule 9: decide on, or revoke a decision on, an armorer who holds another position (a producer)
  'ammo.receive', // receive a lot from the vendor (paperwork, count, dummy verification); adjust a lot's count with a reason
  'ammo.evidence', // freeze a lot a live round was found in (rule 1); count it; record its chain of custody to the authorities
  'ammo.vendorReturn', // return a lot to the vendor at wrap, signed by the armorer; the lot is closed
  'ammo.acknowledgeReturn', // a producer acknowledges a lot's return to the vendor
] as const;
export type Action = (typeof ACTIONS)[number];

const MATRIX: Record<Role, readonly Action[]> = {
  crew: [
    'production.view', 'members.view', 'incident.file', 'incident.viewOwn', 'incident.comment',
    'check.witness', 'meeting.attend', 'hold.call', 'plan.view', 'plan.advise', 'report.wrap',
  ],
  armorer: [
    'production.view', 'members.view', 'incident.file', 'incident.viewOwn', 'incident.viewAll',
    'incident.comment', 'incident.triageFirearm', 'anon.askFirearm', 'firearm.view', 'firearm.manage',
    'check.record', 'check.witness', 'meeting.attend', 'hold.call', 'hold.concur', 'dashboard.view',
    'plan.view', 'plan.write', 'qualification.view', 'qualification.record', 'report.wrap',
    'ammo.receive', 'ammo.evidence', 'ammo.vendorReturn',
  ],
  producer: [
    'production.view', 'members.view', 'incident.file', 'incident.viewOwn', 'incident.viewAll',
    'incident.comment', 'incident.triage', 'incident.triageFirearm', 'anon.ask', 'anon.askFirearm',
    'injury.viewPersonal', 'firearm.view', 'check.witness', 'meeting.attend', 'hold.call', 'hold.lift',
    'hold.concur', 'dashboard.view', 'audit.view', 'audit.receipt', 'members.manage', 'production.manage',
    'signal.acknowledge', 'escalation.manage', 'osha.record', 'osha.view', 'plan.view', 'plan.advise', 'plan.approve',
    'qualification.view', 'qualification.record', 'report.wrap', 'duties.decide', 'ammo.acknowledgeReturn',
  ],
  auditor: [
    'production.view', 'members.view', 'incident.viewAll', 'injury.viewPersonal', 'firearm.view',
    'dashboard.view', 'audit.view', 'audit.receipt', 'osha.view', 'plan.view', 'qualification.view', 'report.wrap',
  ],
};

/** Actions that change records: refused for everyone while the production is wrapped. */
export const READ_ONLY_ACTIONS: readonly Action[] = [
  'incident.viewOwn', 'incident.viewAll', 'injury.viewPersonal', 'firearm.view', 'dashboard.view',
  'audit.view', 'members.view', 'production.view', 'osha.view',
  // Anchoring the trail changes no record of the production: auditors may do it after the wrap.
  'audit.receipt',
  'plan.view', 'qualification.view', 'report.wrap',
];

export function can(role: Role | null | undefined, action: Action): boolean {
  return role != null && MATRIX[role].includes(action);
}

export function isWriteAction(action: Action): boolean {
  return !READ_ONLY_ACTIONS.includes(action);
}

export const PERMISSION_MESSAGE = 'Your role on this production does not allow that.';
export const WRAPPED_MESSAGE = 'This production is wrapped and read-only.';

/** The part of an actor the policy reads: the role, and the production's phase. */
export type PolicyActor = { role: Role; production: { phase: Phase } };

/**
 * Why this member may not do `action` now, or null when they may: the role must hold it, and an
 * action that changes records is refused on a wrapped production (ARCHITECTURE.md: wrapped is
 * read-only). The one answer to "may they do it now" for cores, pages and route handlers.
 */
export function refusedBecause(actor: PolicyActor, action: Action): string | null {
  if (!can(actor.role, action)) return PERMISSION_MESSAGE;
  if (actor.production.phase === 'wrapped' && isWriteAction(action)) return WRAPPED_MESSAGE;
  return null;
}

/** May this member do `action` now (role and wrapped phase)? Pages use it to offer a form. */
export function allowed(actor: PolicyActor, action: Action): boolean {
  return refusedBecause(actor, action) === null;
}

/** The one way a read refuses: throws a forbidden `Refusal`, which pages show and handlers map through HTTP_STATUS. */
export function assertCan(actor: PolicyActor, action: Action): void {
  const reason = refusedBecause(actor, action);
  if (reason) throw new Refusal(reason, 'forbidden');
}

/**
 * The post-filming firearms report (ARCHITECTURE.md: post-filming report): producers, armorers,
 * auditors, and of the crew only a member holding the safety advisor position — it lists every
 * member's qualifications and every incident, which other crew may not read.
 */
export function canReadWrapReport(actor: PolicyActor & { positions: readonly string[] }): boolean {
  if (!can(actor.role, 'report.wrap')) return false;
  return actor.role !== 'crew' || actor.positions.includes('safety_advisor');
}

export const WRAP_REPORT_MESSAGE = 'The firearms report is for producers, the armorer, auditors and the production’s safety advisor.';

/** The one refusal of the report's page, download and query: a forbidden `Refusal`. */
export function assertWrapReport(actor: PolicyActor & { positions: readonly string[] }): void {
  assertCan(actor, 'report.wrap');
  if (!canReadWrapReport(actor)) throw new Refusal(WRAP_REPORT_MESSAGE, 'forbidden');
}

/** ARCHITECTURE.md: firearm-related = these types, or any incident with a weapon linked. */
export function isFirearmRelated(i: { type: IncidentType; firearmCount?: number }): boolean {
  return FIREARM_INCIDENT_TYPES.includes(i.type) || (i.firearmCount ?? 0) > 0;
}

/** Triage, assign, investigate, close, corrective actions: producers all; armorers firearm-related. */
export function canTriage(role: Role | null | undefined, firearmRelated: boolean): boolean {
  return can(role, 'incident.triage') || (firearmRelated && can(role, 'incident.triageFirearm'));
}

/** Ask an anonymous reporter a question: producers all; armorers firearm-related. */
export function canAskReporter(role: Role | null | undefined, firearmRelated: boolean): boolean {
  return can(role, 'anon.ask') || (firearmRelated && can(role, 'anon.askFirearm'));
}

/** Whether the actor may open this incident at all. */
export function canSeeIncident(
  actor: { role: Role; userId: string },
  incident: { reporterId: string | null },
): boolean {
  return can(actor.role, 'incident.viewAll') || (can(actor.role, 'incident.viewOwn') && incident.reporterId === actor.userId);
}

/** Personal Form 301 fields: producers, auditors and the reporter (ARCHITECTURE.md: injury privacy). */
export function canSeeInjuryPersonal(
  actor: { role: Role; userId: string },
  incident: { reporterId: string | null },
): boolean {
  return can(actor.role, 'injury.viewPersonal') || incident.reporterId === actor.userId;
}
