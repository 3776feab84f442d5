import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  AMMO_KINDS,
  AMMO_LOT_STATUSES,
  AMMO_MOVEMENT_KINDS,
  type DummyVerificationMethod,
  CHECK_PHASES,
  CHECK_RESULTS,
  COMMENT_KINDS,
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  FIREARM_INCIDENT_TYPES,
  FIREARM_KINDS,
  FIREARM_STATUSES,
  HOLD_SOURCES,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
  NOTIFICATION_KINDS,
  PHASES,
  QUALIFICATION_KINDS,
  type Duty,
  type PlanLoad,
  RECEIPT_TRIGGERS,
  ROLES,
  SEVERITIES,
} from '../app/lib/enums';
import { SAFETY_CONTACT_KINDS, SIGNAL_KINDS } from '../app/lib/rules/acknowledgement';
import { CASE_CLASSIFICATIONS, CASE_TYPES, DEFAULT_INDUSTRY, DEFAULT_NAICS, ESTABLISHMENT_TYPES, JURISDICTIONS, PRIVACY_REASONS, type FirstAid } from '../app/lib/rules/osha';

// Ids are random UUIDs (text) so they cannot be guessed or enumerated across productions.
// Times are integer milliseconds (timestamp_ms); calendar days are 'YYYY-MM-DD' text.
const id = () => text('id').primaryKey();
const ts = (name: string) => integer(name, { mode: 'timestamp_ms' });
const bool = (name: string) => integer(name, { mode: 'boolean' });

// ───────────────────────────── people and productions ─────────────────────────────

export const users = sqliteTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** scrypt hash; null until the invited person sets a password through their link. */
  passwordHash: text('password_hash'),
  isAdmin: bool('is_admin').notNull().default(false),
  /** Carried in the JWT and compared on every request; bumped on sign-out, password change, removal. */
  sessionVersion: integer('session_version').notNull().default(1),
  createdAt: ts('created_at').notNull(),
  /** Two-factor sign-in (TOTP, RFC 6238): the shared secret, set at enrolment, in use once enabledAt is set. */
  totpSecret: text('totp_secret'),
  totpEnabledAt: ts('totp_enabled_at'),
  /** The last time step a code was accepted at: a code is used once (no replay within its 30 s). */
  totpLastStep: integer('totp_last_step'),
  /** sha256 of each unused recovery code. */
  recoveryCodeHashes: text('recovery_code_hashes', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
});

/** Site-wide settings the site admin keeps (key → JSON value). */
export const siteSettings = sqliteTable('site_settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** One-time links through which an invited person sets their own password. Stored as a hash. */
export const inviteTokens = sqliteTable('invite_tokens', {
  id: id(),
  userId: text('user_id').notNull().references(() => users.id),
  productionId: text('production_id').references(() => productions.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdById: text('created_by_id').references(() => users.id),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

/**
 * One-time sign-in links sent by email: the owner's way in while password guessing on their account
 * is throttled (README: Security). Only the token's sha256 is stored; a link works once, for 15 minutes.
 */
export const signInLinks = sqliteTable(
  'sign_in_links',
  {
    id: id(),
    userId: text('user_id').notNull().references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('sign_in_links_user').on(t.userId, t.createdAt)],
);

/** Failed sign-ins, per account and per address, for throttling. */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(), // 'email:<addr>' or 'ip:<addr>'
    at: ts('at').notNull(),
  },
  (t) => [index('sign_in_failures_key_at').on(t.key, t.at)],
);

export const productions = sqliteTable('productions', {
  id: id(),
  title: text('title').notNull(),
  company: text('company').notNull(),
  locations: text('locations').notNull().default(''),
  startDate: text('start_date'),
  endDate: text('end_date'),
  timeZone: text('time_zone').notNull(),
  phase: text('phase', { enum: PHASES }).notNull().default('prep'),
  /** Token of the anonymous-report link; rotating it makes the old link stop working. */
  reportToken: text('report_token').notNull().unique(),
  reportTokenRotatedAt: ts('report_token_rotated_at'),
  createdAt: ts('created_at').notNull(),
  /** Producers and auditors of this production must sign in with a second factor. */
  requireTwoFactor: bool('require_two_factor').notNull().default(false),
  /** Whose injury-reporting rule applies: federal OSHA or a state plan (ARCHITECTURE.md: OSHA recordkeeping). */
  jurisdiction: text('jurisdiction', { enum: JURISDICTIONS }).notNull().default('federal'),
});

export const memberships = sqliteTable(
  'memberships',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    userId: text('user_id').notNull().references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
    /** JSON array of POSITIONS. */
    positions: text('positions', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('memberships_production_user').on(t.productionId, t.userId), index('memberships_user').on(t.userId)],
);

// ───────────────────────────── audit ─────────────────────────────

/**
 * Append-only. Triggers (in the first migration) refuse UPDATE and DELETE.
 * One hash chain per production (chain = production id) plus 'site'.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    chain: text('chain').notNull(),
    seq: integer('seq').notNull(),
    /** For anonymous filings this is the start of the day only (ARCHITECTURE.md: anonymous reports). */
    at: ts('at').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: text('before'),
    after: text('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_chain_seq').on(t.chain, t.seq),
    index('audit_entity').on(t.entity, t.entityId),
    index('audit_chain_at').on(t.chain, t.at),
    // The audit screen's filter options count entries per (entity, action, person) from this
    // index alone, in its order: no table reads, no sort (ARCHITECTURE.md: performance budget, growth).
    index('audit_chain_options').on(t.chain, t.entity, t.action, t.actorId, t.actorLabel),
  ],
);

/**
 * The audit screen's filter options: entries per chain, kind, action and person, kept by a trigger
 * on every audit entry written (ARCHITECTURE.md: performance budget, growth). Counts only: no order.
 */
export const auditOptionCounts = sqliteTable(
  'audit_option_counts',
  {
    chain: text('chain').notNull(),
    entity: text('entity').notNull(),
    action: text('action').notNull(),
    /** The entry's actor_id, or '' for entries with none (seed, system, anonymous reporter). */
    actorKey: text('actor_key').notNull(),
    /** The greatest actor_label written under that person: the name the filter shows. */
    label: text('label').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chain, t.entity, t.action, t.actorKey] })],
);

/**
 * Signed head receipts sent to a production's producers and auditors (ARCHITECTURE.md: audit trail,
 * anchoring): each anchors the chain's head at `seq`/`hash` in inboxes outside the server. A daily
 * receipt carries its local day in `dedupeKey`, so the worker's clock writes one per day.
 */
