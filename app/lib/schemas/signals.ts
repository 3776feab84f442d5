import { z } from 'zod';
import { SAFETY_CONTACT_KINDS, WINDOW_MAX_MINUTES, WINDOW_MIN_MINUTES } from '../rules/acknowledgement';
import { plainText } from './common';

const id = (what: string) => z.string({ message: `Choose a ${what}.` }).trim().min(1, `Choose a ${what}.`).max(100, `Choose a ${what}.`);

/** Rule 7: a producer acknowledges one critical signal. */
export const acknowledgeSignalSchema = z.object({ signalId: id('signal') });
export type AcknowledgeSignalInput = z.infer<typeof acknowledgeSignalSchema>;

const minutes = (label: string) =>
  z.coerce
    .number({ message: `${label}: enter a number of minutes.` })
    .int(`${label}: use whole minutes.`)
    .min(WINDOW_MIN_MINUTES, `${label}: at least ${WINDOW_MIN_MINUTES} minute.`)
    .max(WINDOW_MAX_MINUTES, `${label}: at most ${WINDOW_MAX_MINUTES} minutes (12 hours).`);

/** Rule 7 windows (producer only). */
export const escalationSettingsSchema = z.object({
  resendAfterMinutes: minutes('First window'),
  contactsAfterMinutes: minutes('Second window'),
});
export type EscalationSettingsInput = z.infer<typeof escalationSettingsSchema>;

/** A safety contact outside the show (studio safety representative, safety advisor, other). */
export const addSafetyContactSchema = z.object({
  kind: z.enum(SAFETY_CONTACT_KINDS, { message: 'Choose what kind of contact this is.' }),
  name: plainText(100, 'Name', 1, 'Enter the contact’s name.'),
  title: plainText(100, 'Role or title'),
  email: z.string().trim().min(1, 'Enter an email address: the contact is told by email.').max(200, 'Use at most 200 characters.').email('Enter a real email address, like name@studio.com.'),
  phone: z
    .string()
    .trim()
    .max(40, 'Use at most 40 characters.')
    .refine((v) => v === '' || /^[+()0-9 .\-A-Za-z]{3,40}$/.test(v), 'Enter a phone number: digits, spaces, + ( ) - . only.'),
});
export type AddSafetyContactInput = z.infer<typeof addSafetyContactSchema>;

export const removeSafetyContactSchema = z.object({ contactId: id('contact') });
