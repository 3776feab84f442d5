import { z } from 'zod';
import { PHASES } from '../enums';
import { isTimeZone } from '../time';

/** A real calendar day: Date.parse would roll 2027-02-30 over into March. */
function isCalendarDay(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

const day = z
  .string()
  .trim()
  .max(10, 'Use a date like 2026-11-02.')
  .refine((v) => v === '' || isCalendarDay(v), 'Use a real date like 2026-11-02.');

const fields = z.object({
    title: z.string().trim().min(1, 'Enter the title.').max(120, 'Use at most 120 characters.'),
    company: z.string().trim().min(1, 'Enter the production company.').max(120, 'Use at most 120 characters.'),
    locations: z.string().trim().max(500, 'Use at most 500 characters.'),
    startDate: day,
    endDate: day,
    timeZone: z
      .string()
      .trim()
      .min(1, 'Enter the time zone, e.g. America/Denver.')
      .max(64, 'Enter a time zone such as America/Denver.')
      .refine(isTimeZone, 'Not a known time zone. Use an IANA name such as America/Denver or Europe/London.'),
    phase: z.enum(PHASES, { message: 'Choose a phase.' }),
});
const datesInOrder = (v: { startDate: string; endDate: string }) => !v.startDate || !v.endDate || v.startDate <= v.endDate;
const datesMessage = { message: 'The end date is before the start date.', path: ['endDate'] };

/** The fields a producer (or the site admin, at creation) sets on a production. */
export const productionFieldsSchema = fields.refine(datesInOrder, datesMessage);
export type ProductionFieldsInput = z.infer<typeof productionFieldsSchema>;

/** Site admin: a new production and its first producer. */
export const createProductionSchema = fields
  .extend({
    producerEmail: z.string().trim().toLowerCase().min(1, 'Enter the producer’s email.').max(254, 'That email is too long.').email('Enter a valid email address.'),
    producerName: z.string().trim().min(1, 'Enter the producer’s name.').max(100, 'Use at most 100 characters.'),
  })
  .refine(datesInOrder, datesMessage);
export type CreateProductionInput = z.infer<typeof createProductionSchema>;

export const setPhaseSchema = z.object({
  productionId: z.string({ message: 'Choose a production.' }).min(1).max(100),
  phase: z.enum(PHASES, { message: 'Choose a phase.' }),
});
export type SetPhaseInput = z.infer<typeof setPhaseSchema>;
