import { z } from 'zod';
import { INCIDENT_STATUSES, INCIDENT_TYPES, SEVERITIES } from '../enums';
import { CASE_TYPES, DAYS_CAP, FIRST_AID, JURISDICTIONS, PRIVACY_REASONS } from '../rules/osha';
import { plainText } from './common';

// One schema per form, shared by react-hook-form and the server (ARCHITECTURE.md: a server action). Pure: no server imports.

const text = (max: number, label: string) => plainText(max, label);

/** 'YYYY-MM-DDTHH:mm' wall-clock time in the production's time zone (a datetime-local input). */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Enter a date and time.')
  .refine((v) => {
    const y = Number(v.slice(0, 4));
    return y >= 2000 && y <= 2100 && !Number.isNaN(Date.parse(`${v}:00Z`));
  }, 'Enter a real date between 2000 and 2100.');

const optionalLocalDateTime = z.union([z.literal(''), localDateTime]).optional();
const optionalDate = z
  .union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date.').refine((v) => !Number.isNaN(Date.parse(v)), 'Enter a real date.')])
  .optional();
const optionalBool = z.boolean().optional();

/** The OSHA Form 301 fields (OSHA Form 301, 29 CFR 1904). All optional at first report. */
export const injurySchema = z.object({
  employeeName: text(200, 'Name').optional(),
  employeeAddress: text(500, 'Address').optional(),
  employeeBirthDate: optionalDate,
  employeeHiredDate: optionalDate,
  employeeSex: z.enum(['', 'male', 'female']).optional(),
  physicianName: text(200, 'Physician').optional(),
  facilityNameAddress: text(500, 'Facility').optional(),
  emergencyRoom: optionalBool,
  hospitalizedInpatient: optionalBool,
  caseNumber: text(50, 'Case number').optional(),
  timeBeganWork: z.union([z.literal(''), z.string().regex(/^\d{2}:\d{2}$/, 'Enter a time like 07:30.')]).optional(),
  activityBefore: text(2000, 'This answer').optional(),
  howOccurred: text(2000, 'This answer').optional(),
  injuryDescription: text(2000, 'This answer').optional(),
  harmingObject: text(500, 'This answer').optional(),
  died: optionalBool,
  deathDate: optionalDate,
  amputation: optionalBool,
  lossOfEye: optionalBool,
  completedBy: text(200, 'Name').optional(),
  completedTitle: text(200, 'Title').optional(),
  completedPhone: text(50, 'Phone').optional(),
});
export type InjuryInput = z.infer<typeof injurySchema>;

/**
 * A first report is quick: only type, what happened and where are required (ARCHITECTURE.md: phones and offline).
 * `id` is made by the client, so a repeated submission is the same report.
 */
export const fileIncidentSchema = z.object({
  id: z.uuid('The form lost its report id; reload the page.'),
  type: z.enum(INCIDENT_TYPES, 'Choose what kind of incident this is.'),
  description: plainText(5000, 'What happened', 3, 'Say briefly what happened.'),
  location: plainText(200, 'Where', 2, 'Say where it happened.'),
  scene: text(200, 'Scene/setup').optional(),
  occurredAt: optionalLocalDateTime,
  severity: z.enum(SEVERITIES).optional(),
  immediateActions: text(5000, 'Immediate actions').optional(),
  peopleInvolved: text(2000, 'People involved').optional(),
  firearmIds: z.array(z.uuid()).max(20, 'Link at most 20 weapons.').optional(),
  /** One injured person (kept for the JSON route and older clients): injured person 1. */
  injury: injurySchema.optional(),
  /** Everyone hurt in this one event, each an OSHA case of its own (ARCHITECTURE.md: OSHA recordkeeping). */
  injuredPeople: z.array(injurySchema).max(20, 'Record at most 20 injured people on one report.').optional(),
});
export type FileIncidentInput = z.infer<typeof fileIncidentSchema>;

/**
 * The personal fields of the Form 301 section, (1)-(9): shown only to producers, auditors and the
 * reporter, and left out of what anyone else is sent (ARCHITECTURE.md: injury privacy).
 */
