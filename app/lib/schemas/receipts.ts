import { z } from 'zod';

/** A signed head receipt as emailed (ARCHITECTURE.md: audit trail, anchoring). */
export const headReceiptSchema = z.object({
  type: z.literal('setsafe.head-receipt', { message: 'not a SetSafe head receipt' }),
  version: z.literal(1, { message: 'an unknown receipt version' }),
  production: z.object({ id: z.string().min(1).max(100), title: z.string().max(500) }),
  chain: z.string().min(1).max(100),
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in hex'),
  signedAt: z.iso.datetime(),
  keyId: z.string().min(1).max(100),
  signature: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64').max(200),
});
export type HeadReceiptDoc = z.infer<typeof headReceiptSchema>;

/** The audit screen's "check a receipt" form: the receipt as pasted or read from a file. */
export const checkReceiptSchema = z.object({
  receipt: z.string().trim().min(1, 'Paste a receipt, or choose its file.').max(20_000, 'That is too long to be a receipt.'),
});
export type CheckReceiptInput = z.infer<typeof checkReceiptSchema>;

/** Sending a receipt now takes no input: the head is read on the server. */
export const sendReceiptSchema = z.object({}).strict();