export const headReceipts = sqliteTable(
  'head_receipts',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    chain: text('chain').notNull(),
    seq: integer('seq').notNull(),
    hash: text('hash').notNull(),
    signedAt: ts('signed_at').notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
    trigger: text('trigger', { enum: RECEIPT_TRIGGERS }).notNull(),
    /** Who asked for it; null for the daily receipt. */
    sentById: text('sent_by_id').references(() => users.id),
    recipients: integer('recipients').notNull(),
    dedupeKey: text('dedupe_key').unique(),
  },
  (t) => [index('head_receipts_production').on(t.productionId, t.signedAt)],
);

// ───────────────────────────── incidents ─────────────────────────────

export const incidents = sqliteTable(
  'incidents',
  {
    /** Made by the client, so a repeated submission is the same report. */
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    /** Human number per production (#1, #2 ...). */
    number: integer('number').notNull(),
    /** Null for anonymous reports: nothing identifies the reporter. */
    reporterId: text('reporter_id').references(() => users.id),
    anonymous: bool('anonymous').notNull().default(false),
    /** Hash of the anonymous reporter's receipt code. */
    receiptHash: text('receipt_hash').unique(),
    type: text('type', { enum: INCIDENT_TYPES }).notNull(),
    severity: text('severity', { enum: SEVERITIES }).notNull().default('unrated'),
    status: text('status', { enum: INCIDENT_STATUSES }).notNull().default('reported'),
    /** When it happened; null when not yet given. */
    occurredAt: ts('occurred_at'),
    /** When it was filed; start of the day for anonymous reports. */
    reportedAt: ts('reported_at').notNull(),
    location: text('location').notNull(),
    scene: text('scene').notNull().default(''),
    description: text('description').notNull(),
    immediateActions: text('immediate_actions').notNull().default(''),
    peopleInvolved: text('people_involved').notNull().default(''),
    ownerId: text('owner_id').references(() => users.id),
    duplicateOfId: text('duplicate_of_id'),
    resolution: text('resolution'),
    closedAt: ts('closed_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('incidents_production_number').on(t.productionId, t.number),
    index('incidents_production_occurred').on(t.productionId, t.occurredAt),
    index('incidents_production_status_severity').on(t.productionId, t.status, t.severity),
    // By type first (filters and counts by type), then what the firearms report groups by, and the
    // id its rule-1 questions join on: that report counts every report from the index alone.
    index('incidents_production_kind').on(t.productionId, t.type, t.severity, t.status, t.duplicateOfId, t.id),
    index('incidents_reporter').on(t.reporterId),
    index('incidents_production_reported').on(t.productionId, t.reportedAt),
    // Dashboard (rule 4): partial indexes hold only open incidents, so counting them by type and
    // finding the oldest unassigned cost what is open, not the production's whole history.
    index('incidents_open_type').on(t.productionId, t.type).where(sql`status <> 'closed'`),
    index('incidents_open_unassigned').on(t.productionId, t.reportedAt).where(sql`owner_id is null and status <> 'closed'`),
    // Dashboard at scale (ARCHITECTURE.md: performance budget): incidents per week by when they happened, one range of this
    // index, which covers every column the query reads (it spells the expression exactly so
    // SQLite uses it); without them each of a quarter's ~11k rows was a table look-up.
    index('incidents_production_when').on(t.productionId, sql`coalesce(occurred_at, reported_at)`, t.type, t.occurredAt, t.reportedAt, t.duplicateOfId).where(sql`duplicate_of_id is null`),
    // The weekly chart's firearm count: a range count on the firearm kinds only (ARCHITECTURE.md: performance budget). The
    // type list is FIREARM_INCIDENT_TYPES spelled as the query spells it; dashboard-plan.test.ts
    // fails if the two part and SQLite stops using this index.
    index('incidents_production_firearm_when')
      .on(t.productionId, sql`coalesce(occurred_at, reported_at)`)
      .where(sql.raw(`duplicate_of_id is null and type in (${FIREARM_INCIDENT_TYPES.map((x) => `'${x}'`).join(', ')})`)),
  ],
);

/** Weapons linked to an incident (makes it firearm-related). */
export const incidentFirearms = sqliteTable(
  'incident_firearms',
  {
    incidentId: text('incident_id').notNull().references(() => incidents.id),
    firearmId: text('firearm_id').notNull().references(() => firearms.id),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.firearmId] }), index('incident_firearms_firearm').on(t.firearmId)],
);

/**
 * A place the production keeps its OSHA log for (a stage, a location): the Form 300 and 300A are
 * per establishment and calendar year (29 CFR 1904.30; ARCHITECTURE.md: OSHA recordkeeping).
 */
export const establishments = sqliteTable(
  'establishments',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    name: text('name').notNull(),
    companyName: text('company_name').notNull().default(''),
    /** Employer Identification Number, 9 digits, for ITA; optional on the forms. */
    ein: text('ein').notNull().default(''),
    street: text('street').notNull().default(''),
    city: text('city').notNull().default(''),
    /** Two-letter postal code. */
    state: text('state').notNull().default(''),
    zip: text('zip').notNull().default(''),
    naicsCode: text('naics_code').notNull().default(DEFAULT_NAICS),
    industryDescription: text('industry_description').notNull().default(DEFAULT_INDUSTRY),
    establishmentType: text('establishment_type', { enum: ESTABLISHMENT_TYPES }).notNull().default('private'),
    /** The most employees at any one time in the year: ITA's size and the 1904.1 / 1904.41 thresholds. */
    peakEmployees: integer('peak_employees'),
    /** A written request from OSHA (1904.41(a)(3)) or BLS (1904.42) to keep records or submit: what and when. */
    writtenRequest: text('written_request').notNull().default(''),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('establishments_production').on(t.productionId)],
);

/** The 300A's yearly figures of one establishment and its certifying executive (29 CFR 1904.32). */
export const establishmentYears = sqliteTable(
  'establishment_years',
  {
    establishmentId: text('establishment_id').notNull().references(() => establishments.id),
    year: integer('year').notNull(),
    annualAverageEmployees: integer('annual_average_employees'),
    totalHoursWorked: integer('total_hours_worked'),
    certifierName: text('certifier_name').notNull().default(''),
    certifierTitle: text('certifier_title').notNull().default(''),
    certifierPhone: text('certifier_phone').notNull().default(''),
    /** 'YYYY-MM-DD'. */
    certifiedOn: text('certified_on'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.establishmentId, t.year] })],
);

