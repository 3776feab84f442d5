import { z } from 'zod';
import { ESTABLISHMENT_TYPES } from '../rules/osha';
import { plainText } from './common';

// OSHA establishments, their yearly 300A figures and which log a case is on (ARCHITECTURE.md:
// OSHA recordkeeping). One schema per form, shared by the form and the server. Pure. The forms
// take what a person types; what ITA would refuse (characters, lengths) is shown beside the
// export, where it can be fixed, rather than refused here (app/lib/rules/ita.ts).

const wholeNumber = (label: string) => z.string().trim().regex(/^\d{0,9}$/, `${label}: enter a whole number.`);

export const saveEstablishmentSchema = z.object({
  establishmentId: z.uuid('Unknown establishment.'),
  name: plainText(200, 'The establishment name', 1, 'Name the establishment (a stage, a location).'),
  companyName: plainText(200, 'The company name'),
  ein: z.string().trim().regex(/^(\d{2}-?\d{7})?$/, 'The EIN has 9 digits (12-3456789).'),
  street: plainText(200, 'The street address'),
  city: plainText(200, 'The city'),
  state: z.string().trim().toUpperCase().regex(/^([A-Z]{2})?$/, 'Use the two-letter postal code (CA, NM, GA).'),
  zip: z.string().trim().regex(/^(\d{5}(-?\d{4})?)?$/, 'The zip code has 5 or 9 digits.'),
  naicsCode: z.string().trim().regex(/^\d{6}$/, 'The NAICS code has 6 digits (512110 for motion picture production).'),
  industryDescription: plainText(300, 'The industry description'),
  establishmentType: z.enum(ESTABLISHMENT_TYPES, 'Choose whether it is a government entity.'),
  peakEmployees: wholeNumber('The most employees at any one time'),
  writtenRequest: plainText(500, 'The written request'),
});
export type SaveEstablishmentInput = z.infer<typeof saveEstablishmentSchema>;

export const saveEstablishmentYearSchema = z.object({
  establishmentId: z.uuid('Unknown establishment.'),
  year: z.string().regex(/^20\d{2}$/, 'Enter a year.'),
  annualAverageEmployees: wholeNumber('The annual average number of employees'),
  totalHoursWorked: wholeNumber('The total hours worked'),
  certifierName: plainText(200, 'The executive’s name'),
  certifierTitle: plainText(200, 'The title'),
  certifierPhone: plainText(50, 'The phone'),
  certifiedOn: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date.')]),
});
export type SaveEstablishmentYearInput = z.infer<typeof saveEstablishmentYearSchema>;

export const assignCaseSchema = z.object({
  personId: z.uuid('Unknown case.'),
  establishmentId: z.union([z.literal(''), z.uuid('Choose an establishment.')]),
  jobTitle: plainText(200, 'The job title'),
});
export type AssignCaseInput = z.infer<typeof assignCaseSchema>;
