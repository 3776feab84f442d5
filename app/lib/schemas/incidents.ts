import { z } from 'zod';
import { INCIDENT_TYPES, SEVERITIES } from '../enums';
import { plainText } from './common';

// One schema per form, shared by react-hook-form and the server (STYLE 4.5). Pure: no server imports.

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

/** The OSHA Form 301 fields (DOMAIN.md section 6). All optional at first report. */
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
 * A first report is quick: only type, what happened and where are required (DESIGN; issue 4).
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
  injury: injurySchema.optional(),
});
export type FileIncidentInput = z.infer<typeof fileIncidentSchema>;