/** injured_people rows with a legal clock still running; queries repeat it verbatim to use the index. */
export const OPEN_CLOCKS =
  'form301_completed_at is null or (osha_reported_at is null and (died = 1 or hospitalized_inpatient = 1 or amputation = 1 or loss_of_eye = 1))';

/**
 * One injured person of an incident: an OSHA case with its own Form 301 section, outcome, legal
 * clocks and recordability decision (OSHA Form 301, 29 CFR 1904; ARCHITECTURE.md: OSHA
 * recordkeeping). Personal fields (employee*, physician*, facility*) follow injury privacy.
 */
export const injuredPeople = sqliteTable('injured_people', {
  id: id(),
  incidentId: text('incident_id').notNull().references(() => incidents.id),
  /** 1, 2, … within the incident, in the order they were recorded. */
  ordinal: integer('ordinal').notNull(),
  // personal (1)-(9)
  employeeName: text('employee_name'),
  employeeAddress: text('employee_address'),
  employeeBirthDate: text('employee_birth_date'),
  employeeHiredDate: text('employee_hired_date'),
  employeeSex: text('employee_sex'),
  physicianName: text('physician_name'),
  facilityNameAddress: text('facility_name_address'),
  emergencyRoom: bool('emergency_room'),
  hospitalizedInpatient: bool('hospitalized_inpatient'),
  // case (10)-(18)
  caseNumber: text('case_number'),
  timeBeganWork: text('time_began_work'),
  activityBefore: text('activity_before'),
  howOccurred: text('how_occurred'),
  injuryDescription: text('injury_description'),
  harmingObject: text('harming_object'),
  died: bool('died').notNull().default(false),
  deathDate: text('death_date'),
  amputation: bool('amputation').notNull().default(false),
  lossOfEye: bool('loss_of_eye').notNull().default(false),
  // legal clocks (29 CFR 1904.39; 8 CCR 342)
  /** When the person died, if known: the 8-hour clock runs from it. */
  diedAt: ts('died_at'),
  /** When the employer learned of the death or serious injury, if later than the event. */
  learnedAt: ts('learned_at'),
  oshaReportedAt: ts('osha_reported_at'),
  /** To whom the report was made (office, number or online), and the reference it was given. */
  oshaReportedTo: text('osha_reported_to'),
  oshaReference: text('osha_reference'),
  form301CompletedAt: ts('form301_completed_at'),
  completedBy: text('completed_by'),
  completedTitle: text('completed_title'),
  completedPhone: text('completed_phone'),
  // recordability (29 CFR 1904.4-1904.7, 1904.29); null = not answered yet
  workRelated: bool('work_related'),
  newCase: bool('new_case'),
  daysAwayFromWork: bool('days_away_from_work'),
  daysAway: integer('days_away'),
  restrictedOrTransferred: bool('restricted_or_transferred'),
  daysRestricted: integer('days_restricted'),
  medicalTreatment: bool('medical_treatment'),
  /** JSON array of the first-aid items of 1904.7(b)(5)(ii) given. */
  firstAid: text('first_aid', { mode: 'json' }).$type<FirstAid[]>().notNull().default(sql`'[]'`),
  lossOfConsciousness: bool('loss_of_consciousness'),
  significantDiagnosis: bool('significant_diagnosis'),
  caseType: text('case_type', { enum: CASE_TYPES }),
  privacyReason: text('privacy_reason', { enum: PRIVACY_REASONS }),
  /** The decision as last saved: recordable, not_recordable or undecided, and its classification. */
  recordability: text('recordability', { enum: ['recordable', 'not_recordable', 'undecided'] }),
  classification: text('classification', { enum: CASE_CLASSIFICATIONS }),
  recordabilityDecidedAt: ts('recordability_decided_at'),
  recordabilityDecidedById: text('recordability_decided_by_id').references(() => users.id),
  /** The establishment whose log the case is on (29 CFR 1904.30), and the job title of Form 300 column C. */
  establishmentId: text('establishment_id').references(() => establishments.id),
  jobTitle: text('job_title'),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  index('injured_people_establishment').on(t.establishmentId),
  uniqueIndex('injured_people_incident_ordinal').on(t.incidentId, t.ordinal),
  // Dashboard (rule 4): only people whose legal clocks still run (Form 301 not completed, or a report
  // owed and not made), so overdue deadlines never walk every injury ever recorded.
  index('injured_people_open_clocks').on(t.incidentId).where(sql.raw(OPEN_CLOCKS)),
]);

export const comments = sqliteTable(
  'comments',
  {
    id: id(),
    incidentId: text('incident_id').notNull().references(() => incidents.id),
    /** Null when written by the anonymous reporter. */
    authorId: text('author_id').references(() => users.id),
    kind: text('kind', { enum: COMMENT_KINDS }).notNull().default('comment'),
    body: text('body').notNull(),
    /** Start of the day for anything the anonymous reporter writes. */
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('comments_incident').on(t.incidentId, t.createdAt)],
);

export const correctiveActions = sqliteTable(
  'corrective_actions',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    incidentId: text('incident_id').notNull().references(() => incidents.id),
    what: text('what').notNull(),
    ownerId: text('owner_id').notNull().references(() => users.id),
    dueDate: text('due_date').notNull(),
    createdById: text('created_by_id').notNull().references(() => users.id),
    createdAt: ts('created_at').notNull(),
    doneAt: ts('done_at'),
    doneById: text('done_by_id').references(() => users.id),
  },
  (t) => [index('corrective_actions_production_due').on(t.productionId, t.doneAt, t.dueDate), index('corrective_actions_incident').on(t.incidentId)],
);

export const attachments = sqliteTable(
  'attachments',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    incidentId: text('incident_id').notNull().references(() => incidents.id),
    /** Random file name in the data folder's attachments directory. */
    storedName: text('stored_name').notNull().unique(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    /** Null when added by the anonymous reporter. */
    uploadedById: text('uploaded_by_id').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('attachments_incident').on(t.incidentId)],
);

export const DROP_BOX_KINDS = ['report', 'message', 'photo'] as const;

