// Closed sets shared by zod schemas, Drizzle columns and the UI. Pure: no imports.

export const ROLES = ['crew', 'armorer', 'producer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const POSITIONS = [
  'actor',
  'stunt_performer',
  'first_ad',
  'safety_advisor',
  'camera',
  'property_master',
  'assistant_property_master',
  'props',
  'other',
] as const;
export type Position = (typeof POSITIONS)[number];
/**
 * Cal. Labor Code §9153(a)(1)–(2): besides the armorer, the property master and the assistant
 * property master hold firearms in custody and collect them (rule 9, ARCHITECTURE.md: positions).
 * 'props' stays the rest of the props department, who are not custodians.
 */
export const CUSTODIAN_POSITIONS: readonly Position[] = ['property_master', 'assistant_property_master'];
/** What a scene plan may record a member doing on a setup besides custody (rule 9): any non-custodian position. */
export const DUTIES = ['actor', 'stunt_performer', 'first_ad', 'safety_advisor', 'camera', 'props', 'other'] as const satisfies readonly Position[];
export type Duty = (typeof DUTIES)[number];
/** Positions that may be named as a check witness or receive a weapon (ARCHITECTURE.md: positions). */
export const WITNESS_POSITIONS: readonly Position[] = ['actor', 'stunt_performer', 'first_ad'];

export const PHASES = ['prep', 'shooting', 'wrapped'] as const;
export type Phase = (typeof PHASES)[number];

/** Why a signed head receipt was sent: the worker's daily clock, or someone asking on the audit screen. */
export const RECEIPT_TRIGGERS = ['daily', 'on_demand'] as const;
export type ReceiptTrigger = (typeof RECEIPT_TRIGGERS)[number];

export const INCIDENT_TYPES = [
  'accidental_discharge',
  'misfire_malfunction',
  'live_ammunition_found',
  'injury',
  'near_miss',
  'custody_breach',
  'unsafe_condition',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];
/** ARCHITECTURE.md: firearm-related = these types, or any incident with a weapon linked. */
export const FIREARM_INCIDENT_TYPES: readonly IncidentType[] = [
  'accidental_discharge',
  'misfire_malfunction',
  'live_ammunition_found',
  'custody_breach',
];