export const INJURY_PERSONAL_FIELDS = [
  'employeeName',
  'employeeAddress',
  'employeeBirthDate',
  'employeeHiredDate',
  'employeeSex',
  'physicianName',
  'facilityNameAddress',
  'emergencyRoom',
  'hospitalizedInpatient',
] as const satisfies readonly (keyof InjuryInput)[];
export type InjuryPersonalField = (typeof INJURY_PERSONAL_FIELDS)[number];

// Kept in a module without zod so the form's fields can name them without loading zod (ARCHITECTURE.md: performance budget).
export { INJURY_FIELD_LABELS } from './injury-labels';

const incidentId = z.uuid('Unknown incident.');
const resolutionText = (label: string) => plainText(5000, label, 10, `Write the ${label.toLowerCase()}: at least 10 characters.`);

/** Details the reporter or the person triaging adds after the first report. */
export const updateIncidentSchema = z.object({
  incidentId,
  description: plainText(5000, 'What happened', 3, 'Say briefly what happened.'),
  location: plainText(200, 'Where', 2, 'Say where it happened.'),
  scene: text(200, 'Scene/setup').optional(),
  occurredAt: optionalLocalDateTime,
  immediateActions: text(5000, 'Immediate actions').optional(),
  peopleInvolved: text(2000, 'People involved').optional(),
  firearmIds: z.array(z.uuid()).max(20, 'Link at most 20 weapons.').optional(),
});
export type UpdateIncidentInput = z.infer<typeof updateIncidentSchema>;

/** reported → investigating → action required → closed; closing needs a resolution, reopening a reason. */
export const setStatusSchema = z
  .object({
    incidentId,
    status: z.enum(INCIDENT_STATUSES, 'Choose a status.'),
    note: text(5000, 'This note').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'closed' && (v.note ?? '').trim().length < 10) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Write the resolution: what was found and what changed (at least 10 characters).' });
    }
  });
export type SetStatusInput = z.infer<typeof setStatusSchema>;

export const assignOwnerSchema = z.object({
  incidentId,
  ownerId: z.union([z.literal(''), z.uuid('Choose a member.')]),
});
export type AssignOwnerInput = z.infer<typeof assignOwnerSchema>;

export const setSeveritySchema = z.object({
  incidentId,
  severity: z.enum(SEVERITIES.filter((s) => s !== 'unrated') as ['low', 'medium', 'high', 'critical'], 'Choose a severity.'),
});
export type SetSeverityInput = z.infer<typeof setSeveritySchema>;

export const markDuplicateSchema = z.object({
  incidentId,
  duplicateOfNumber: z.coerce
    .number('Enter the report number, like 12.')
    .int('Enter the report number, like 12.')
    .positive('Enter the report number, like 12.')
    .max(1_000_000, 'Enter the report number, like 12.'),
});

export const addCommentSchema = z.object({
  incidentId,
  body: plainText(5000, 'The comment', 1, 'Write something first.'),
});
export type AddCommentInput = z.infer<typeof addCommentSchema>;

const dueDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose a due date.')
  .refine((v) => !Number.isNaN(Date.parse(v)) && v >= '2000-01-01' && v <= '2100-12-31', 'Choose a real date.');

export const addCorrectiveActionSchema = z.object({
  incidentId,
  what: plainText(1000, 'What will be done', 3, 'Say what will be done.'),
  ownerId: z.uuid('Choose who owns it.'),
  dueDate,
});
export type AddCorrectiveActionInput = z.infer<typeof addCorrectiveActionSchema>;

export const completeCorrectiveActionSchema = z.object({ actionId: z.uuid('Unknown corrective action.') });

// ───────── injured people (ARCHITECTURE.md: OSHA recordkeeping) ─────────

const personId = z.uuid('Unknown injured person.');
const optionalPastLocal = z.union([z.literal(''), localDateTime]).optional();

/** Adds an injured person to a report (personId made by the client), or changes one's Form 301 section. */
export const injuredPersonSchema = z.object({
  incidentId,
  personId,
  injury: injurySchema,
  /** When the person died, if known (starts the 8-hour clock). */
  diedAt: optionalPastLocal,
  /** When the employer learned of the death or serious injury, if later than the event. */
  learnedAt: optionalPastLocal,
});
export type InjuredPersonInput = z.infer<typeof injuredPersonSchema>;