/**
 * The drop box (ARCHITECTURE.md: anonymity by order): a non-critical anonymous report, and what
 * its reporter adds before it is published, is sealed here with its day only — no number, no
 * audit entry, no notification, no outbox row — and published with the rest of its day's reports
 * in one shuffled batch at a random time of a later day. The table is WITHOUT ROWID (a hand-written
 * migration) and keyed by a random id, so the order rows were written in is not stored either.
 */
export const dropBox = sqliteTable(
  'drop_box',
  {
    id: text('id').primaryKey(),
    productionId: text('production_id').notNull().references(() => productions.id),
    /** The report this belongs to: the client-made id its incident will carry. */
    incidentId: text('incident_id').notNull(),
    kind: text('kind', { enum: DROP_BOX_KINDS }).notNull(),
    /** The instant the local day began (dayOnly): the only time kept. */
    day: ts('day').notNull(),
    /** A report: the hash of its receipt code, so the reporter can follow it while it is sealed. */
    receiptHash: text('receipt_hash').unique(),
    /** What publication files: the report's fields, a message's body, a photo's type and size. */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** A photo's cleaned bytes, written to disk only at publication. */
    data: blob('data', { mode: 'buffer' }),
  },
  (t) => [index('drop_box_incident').on(t.incidentId), index('drop_box_production_day').on(t.productionId, t.day)],
);

// ───────────────────────────── holds, rules, notifications ─────────────────────────────

/** Stop-work holds: never overwritten; lifting fills the lift fields once. */
export const holds = sqliteTable(
  'holds',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    source: text('source', { enum: HOLD_SOURCES }).notNull(),
    /** Null when the hold came from an anonymous report (rule 1). */
    calledById: text('called_by_id').references(() => users.id),
    calledAt: ts('called_at').notNull(),
    reason: text('reason').notNull(),
    incidentId: text('incident_id').references(() => incidents.id),
    /** Rule 5: a rule-1 hold also needs the armorer's or a second producer's concurrence. */
    concurredById: text('concurred_by_id').references(() => users.id),
    concurredAt: ts('concurred_at'),
    concurrenceNote: text('concurrence_note'),
    liftedById: text('lifted_by_id').references(() => users.id),
    liftedAt: ts('lifted_at'),
    resolution: text('resolution'),
  },
  (t) => [index('holds_production_lifted').on(t.productionId, t.liftedAt)],
);

/** Incidents that joined a standing hold (rule 1: a filing during a hold joins it). */
export const holdIncidents = sqliteTable(
  'hold_incidents',
  {
    holdId: text('hold_id').notNull().references(() => holds.id),
    incidentId: text('incident_id').notNull().references(() => incidents.id),
  },
  (t) => [primaryKey({ columns: [t.holdId, t.incidentId] })],
);

/** Rule 3 escalations: once per window. */
export const ruleFlags = sqliteTable(
  'rule_flags',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    rule: text('rule').notNull(),
    windowStart: ts('window_start').notNull(),
    windowEnd: ts('window_end').notNull(),
    incidentIds: text('incident_ids', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('rule_flags_production').on(t.productionId, t.rule)],
);

export const notifications = sqliteTable(
  'notifications',
  {
    id: id(),
    userId: text('user_id').notNull().references(() => users.id),
    productionId: text('production_id').references(() => productions.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    /** The critical signal (rule 7) this message is about: unacknowledged ones sort first. */
    signalId: text('signal_id'),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_user_read').on(t.userId, t.readAt, t.createdAt)],
);

// ───────────────────────────── rule 7: acknowledgement and escalation ─────────────────────────────

/**
 * Critical signals (rule 7), written in the transaction that raised them. Each escalation step is
 * a column filled once (resentAt, contactsAt), so a repeated or restarted run never repeats one.
 * subjectId is the incident, hold or rule-3 flag that raised it: one signal per kind and subject.
 */
export const signals = sqliteTable(
  'signals',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    kind: text('kind', { enum: SIGNAL_KINDS }).notNull(),
    subjectId: text('subject_id').notNull(),
    incidentId: text('incident_id').references(() => incidents.id),
    holdId: text('hold_id').references(() => holds.id),
    title: text('title').notNull(),
    link: text('link').notNull(),
    /** Raised by an anonymous report: every time on it keeps the day only. */
    anonymous: bool('anonymous').notNull().default(false),
    /** When it was raised; the day only (dayOnly) for an anonymous report. */
    raisedAt: ts('raised_at').notNull(),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedById: text('acknowledged_by_id').references(() => users.id),
    resentAt: ts('resent_at'),
    contactsAt: ts('contacts_at'),
  },
  (t) => [
    uniqueIndex('signals_kind_subject').on(t.kind, t.subjectId),
    index('signals_incident').on(t.incidentId),
    index('signals_hold').on(t.holdId),
    // The escalation run reads only signals still waiting for a step.
    index('signals_open').on(t.productionId, t.raisedAt).where(sql`acknowledged_at is null and contacts_at is null`),
  ],
);

/** Rule 7 windows per production (producer only); a production without a row uses the defaults. */
export const escalationSettings = sqliteTable('escalation_settings', {
  productionId: text('production_id').primaryKey().references(() => productions.id),
  resendAfterMinutes: integer('resend_after_minutes').notNull(),
  contactsAfterMinutes: integer('contacts_after_minutes').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** People outside the show who hear of an unacknowledged critical signal (rule 7): not members. */
export const safetyContacts = sqliteTable(
  'safety_contacts',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    kind: text('kind', { enum: SAFETY_CONTACT_KINDS }).notNull(),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    email: text('email').notNull(),
    phone: text('phone').notNull().default(''),
    createdAt: ts('created_at').notNull(),
    /** Removed contacts are kept (the audit trail names them) but no longer told. */
    removedAt: ts('removed_at'),
  },
  (t) => [index('safety_contacts_production').on(t.productionId)],
);

/** Reminders already sent, one row per reminder key: a repeated run sends nothing twice. */
export const remindersSent = sqliteTable(
  'reminders_sent',
  {
    productionId: text('production_id').notNull().references(() => productions.id),
    key: text('key').notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productionId, t.key] })],
);

// ───────────────────────────── delivery (outbox) ─────────────────────────────

