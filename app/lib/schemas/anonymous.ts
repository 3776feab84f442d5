import { z } from 'zod';
import { INCIDENT_TYPES } from '../enums';
import { plainText } from './common';

// Anonymous reports and their follow-up (ARCHITECTURE.md: anonymous reports). Pure: no server imports.

/** 'today', a calendar date (the day only: no time is asked for), or '' for "not sure". */
export const reportDay = z.union([
  z.literal(''),
  z.literal('today'),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Pick a date.')
    .refine((v) => {
      const y = Number(v.slice(0, 4));
      const d = new Date(`${v}T00:00:00Z`);
      return y >= 2000 && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
    }, 'Pick a real date.'),
]);

/** The quick form: type, what happened and where are required; the rest is optional. */
export const anonymousReportSchema = z.object({
  type: z.enum(INCIDENT_TYPES, 'Choose what kind of problem this is.'),
  description: plainText(5000, 'What happened', 3, 'Say briefly what happened.'),
  location: plainText(200, 'Where', 2, 'Say where it happened.'),
  scene: plainText(200, 'Scene/setup').optional(),
  day: reportDay.optional(),
  immediateActions: plainText(5000, 'What was done').optional(),
});
export type AnonymousReportInput = z.infer<typeof anonymousReportSchema>;

/** What the filing carries besides the form: the client-made id and the server-made receipt. */
export const anonymousFilingSchema = anonymousReportSchema.extend({
  id: z.uuid('The form lost its report id; reload the page.'),
  receipt: z.string().max(64),
  mac: z.string().max(64),
});

export const RECEIPT_FORMAT_MESSAGE = 'A receipt code has 28 letters and digits (7 groups of 4). Check it and try again.';

export const receiptSchema = z.object({
  receipt: z.string().trim().min(1, 'Enter your receipt code.').max(80, RECEIPT_FORMAT_MESSAGE),
});
export type ReceiptInput = z.infer<typeof receiptSchema>;

/** The reporter answers a question or adds information (the server decides which it is). */
export const reporterMessageSchema = z.object({
  body: plainText(5000, 'Your message', 2, 'Write your answer or the new information.'),
});
export type ReporterMessageInput = z.infer<typeof reporterMessageSchema>;

/** A producer (or the armorer, firearm-related) asks the anonymous reporter. */
export const askReporterSchema = z.object({
  incidentId: z.uuid('Not found.'),
  body: plainText(2000, 'Your question', 5, 'Write the question the reporter should answer.'),
});
export type AskReporterInput = z.infer<typeof askReporterSchema>;

export const rotateReportLinkSchema = z.object({
  confirm: z.literal(true, 'Tick the box to confirm that the old link and QR code stop working.'),
});

// ── photos and files ── (in a zod-free module, so the report form's photo picker loads no zod)
export { MAX_PHOTO_BYTES, PHOTO_TYPES, PHOTO_ACCEPT, PHOTO_RULES } from './photos';
