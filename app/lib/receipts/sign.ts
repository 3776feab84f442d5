// Signed head receipts (ARCHITECTURE.md: audit trail, anchoring): a small JSON document naming a
// production's audit chain head, signed with Ed25519 (node:crypto). Pure apart from the crypto: no
// database, no Next, no key file, so the audit screen, `npm run audit:verify -- --receipt` and the
// tests check a receipt with the same code.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../audit';
import { headReceiptSchema, type HeadReceiptDoc } from '../schemas/receipts';
import type { ChainReport } from '../audit-verify';

export const RECEIPT_TYPE = 'setsafe.head-receipt';
export const RECEIPT_BEGIN = '-----BEGIN SETSAFE RECEIPT-----';
export const RECEIPT_END = '-----END SETSAFE RECEIPT-----';

export type UnsignedReceipt = Omit<HeadReceiptDoc, 'signature'>;

/** The bytes that are signed: every field but the signature, keys sorted. */
export function signedBytes(r: UnsignedReceipt | HeadReceiptDoc): Buffer {
  const { signature: _ignored, ...rest } = r as HeadReceiptDoc;
  return Buffer.from(canonicalJson(rest), 'utf8');
}

/** A short, stable name for a public key: the start of the sha256 of its SPKI encoding. */
export function keyIdOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const der = key.export({ type: 'spki', format: 'der' });
  return `ed25519:${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
}

export function signReceipt(fields: Omit<UnsignedReceipt, 'type' | 'version' | 'keyId'>, privateKey: KeyObject): HeadReceiptDoc {
  const unsigned: UnsignedReceipt = { type: RECEIPT_TYPE, version: 1, ...fields, keyId: keyIdOf(createPublicKey(privateKey)) };
  const signature = sign(null, signedBytes(unsigned), privateKey).toString('base64');
  return { ...unsigned, signature };
}

/** The receipt as it travels: pretty JSON between two marker lines, easy to cut from an email. */
export function receiptText(r: HeadReceiptDoc): string {
  return `${RECEIPT_BEGIN}\n${JSON.stringify(r, null, 2)}\n${RECEIPT_END}`;
}

export type ParsedReceipt = { ok: true; receipt: HeadReceiptDoc } | { ok: false; message: string };

/**
 * Reads a receipt pasted or uploaded by a person: the JSON alone, or the email's text around it
 * (the part between the first `{` and the last `}`). Never throws.
 */
export function parseReceipt(text: string): ParsedReceipt {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return { ok: false, message: 'No receipt found: paste the JSON part of the receipt email, from { to }.' };
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(start, end + 1));
  } catch {
    return { ok: false, message: 'That is not a whole receipt: the JSON does not parse. Copy it again from { to }.' };
  }
  const parsed = headReceiptSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return { ok: false, message: `That is not a SetSafe head receipt (${i.path.join('.') || 'receipt'}: ${i.message}).` };
  }
  return { ok: true, receipt: parsed.data };
}

/** Whether the signature was made by the private half of `publicKey` over exactly these fields. */
export function signatureValid(r: HeadReceiptDoc, publicKey: KeyObject | string): boolean {
  try {
    const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
    return verify(null, signedBytes(r), key, Buffer.from(r.signature, 'base64'));
  } catch {
    return false;
  }
}

/** What the audit screen says about a kept receipt (db/queries/receipts.ts checks it). */
export type ReceiptCheck =
  | { verdict: 'unreadable' | 'forged' | 'elsewhere'; message: string; receipt: HeadReceiptDoc | null }
  | {
      verdict: 'confirmed' | 'contradicted';
      message: string;
      receipt: HeadReceiptDoc;
      /** The receipt's head is the newest entry now. */
      newest: boolean;
      entriesSince: number;
      /** A row in head_receipts records sending this receipt. */
      recorded: boolean;
      report: ChainReport;
    };