/**
 * The outbox: one row per message per recipient and channel, written in the transaction of the
 * change that caused it (ARCHITECTURE.md: messages to people). The worker claims a row by setting a
 * lease in an immediate transaction, so a restart neither sends a row twice nor loses one; the
 * row id is the email's Message-ID and the push message's topic, so a retry is recognisable.
 */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: id(),
    productionId: text('production_id').references(() => productions.id),
    notificationId: text('notification_id').references(() => notifications.id),
    /** The member told; null for people who are not members (safety contacts) and receipts. */
    userId: text('user_id').references(() => users.id),
    channel: text('channel', { enum: DELIVERY_CHANNELS }).notNull(),
    /** Email address, for email rows. */
    toAddress: text('to_address'),
    /** Anonymous receipt push: the incident whose receipt holds the subscription. */
    receiptIncidentId: text('receipt_incident_id').references(() => incidents.id),
    kind: text('kind').notNull(),
    critical: bool('critical').notNull().default(false),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    link: text('link'),
    /** Makes a scheduled message (the daily digest) once-only from database state. */
    dedupeKey: text('dedupe_key').unique(),
    /** Times of an anonymous report's messages are kept to the day (ARCHITECTURE.md: anonymous reports). */
    dayOnly: bool('day_only').notNull().default(false),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Not before: quiet hours and retry backoff move it; critical rows are due at once. */
    dueAt: ts('due_at').notNull(),
    /** Set while a worker holds the row; an expired lease (a killed worker) makes it due again. */
    leaseUntil: ts('lease_until'),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('deliveries_due').on(t.status, t.dueAt),
    index('deliveries_link').on(t.productionId, t.link),
    index('deliveries_notification').on(t.notificationId),
  ],
);

/** A device's Web Push subscription: a member's (per user and endpoint) or an anonymous receipt's. */
export const pushSubscriptions = sqliteTable(
  'push_subscriptions',
  {
    id: id(),
    userId: text('user_id').references(() => users.id),
    /** Anonymous receipt: kept with the report, never with an account or address (ARCHITECTURE.md: anonymous reports). */
    receiptIncidentId: text('receipt_incident_id').references(() => incidents.id),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    /** Short label of the device, chosen by the browser's user agent family, for the list. */
    label: text('label').notNull().default(''),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('push_subscriptions_user_endpoint').on(t.userId, t.endpoint),
    uniqueIndex('push_subscriptions_receipt_endpoint').on(t.receiptIncidentId, t.endpoint),
  ],
);

/** A member's delivery choices on one production: channels per kind and quiet hours. */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    userId: text('user_id').notNull().references(() => users.id),
    productionId: text('production_id').notNull().references(() => productions.id),
    /** { [kind]: { email: boolean, push: boolean } }; kinds absent take the defaults. */
    channels: text('channels', { mode: 'json' }).$type<Record<string, { email: boolean; push: boolean }>>().notNull().default(sql`'{}'`),
    /** 'HH:mm' in the production's time zone; both null = no quiet hours. */
    quietFrom: text('quiet_from'),
    quietTo: text('quiet_to'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.productionId] })],
);

// ───────────────────────────── firearms ─────────────────────────────

export const firearms = sqliteTable(
  'firearms',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    tag: text('tag').notNull(),
    make: text('make').notNull(),
    model: text('model').notNull(),
    serial: text('serial').notNull().default(''),
    kind: text('kind', { enum: FIREARM_KINDS }).notNull(),
    status: text('status', { enum: FIREARM_STATUSES }).notNull().default('locked_up'),
    notes: text('notes').notNull().default(''),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('firearms_production_tag').on(t.productionId, t.tag)],
);

export const ammoLots = sqliteTable(
  'ammo_lots',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    kind: text('kind', { enum: AMMO_KINDS }).notNull(),
    calibre: text('calibre').notNull(),
    countOnHand: integer('count_on_hand').notNull(),
    supplier: text('supplier').notNull(),
    lotNumber: text('lot_number').notNull(),
    receivedOn: text('received_on').notNull(),
    inspectedById: text('inspected_by_id').notNull().references(() => users.id),
    inspectedAt: ts('inspected_at').notNull(),
    inspectionNotes: text('inspection_notes').notNull().default(''),
    createdAt: ts('created_at').notNull(),
    // Receiving (ARCHITECTURE.md: ammunition chain): one row per lot received. The inspector above
    // is who received it; the delivery note or invoice names the delivery it came in.
    paperworkRef: text('paperwork_ref').notNull().default(''),
    /** Rounds received; older lots (recorded before the ledger) have it backfilled from their ledger. */
    countReceived: integer('count_received').notNull().default(0),
    /** Dummies: how each round was verified (several may apply); empty for blanks. */
    verificationMethods: text('verification_methods', { mode: 'json' }).$type<DummyVerificationMethod[]>().notNull().default(sql`'[]'`),
    /** Dummies: how many rounds were verified one by one; null for blanks and older lots. */
    verifiedCount: integer('verified_count'),
    status: text('status', { enum: AMMO_LOT_STATUSES }).notNull().default('in_store'),
    // Frozen as evidence: a live round was found in this lot (rule 1); nothing in it is issued.
    frozenAt: ts('frozen_at'),
    frozenById: text('frozen_by_id').references(() => users.id),
    frozenIncidentId: text('frozen_incident_id').references(() => incidents.id),
    liveRoundsFound: integer('live_rounds_found'),
    /** Inert rounds counted when the lot was frozen (the ledger is adjusted to it). */
    countedAtFreeze: integer('counted_at_freeze'),
    // Returned to the vendor at wrap: the lot is then closed.
    vendorReturnedAt: ts('vendor_returned_at'),
    vendorReturnedById: text('vendor_returned_by_id').references(() => users.id),
    vendorReturnCount: integer('vendor_return_count'),
    vendorReceiver: text('vendor_receiver'),
    vendorReference: text('vendor_reference'),
    vendorAckById: text('vendor_ack_by_id').references(() => users.id),
    vendorAckAt: ts('vendor_ack_at'),
  },
  (t) => [index('ammo_lots_production').on(t.productionId)],
);

/**
 * The per-lot ledger (ARCHITECTURE.md: ammunition chain). `delta` is the change to the lot's count
 * on hand (the sum of a lot's deltas is its count on hand: a unit test holds them equal); `rounds`
 * is the count as a person reads it (fired and missing rounds change nothing on hand: they left
 * when issued).
 */
export const ammoMovements = sqliteTable(
  'ammo_movements',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    lotId: text('lot_id').notNull().references(() => ammoLots.id),
    kind: text('kind', { enum: AMMO_MOVEMENT_KINDS }).notNull(),
    delta: integer('delta').notNull(),
    rounds: integer('rounds').notNull(),
    handoffId: text('handoff_id').references(() => handoffs.id),
    reason: text('reason').notNull().default(''),
    byId: text('by_id').references(() => users.id),
    at: ts('at').notNull(),
  },
  (t) => [index('ammo_movements_lot_at').on(t.lotId, t.at), index('ammo_movements_production_at').on(t.productionId, t.at)],
);

