// Receipt codes for anonymous reports (ARCHITECTURE.md: anonymous reports). The code is the reporter's only
// key to their report: high entropy, shown once, stored only as its SHA-256 hash.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so a code copied by hand is hard to get wrong. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 28 symbols × 5 bits = 140 bits of entropy (≥ 128), shown as 7 groups of 4. */
export const RECEIPT_SYMBOLS = 28;
const GROUP = 4;

/** A fresh receipt code, e.g. "7K2M-Q9XD-…" (7 groups of 4). 256 is a multiple of 32: no modulo bias. */
export function newReceiptCode(): string {
  const bytes = randomBytes(RECEIPT_SYMBOLS);
  let s = '';
  for (let i = 0; i < RECEIPT_SYMBOLS; i++) s += ALPHABET[bytes[i] & 31];
  return groupReceipt(s);
}

export function groupReceipt(symbols: string): string {
  return symbols.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? '';
}

/**
 * What a person types back: any case, spaces or dashes anywhere, and the look-alikes Crockford
 * allows (O→0, I/L→1). Returns the 28 symbols, or null when it cannot be a receipt code.
 */
export function normaliseReceipt(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s\-_.]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== RECEIPT_SYMBOLS) return null;
  for (const c of s) if (!ALPHABET.includes(c)) return null;
  return s;
}

/** The only form in which a receipt is stored (incidents.receiptHash). */
export function hashReceipt(normalised: string): string {
  return createHash('sha256').update(`setsafe-receipt:${normalised}`).digest('hex');
}

/**
 * The report form is rendered with a code the server made and a MAC over it, so the filing can
 * prove the code came from the server's generator (entropy is not left to the client) while a
 * retried submission still carries the same code. The MAC is checked, never stored.
 */
export function receiptMac(normalised: string, secret: string): string {
  return createHmac('sha256', secret).update(`anon-receipt:${normalised}`).digest('base64url');
}

export function checkReceiptMac(normalised: string, mac: string, secret: string): boolean {
  const want = Buffer.from(receiptMac(normalised, secret));
  const got = Buffer.from(mac);
  return want.length === got.length && timingSafeEqual(want, got);
}