/** The Form 301 completed (29 CFR 1904.29(b)(3)): within 7 days. */
export const recordInjuryClockSchema = z.object({
  incidentId,
  personId,
  clock: z.enum(['form301_completed']),
  at: localDateTime,
});
export type RecordInjuryClockInput = z.infer<typeof recordInjuryClockSchema>;

/** The report made to OSHA or the state plan (29 CFR 1904.39; 8 CCR 342): when, to whom, its reference. */
export const recordOshaReportSchema = z.object({
  incidentId,
  personId,
  at: localDateTime,
  to: plainText(300, 'To whom', 2, 'Say to whom the report was made (office, number or online).'),
  reference: text(100, 'The reference number').optional(),
});
export type RecordOshaReportInput = z.infer<typeof recordOshaReportSchema>;

const answer = z.enum(['', 'yes', 'no'], 'Answer yes or no, or leave it open.');
/** Whole calendar days as typed; the count stops at DAYS_CAP (29 CFR 1904.7(b)(3)(vii)), which the decision applies. */
const days = z.string().regex(/^\d{0,4}$/, `Enter whole days (the log counts at most ${DAYS_CAP}).`).optional();

/** The guided recordability decision of one case (29 CFR 1904.5-1904.7, 1904.29). */
export const recordabilitySchema = z.object({
  incidentId,
  personId,
  workRelated: answer,
  newCase: answer,
  daysAwayFromWork: answer,
  daysAway: days,
  restrictedOrTransferred: answer,
  daysRestricted: days,
  medicalTreatment: answer,
  firstAid: z.array(z.enum(FIRST_AID)).max(FIRST_AID.length).optional(),
  lossOfConsciousness: answer,
  significantDiagnosis: answer,
  caseType: z.enum(['', ...CASE_TYPES], 'Choose the type of case.').optional(),
  privacyReason: z.enum(['', ...PRIVACY_REASONS], 'Choose a privacy reason or none.').optional(),
});
export type RecordabilityInput = z.infer<typeof recordabilitySchema>;

/** The production's jurisdiction for injury reporting: federal OSHA or a state plan. */
export const setJurisdictionSchema = z.object({ jurisdiction: z.enum(JURISDICTIONS, 'Choose a jurisdiction.') });
export type SetJurisdictionInput = z.infer<typeof setJurisdictionSchema>;

// ───────── stop-work holds (rule 5) ─────────

export const callHoldSchema = z.object({
  reason: plainText(2000, 'The reason', 5, 'Say why work must stop (at least 5 characters).'),
});
export type CallHoldInput = z.infer<typeof callHoldSchema>;

export const concurHoldSchema = z.object({
  holdId: z.uuid('Unknown hold.'),
  note: text(2000, 'The note').optional(),
});
export type ConcurHoldInput = z.infer<typeof concurHoldSchema>;

export const liftHoldSchema = z.object({
  holdId: z.uuid('Unknown hold.'),
  resolution: resolutionText('Resolution'),
});
export type LiftHoldInput = z.infer<typeof liftHoldSchema>;

// ───────── list filters (searchParams) ─────────

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => !Number.isNaN(Date.parse(v)));

/** Each filter is parsed on its own, so one bad parameter is dropped rather than failing the page. */
export const incidentFilterFields = {
  status: z.enum([...INCIDENT_STATUSES, 'open'] as const),
  type: z.enum(INCIDENT_TYPES),
  severity: z.enum(SEVERITIES),
  from: day,
  to: day,
  q: z.string().trim().min(1).max(200),
  page: z.coerce.number().int().min(1).max(100_000),
};
export type IncidentFilters = { [K in keyof typeof incidentFilterFields]?: z.infer<(typeof incidentFilterFields)[K]> };

export function parseIncidentFilters(params: Record<string, string | string[] | undefined> | URLSearchParams): IncidentFilters {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    return Array.isArray(v) ? v[0] : (v ?? undefined);
  };
  const out: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(incidentFilterFields)) {
    const raw = get(k);
    if (raw === undefined || raw === '') continue;
    const r = (s as z.ZodType).safeParse(raw);
    if (r.success) out[k] = r.data;
  }
  return out as IncidentFilters;
}