/** A frozen lot's chain of custody to the authorities: each transfer, in order. */
export const ammoEvidenceTransfers = sqliteTable(
  'ammo_evidence_transfers',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    lotId: text('lot_id').notNull().references(() => ammoLots.id),
    /** The rounds leave the production's store in this transfer (the first hand-over to an officer). */
    fromStore: bool('from_store').notNull(),
    fromName: text('from_name').notNull(),
    fromAgency: text('from_agency').notNull().default(''),
    toName: text('to_name').notNull(),
    toAgency: text('to_agency').notNull(),
    toBadge: text('to_badge').notNull(),
    /** Inert rounds of the lot handed over. */
    rounds: integer('rounds').notNull(),
    /** Live rounds handed over (never inventory). */
    liveRounds: integer('live_rounds').notNull(),
    sealNumber: text('seal_number').notNull(),
    transferredAt: ts('transferred_at').notNull(),
    recordedById: text('recorded_by_id').notNull().references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('ammo_evidence_transfers_lot').on(t.lotId, t.transferredAt)],
);

/** The armorer's inspection before and after each use, for one scene/setup. */
export const firearmChecks = sqliteTable(
  'firearm_checks',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    firearmId: text('firearm_id').notNull().references(() => firearms.id),
    phase: text('phase', { enum: CHECK_PHASES }).notNull(),
    scene: text('scene').notNull(),
    /** JSON object: checklist item -> true when shown and verified. */
    checklist: text('checklist', { mode: 'json' }).$type<Record<string, boolean>>().notNull(),
    result: text('result', { enum: CHECK_RESULTS }).notNull(),
    findings: text('findings').notNull().default(''),
    performedById: text('performed_by_id').notNull().references(() => users.id),
    performedAt: ts('performed_at').notNull(),
  },
  (t) => [
    index('firearm_checks_firearm_at').on(t.firearmId, t.performedAt),
    index('firearm_checks_production_at').on(t.productionId, t.performedAt),
    // the dashboard looks thousands of checks up by id (compliance, awaited witnesses);
    // this covers what it reads, so no lookup reaches the wide table row.
    index('firearm_checks_id_cover').on(t.id, t.productionId, t.performedAt, t.firearmId, t.result, t.phase),
    // The firearms report lists failed checks, newest first: only they are indexed, with what the
    // list prints, so the list never walks every check made nor reads a check's row.
    index('firearm_checks_failed')
      .on(t.productionId, t.performedAt, t.id, t.firearmId, t.scene, t.phase, t.performedById, t.findings)
      .where(sql`result = 'fail'`),
  ],
);

export const checkWitnesses = sqliteTable(
  'check_witnesses',
  {
    checkId: text('check_id').notNull().references(() => firearmChecks.id),
    userId: text('user_id').notNull().references(() => users.id),
    confirmedAt: ts('confirmed_at'),
    /** "I did not see this check": the check can then never clear a hand-out (rule 2). */
    declinedAt: ts('declined_at'),
  },
  (t) => [
    primaryKey({ columns: [t.checkId, t.userId] }),
    index('check_witnesses_user').on(t.userId, t.confirmedAt),
    // Dashboard (rule 4): only confirmations still awaited, so "checks missing a witness" never
    // walks every check ever made.
    index('check_witnesses_pending').on(t.checkId).where(sql`confirmed_at is null`),
    // "every witness confirmed before the hand-off" answered from the index alone.
    index('check_witnesses_check_confirmed').on(t.checkId, t.confirmedAt),
    // The firearms report lists the latest declines (ARCHITECTURE.md: performance budget): they are
    // few, so only they are indexed, and the list never walks every witness row.
    index('check_witnesses_declined').on(t.declinedAt).where(sql`declined_at is not null`),
  ],
);

/**
 * Each weapon's newest before-use check per setup (exact scene text), kept by triggers on
 * firearm_checks (ARCHITECTURE.md: performance budget, growth): the custody page reads a row per
 * setup, not a weapon's whole history of checks. Ties on time go to the greater check id.
 */
export const firearmSetupChecks = sqliteTable(
  'firearm_setup_checks',
  {
    firearmId: text('firearm_id').notNull(),
    scene: text('scene').notNull(),
    checkId: text('check_id').notNull(),
    performedAt: integer('performed_at').notNull(),
    result: text('result').notNull(),
  },
  (t) => [primaryKey({ columns: [t.firearmId, t.scene] })],
);

/** Custody hand-offs: out from the armorer, and the return with rounds counted back. */
export const handoffs = sqliteTable(
  'handoffs',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    firearmId: text('firearm_id').notNull().references(() => firearms.id),
    checkId: text('check_id').notNull().references(() => firearmChecks.id),
    fromId: text('from_id').notNull().references(() => users.id),
    toId: text('to_id').notNull().references(() => users.id),
    scene: text('scene').notNull(),
    ammoLotId: text('ammo_lot_id').references(() => ammoLots.id),
    roundsOut: integer('rounds_out').notNull().default(0),
    handedAt: ts('handed_at').notNull(),
    returnedAt: ts('returned_at'),
    receivedById: text('received_by_id').references(() => users.id),
    roundsBack: integer('rounds_back'),
    /** Blanks spent while it was out: not back, not missing. Null on returns recorded before this was asked. */
    roundsFired: integer('rounds_fired'),
    returnCheckId: text('return_check_id').references(() => firearmChecks.id),
    discrepancyIncidentId: text('discrepancy_incident_id').references(() => incidents.id),
    /**
     * 1 when the hand-off went out on a valid check by rule 2 as the record stands (the compliance
     * figure's numerator). Kept by triggers in the writing transaction, never by application code
     * (ARCHITECTURE.md: performance budget, kept aggregates).
     */
    checkValid: integer('check_valid', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    // returned_at included (ARCHITECTURE.md: performance budget): "the weapon's last return" is read from the index alone.
    index('handoffs_firearm_at').on(t.firearmId, t.handedAt, t.returnedAt),
    // check_valid included: the compliance figure counts a window from the index alone.
    index('handoffs_production_at').on(t.productionId, t.handedAt, t.checkValid),
    index('handoffs_check').on(t.checkId),
    index('handoffs_production_returned').on(t.productionId, t.returnedAt),
    // Rounds still out of a lot, read on every hand-out and return of ammunition (ARCHITECTURE.md:
    // ammunition chain): only hand-offs not yet back, so it stays as small as what is out; with the
    // rounds and returned_at (always null here) the sums read the index alone.
    index('handoffs_ammo_lot_open').on(t.ammoLotId, t.roundsOut, t.returnedAt).where(sql`returned_at is null`),
    // The firearms report sums rounds per weapon and lot from the index alone, in its order.
    index('handoffs_production_rounds').on(t.productionId, t.firearmId, t.ammoLotId, t.returnedAt, t.roundsOut, t.roundsFired, t.roundsBack),
  ],
);