export const SEVERITIES = ['unrated', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const INCIDENT_STATUSES = ['reported', 'investigating', 'action_required', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const COMMENT_KINDS = ['comment', 'question', 'answer', 'reporter_info'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

export const HOLD_SOURCES = ['manual', 'rule1'] as const;

export const FIREARM_KINDS = ['functional', 'blank_firing', 'non_firing_replica', 'rubber_airsoft'] as const;
export type FirearmKind = (typeof FIREARM_KINDS)[number];

export const FIREARM_STATUSES = ['locked_up', 'checked_out', 'out_of_service'] as const;
export type FirearmStatus = (typeof FIREARM_STATUSES)[number];

/** Live ammunition is deliberately absent: it can never be inventory (ARCHITECTURE.md: ammunition). */
export const AMMO_KINDS = ['dummy', 'blank'] as const;
export type AmmoKind = (typeof AMMO_KINDS)[number];
/** How each dummy of a lot was verified on arrival (ARCHITECTURE.md: ammunition chain): several may apply. */
export const DUMMY_VERIFICATION_METHODS = ['rattle', 'drilled_case', 'no_primer'] as const;
export type DummyVerificationMethod = (typeof DUMMY_VERIFICATION_METHODS)[number];
/** A lot is in the store, frozen as evidence (a live round was found in it), or returned to the vendor and closed. */
export const AMMO_LOT_STATUSES = ['in_store', 'frozen', 'returned'] as const;
export type AmmoLotStatus = (typeof AMMO_LOT_STATUSES)[number];
/** The per-lot ledger: each movement of rounds in or out of the store, and the fired count on a return. */
export const AMMO_MOVEMENT_KINDS = ['received', 'issued', 'returned', 'fired', 'missing', 'adjusted', 'vendor_return', 'evidence'] as const;
export type AmmoMovementKind = (typeof AMMO_MOVEMENT_KINDS)[number];

/** What a scene plan says a weapon is loaded with (rule 8). Live rounds are never a load. */
export const PLAN_LOADS = ['none', 'dummy', 'blank'] as const;
export type PlanLoad = (typeof PLAN_LOADS)[number];

/** A member's firearms qualifications (Cal. Labor Code §9156 training; permits), with expiry. */
export const QUALIFICATION_KINDS = ['firearms_safety_training', 'handler_permit', 'armorer_certificate', 'other'] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];

export const CHECK_PHASES = ['before_use', 'after_use'] as const;
export type CheckPhase = (typeof CHECK_PHASES)[number];

export const CHECK_RESULTS = ['pass', 'fail'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export const NOTIFICATION_KINDS = [
  'hold_called',
  'hold_lifted',
  'escalation',
  'critical_incident',
  'assigned',
  'comment',
  'status_changed',
  'witness_request',
  'witness_declined',
  'meeting_attendance',
  'reporter_update',
  'corrective_action',
  'reminder',
  'scene_plan',
  'qualification_expiring',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Kinds that can never be muted, whose email and push ignore quiet hours (ARCHITECTURE.md: messages to
 * people; rule 1 and rule 7 signals). Defined once: preferences, the outbox and the UI read this.
 */
export const CRITICAL_NOTIFICATION_KINDS: readonly NotificationKind[] = ['hold_called', 'critical_incident', 'escalation'];
export const isCriticalKind = (k: string): boolean => (CRITICAL_NOTIFICATION_KINDS as readonly string[]).includes(k);

/** What each kind of message is called where a member chooses how it reaches them. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  hold_called: 'Stop-work hold called',
  critical_incident: 'Critical incident',
  escalation: 'Escalations (rule 3 patterns, rule 7 unacknowledged signals)',
  hold_lifted: 'Hold lifted',
  assigned: 'An incident assigned to you',
  comment: 'Comments',
  status_changed: 'New reports and status changes',
  witness_request: 'Asked to witness a check',
  witness_declined: 'A witness declined your check',
  meeting_attendance: 'Safety meeting attendance',
  reporter_update: 'Updates on reports you filed',
  corrective_action: 'Corrective actions',
  reminder: 'Reminders: actions due, legal clocks',
  scene_plan: 'Scene plans waiting for your signature or approval',
  qualification_expiring: 'Firearms qualifications about to expire',
};

/** Ways a message leaves the app; in-app notifications always exist besides these. */
export const DELIVERY_CHANNELS = ['email', 'push'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const LABELS = {
  role: { crew: 'Crew', armorer: 'Armorer', producer: 'Producer', auditor: 'Auditor' } satisfies Record<Role, string>,
  position: {
    actor: 'Actor',
    stunt_performer: 'Stunt performer',
    first_ad: '1st AD',
    safety_advisor: 'Safety advisor',
    camera: 'Camera',
    property_master: 'Property master',
    assistant_property_master: 'Assistant property master',
    props: 'Props crew',
    other: 'Other',
  } satisfies Record<Position, string>,
  phase: { prep: 'Prep', shooting: 'Shooting', wrapped: 'Wrapped' } satisfies Record<Phase, string>,
  incidentType: {
    accidental_discharge: 'Accidental discharge',
    misfire_malfunction: 'Misfire or malfunction',
    live_ammunition_found: 'Live ammunition found',
    injury: 'Injury',
    near_miss: 'Near miss',
    custody_breach: 'Custody or protocol breach',
    unsafe_condition: 'Unsafe condition',
    other: 'Other',
  } satisfies Record<IncidentType, string>,
  severity: { unrated: 'Unrated', low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } satisfies Record<Severity, string>,
  status: {
    reported: 'Reported',
    investigating: 'Investigating',
    action_required: 'Action required',
    closed: 'Closed',
  } satisfies Record<IncidentStatus, string>,
  firearmKind: {
    functional: 'Functional firearm',
    blank_firing: 'Blank-firing',
    non_firing_replica: 'Non-firing replica',
    rubber_airsoft: 'Rubber / airsoft',
  } satisfies Record<FirearmKind, string>,
  firearmStatus: { locked_up: 'Locked up', checked_out: 'Checked out', out_of_service: 'Out of service' } satisfies Record<FirearmStatus, string>,
  ammoKind: { dummy: 'Dummy', blank: 'Blank' } satisfies Record<AmmoKind, string>,
  dummyVerification: { rattle: 'Rattle (shaken, the round rattles)', drilled_case: 'Drilled case (hole through the case wall)', no_primer: 'No primer (empty primer pocket)' } satisfies Record<DummyVerificationMethod, string>,
  dummyVerificationShort: { rattle: 'rattle', drilled_case: 'drilled case', no_primer: 'no primer' } satisfies Record<DummyVerificationMethod, string>,
  ammoLotStatus: { in_store: 'In store', frozen: 'Frozen: evidence', returned: 'Returned to vendor' } satisfies Record<AmmoLotStatus, string>,
  ammoMovement: { received: 'Received', issued: 'Issued', returned: 'Returned', fired: 'Fired', missing: 'Not accounted for', adjusted: 'Adjusted', vendor_return: 'Returned to vendor', evidence: 'To the authorities' } satisfies Record<AmmoMovementKind, string>,
  planLoad: { none: 'No rounds', dummy: 'Dummy rounds', blank: 'Blanks' } satisfies Record<PlanLoad, string>,
  qualificationKind: {
    firearms_safety_training: 'Firearms safety training',
    handler_permit: 'Firearm handler permit',
    armorer_certificate: 'Armorer certificate',
    other: 'Other qualification',
  } satisfies Record<QualificationKind, string>,
  checkPhase: { before_use: 'Before use', after_use: 'After use' } satisfies Record<CheckPhase, string>,
  checkResult: { pass: 'Pass', fail: 'Fail' } satisfies Record<CheckResult, string>,
} as const;
