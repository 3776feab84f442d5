import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('the address a failed sign-in counts against', () => {
  it('is the entry the nearest proxy added, not one the client wrote', () => {
    expect(clientAddress({ 'x-forwarded-for': '1.2.3.4, 203.0.113.9' })).toBe('203.0.113.9');
    expect(clientAddress({ 'x-forwarded-for': 'spoofed-each-time, 203.0.113.9' })).toBe('203.0.113.9');
  });
  it('falls back to X-Real-IP, then to one shared local bucket', () => {
    expect(clientAddress({ 'x-real-ip': ' 198.51.100.7 ' })).toBe('198.51.100.7');
    expect(clientAddress({ 'x-forwarded-for': ' , ' })).toBe('local');
    expect(clientAddress(undefined)).toBe('local');
    expect(clientAddress({ 'x-forwarded-for': ['a', 'b'] })).toBe('local');
  });
});