/** Hand-offs refused by rule 2/5/6: nothing moved; a custody-breach incident records each. */
export const refusedHandoffs = sqliteTable(
  'refused_handoffs',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    firearmId: text('firearm_id').notNull().references(() => firearms.id),
    attemptedById: text('attempted_by_id').notNull().references(() => users.id),
    toId: text('to_id').references(() => users.id),
    scene: text('scene').notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<string[]>().notNull(),
    incidentId: text('incident_id').references(() => incidents.id),
    at: ts('at').notNull(),
  },
  (t) => [index('refused_handoffs_production_at').on(t.productionId, t.at)],
);

export const safetyMeetings = sqliteTable(
  'safety_meetings',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    /** Calendar day in the production's time zone. */
    date: text('date').notNull(),
    scene: text('scene').notNull(),
    firearmsOnSet: bool('firearms_on_set').notNull(),
    blanksInUse: bool('blanks_in_use').notNull(),
    topics: text('topics').notNull().default(''),
    heldById: text('held_by_id').notNull().references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('safety_meetings_production_date').on(t.productionId, t.date)],
);

export const meetingAttendees = sqliteTable(
  'meeting_attendees',
  {
    meetingId: text('meeting_id').notNull().references(() => safetyMeetings.id),
    userId: text('user_id').notNull().references(() => users.id),
    confirmedAt: ts('confirmed_at'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index('meeting_attendees_user').on(t.userId)],
);

/** One weapon of a scene plan: who handles it and with what load (rule 8). */
export type PlanWeapon = { firearmId: string; handlerId: string; load: PlanLoad; rounds: number };

/** Who works which other (non-custodial) position on a plan's setup (rule 9). */
export type PlanDuty = { userId: string; duty: Duty };

/**
 * The plan for one firearm scene or setup (rule 8; Cal. Labor Code §9152.5's specific firearms
 * risk assessment; Safety Bulletin #1). Never edited: a changed plan is a new row for the same
 * setup, and the newest one governs, so signatures always sign the text they saw.
 */
export const scenePlans = sqliteTable(
  'scene_plans',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    /** The scene or setup, as the checks and hand-outs name it. */
    scene: text('scene').notNull(),
    action: text('action').notNull(),
    /** JSON array of PlanWeapon. */
    weapons: text('weapons', { mode: 'json' }).$type<PlanWeapon[]>().notNull(),
    lineOfFire: text('line_of_fire').notNull(),
    protection: text('protection').notNull(),
    /** Whether a non-firing replica would do, and if not, why not. */
    replicaConsidered: text('replica_considered').notNull(),
    riskAssessment: text('risk_assessment').notNull(),
    /**
     * JSON array of PlanDuty: who is on which other duty for this setup (rule 9). A custodian of
     * the weapons listed here refuses a hand-out for the setup (Cal. Labor Code §9153(a)(3)).
     */
    duties: text('duties', { mode: 'json' }).$type<PlanDuty[]>().notNull().default(sql`'[]'`),
    createdById: text('created_by_id').notNull().references(() => users.id),
    createdAt: ts('created_at').notNull(),
    armorerSignedById: text('armorer_signed_by_id').references(() => users.id),
    armorerSignedAt: ts('armorer_signed_at'),
    advisorSignedById: text('advisor_signed_by_id').references(() => users.id),
    advisorSignedAt: ts('advisor_signed_at'),
    approvedById: text('approved_by_id').references(() => users.id),
    approvedAt: ts('approved_at'),
  },
  (t) => [index('scene_plans_production_scene').on(t.productionId, t.scene, t.createdAt)],
);

/**
 * A producer's decision on the dashboard flag "the armorer holds another position" (rule 9): the
 * positions it covers, and why the producer keeps them together. It clears the flag only for those
 * positions while it stands; it never clears a hand-out refusal (ARCHITECTURE.md: rule 9).
 */
export const dutyDecisions = sqliteTable(
  'duty_decisions',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    /** The armorer the decision is about. */
    userId: text('user_id').notNull().references(() => users.id),
    /** JSON array of the POSITIONS the armorer held when the producer decided. */
    positions: text('positions', { mode: 'json' }).$type<string[]>().notNull(),
    reason: text('reason').notNull(),
    decidedById: text('decided_by_id').notNull().references(() => users.id),
    decidedAt: ts('decided_at').notNull(),
    revokedById: text('revoked_by_id').references(() => users.id),
    revokedAt: ts('revoked_at'),
    revokeReason: text('revoke_reason'),
  },
  (t) => [index('duty_decisions_production_user').on(t.productionId, t.userId)],
);
export type DutyDecision = typeof dutyDecisions.$inferSelect;

/** A member's permits and trainings with expiry (rule 8 reads them before a hand-out). */
export const qualifications = sqliteTable(
  'qualifications',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    userId: text('user_id').notNull().references(() => users.id),
    kind: text('kind', { enum: QUALIFICATION_KINDS }).notNull(),
    issuer: text('issuer').notNull(),
    reference: text('reference').notNull().default(''),
    issuedOn: text('issued_on').notNull(),
    /** Calendar day; the qualification counts through that day. */
    expiresOn: text('expires_on').notNull(),
    recordedById: text('recorded_by_id').notNull().references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('qualifications_production_user').on(t.productionId, t.userId, t.expiresOn)],
);

/**
 * A scanned certificate of a qualification (an image or a PDF). Stored like an incident's photos
 * (app/lib/attachments/store.ts: random name in the data folder, audited in the same transaction);
 * read only by those who may see qualifications (ARCHITECTURE.md: qualification certificates).
 */
