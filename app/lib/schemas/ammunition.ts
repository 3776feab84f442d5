// The ammunition chain's forms (ARCHITECTURE.md: ammunition chain): count adjustments, a live
// round found in a lot, the evidence chain to the authorities, the return to the vendor. Pure.
import { z } from 'zod';
import { plainText } from './common';
import { localDateTime } from './incidents';

const clientId = z.uuid('A request id is missing; reload the page and try again.');
const lotRef = z.string({ error: 'Choose the lot.' }).trim().min(1, 'Choose the lot.').max(100, 'Choose the lot.');
const count = (message: string) => z.number({ error: message }).int(message).min(0, 'The count cannot be negative.').max(100_000, 'That count is too large.');
const required = (message: string, max: number, label: string) => plainText(max, label, 1, message);

export const adjustAmmoCountSchema = z.object({
  id: clientId,
  lotId: lotRef,
  countedOnHand: count('Enter the rounds you counted in the store.'),
  reason: required('Say why the count changed, for the ledger.', 500, 'The reason').refine((s) => s.length >= 5, 'Say a little more: why does the count differ?'),
});
export type AdjustAmmoCountInput = z.infer<typeof adjustAmmoCountSchema>;

export const freezeAmmoLotSchema = z
  .object({
    lotId: lotRef,
    /** A "live ammunition found" report already filed (by anyone); '' files one now. */
    incidentId: z.string().trim().max(100),
    liveRoundsFound: count('Enter how many live rounds were found.').min(1, 'At least one live round was found, or the lot would not be frozen.'),
    countedInert: count('Count the dummies or blanks left in the lot.'),
    description: plainText(4000, 'What happened'),
  })
  .superRefine((v, ctx) => {
    if (!v.incidentId && v.description.trim().length < 10) {
      ctx.addIssue({ code: 'custom', path: ['description'], message: 'Say where and how the live round was found (it files the rule-1 report).' });
    }
  });
export type FreezeAmmoLotInput = z.infer<typeof freezeAmmoLotSchema>;

export const recordEvidenceTransferSchema = z
  .object({
    id: clientId,
    lotId: lotRef,
    fromStore: z.boolean(),
    fromName: required('Enter who handed the evidence over.', 120, 'The name'),
    fromAgency: plainText(120, 'The agency'),
    toName: required('Enter who received it.', 120, 'The name'),
    toAgency: required('Enter the receiver’s agency, e.g. the county sheriff.', 120, 'The agency'),
    toBadge: required('Enter the receiver’s badge or ID number.', 60, 'The badge or ID'),
    transferredAt: localDateTime,
    rounds: count('Enter how many rounds of the lot were handed over.'),
    liveRounds: count('Enter how many live rounds were handed over.'),
    sealNumber: required('Enter the evidence seal or bag number.', 80, 'The seal or bag number'),
  })
  .superRefine((v, ctx) => {
    if (v.rounds + v.liveRounds === 0) ctx.addIssue({ code: 'custom', path: ['rounds'], message: 'A transfer hands over at least one round.' });
  });
export type RecordEvidenceTransferInput = z.infer<typeof recordEvidenceTransferSchema>;

export const returnLotToVendorSchema = z.object({
  lotId: lotRef,
  countReturned: count('Count the rounds going back.'),
  vendorReceiver: required('Enter who received the rounds for the vendor.', 120, 'The name'),
  vendorReference: required('Enter the vendor’s return reference or receipt number.', 80, 'The reference'),
  signed: z.literal(true, { error: 'Sign: you counted these rounds and handed them to the vendor.' }),
});
export type ReturnLotToVendorInput = z.infer<typeof returnLotToVendorSchema>;

export const acknowledgeVendorReturnSchema = z.object({ lotId: lotRef });
