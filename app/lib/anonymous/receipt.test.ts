import { describe, expect, it } from 'vitest';
import { checkReceiptMac, hashReceipt, newReceiptCode, normaliseReceipt, receiptMac, RECEIPT_SYMBOLS } from './receipt';

describe('receipt codes', () => {
  it('are 7 groups of 4 Crockford symbols: 140 bits, no look-alike letters', () => {
    const code = newReceiptCode();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(RECEIPT_SYMBOLS * 5).toBeGreaterThanOrEqual(128);
  });

  it('do not repeat and use every symbol', () => {
    const codes = new Set(Array.from({ length: 2000 }, newReceiptCode));
    expect(codes.size).toBe(2000);
    const symbols = new Set([...codes].join('').replace(/-/g, ''));
    expect(symbols.size).toBe(32);
  });

  it('are read back whatever the case, spacing and look-alikes', () => {
    const code = newReceiptCode();
    const plain = code.replace(/-/g, '');
    expect(normaliseReceipt(code)).toBe(plain);
    expect(normaliseReceipt(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(plain);
    expect(normaliseReceipt('O1IL-0000-0000-0000-0000-0000-0000')).toBe('0111' + '0'.repeat(24));
    expect(normaliseReceipt('ABCD')).toBeNull();
    expect(normaliseReceipt('UUUU-0000-0000-0000-0000-0000-0000')).toBeNull();
  });

  it('are stored as a SHA-256 hash that differs per code', () => {
    const a = normaliseReceipt(newReceiptCode())!;
    const b = normaliseReceipt(newReceiptCode())!;
    expect(hashReceipt(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashReceipt(a)).not.toBe(hashReceipt(b));
    expect(hashReceipt(a)).not.toContain(a);
  });

  it('carry a MAC that only the server can make', () => {
    const a = normaliseReceipt(newReceiptCode())!;
    const mac = receiptMac(a, 'secret-1');
    expect(checkReceiptMac(a, mac, 'secret-1')).toBe(true);
    expect(checkReceiptMac(a, mac, 'secret-2')).toBe(false);
    expect(checkReceiptMac(normaliseReceipt(newReceiptCode())!, mac, 'secret-1')).toBe(false);
    expect(checkReceiptMac(a, '', 'secret-1')).toBe(false);
  });
});