export const qualificationCertificates = sqliteTable(
  'qualification_certificates',
  {
    id: id(),
    productionId: text('production_id').notNull().references(() => productions.id),
    qualificationId: text('qualification_id').notNull().references(() => qualifications.id),
    /** Random file name in the data folder's attachments directory. */
    storedName: text('stored_name').notNull().unique(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    /** Null for a PDF. */
    width: integer('width'),
    height: integer('height'),
    uploadedById: text('uploaded_by_id').notNull().references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('qualification_certificates_qualification').on(t.qualificationId)],
);

// ───────────────────────────── inferred types ─────────────────────────────

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Production = typeof productions.$inferSelect;
export type NewProduction = typeof productions.$inferInsert;
export type Membership = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;
export type AuditEntry = typeof auditLog.$inferSelect;
export type Incident = typeof incidents.$inferSelect;
export type NewIncident = typeof incidents.$inferInsert;
export type InjuredPerson = typeof injuredPeople.$inferSelect;
export type Establishment = typeof establishments.$inferSelect;
export type EstablishmentYear = typeof establishmentYears.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type CorrectiveAction = typeof correctiveActions.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
export type Hold = typeof holds.$inferSelect;
export type RuleFlag = typeof ruleFlags.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type Signal = typeof signals.$inferSelect;
export type SafetyContact = typeof safetyContacts.$inferSelect;
export type EscalationSettingsRow = typeof escalationSettings.$inferSelect;
export type Delivery = typeof deliveries.$inferSelect;
export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
export type NotificationPreference = typeof notificationPreferences.$inferSelect;
export type Firearm = typeof firearms.$inferSelect;
export type AmmoLot = typeof ammoLots.$inferSelect;
export type AmmoMovement = typeof ammoMovements.$inferSelect;
export type AmmoEvidenceTransfer = typeof ammoEvidenceTransfers.$inferSelect;
export type FirearmCheck = typeof firearmChecks.$inferSelect;
export type CheckWitness = typeof checkWitnesses.$inferSelect;
export type Handoff = typeof handoffs.$inferSelect;
export type RefusedHandoff = typeof refusedHandoffs.$inferSelect;
export type SafetyMeeting = typeof safetyMeetings.$inferSelect;
export type ScenePlan = typeof scenePlans.$inferSelect;
export type Qualification = typeof qualifications.$inferSelect;
export type QualificationCertificate = typeof qualificationCertificates.$inferSelect;
export type HeadReceipt = typeof headReceipts.$inferSelect;
export type SignInLink = typeof signInLinks.$inferSelect;

// ───────────────────────────── reference cases (the Rust case) ─────────────────────────────

/**
 * Read-only reference data (ARCHITECTURE.md: reference data). Seeded once, then locked: triggers refuse
 * INSERT once the case's row is in reference_locks, and refuse every UPDATE and DELETE.
 */
export const referenceRecords = sqliteTable(
  'reference_records',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    /** The version of the case these rows belong to; rows seeded before versions existed are 1. */
    version: integer('version').notNull().default(1),
    kind: text('kind').notNull(), // 'case' | 'source' | 'person' | 'event' | 'failure_point' | 'assumption'
    seq: integer('seq').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('reference_records_case_kind').on(t.caseId, t.kind, t.seq), index('reference_records_case_version').on(t.caseId, t.version, t.kind, t.seq)],
);

/** The first time a case was seeded. Versions added later do not change it. */
export const referenceLocks = sqliteTable('reference_locks', {
  caseId: text('case_id').primaryKey(),
  lockedAt: ts('locked_at').notNull(),
});

/**
 * One row per version of a reference case, written after that version's records in the same
 * transaction: from then on the version is sealed (triggers refuse INSERT into it, and every
 * UPDATE and DELETE). A corrected seed is a new version; older versions stay readable.
 */
export const referenceVersions = sqliteTable(
  'reference_versions',
  {
    caseId: text('case_id').notNull(),
    version: integer('version').notNull(),
    /** sha256 of the seeded case; null for a version 1 stored before versions existed. */
    contentHash: text('content_hash'),
    publishedAt: ts('published_at').notNull(),
    /** The correction log as this version published it (RustCorrection[]). */
    corrections: text('corrections', { mode: 'json' }).$type<unknown[]>().notNull().default(sql`'[]'`),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.version] })],
);

export type ReferenceRecord = typeof referenceRecords.$inferSelect;
export type DropBoxRow = typeof dropBox.$inferSelect;

/**
 * Dashboard figures kept up to date in the write transaction (ARCHITECTURE.md: dashboard
 * aggregates). SQLite triggers (a hand-written migration) add and subtract each incident's share
 * whatever path wrote it — a filing, a correction, a void, a drop-box publication, a script — so a
 * tally is always the count a full recompute would give (a unit test compares them after random
 * writes). WITHOUT ROWID: a tally row keeps no order of arrival (ARCHITECTURE.md: anonymity by order).
 */
export const dashboardTallies = sqliteTable(
  'dashboard_tallies',
  {
    productionId: text('production_id').notNull(),
    /** open_severity, open_type (status not closed), untriaged (stop, other, open_critical). */
    figure: text('figure').notNull(),
    key: text('key').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productionId, t.figure, t.key] })],
);

/**
 * Incidents counted by when they happened (when filed, if no time was given), per hour: `bucket`
 * is that time in ms divided by 3,600,000, `firearm` 1 for the firearm incident types. Duplicates
 * are not counted. Kept by triggers (ARCHITECTURE.md: dashboard aggregates). In a zone on a
 * whole-hour offset a local week is a range of buckets.
 */
export const incidentWhenTallies = sqliteTable(
  'incident_when_tallies',
  {
    productionId: text('production_id').notNull(),
    bucket: integer('bucket').notNull(),
    firearm: integer('firearm').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productionId, t.bucket, t.firearm] })],
);

/** Checks with a named witness still to confirm or decline, oldest first; kept by triggers. */
export const dashboardPendingChecks = sqliteTable(
  'dashboard_pending_checks',
  {
    productionId: text('production_id').notNull(),
    performedAt: ts('performed_at').notNull(),
    checkId: text('check_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productionId, t.performedAt, t.checkId] }), uniqueIndex('dashboard_pending_checks_check').on(t.checkId)],
);

/** A counter per area of data, moved by triggers on its tables: the key of figures that read only that area. */
export const dataVersions = sqliteTable('data_versions', {
  area: text('area').primaryKey(),
  v: integer('v').notNull(),
});
