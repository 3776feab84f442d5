import { describe, expect, it } from 'vitest';
import { hashPassword, randomToken, verifyPassword } from './passwords';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const h = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', h)).toBe(true);
    expect(await verifyPassword('correct horse batterY', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
  });

  it('salts every hash and never contains the password', async () => {
    const a = await hashPassword('same password here');
    const b = await hashPassword('same password here');
    expect(a).not.toBe(b);
    expect(a).not.toContain('same password here');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{86,88}$/);
  });

  it('refuses when there is no hash (unknown user, or invited without a password yet)', async () => {
    expect(await verifyPassword('anything at all', null)).toBe(false);
    expect(await verifyPassword('anything at all', undefined)).toBe(false);
  });

  it('refuses malformed or foreign hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$2b$10$abc$def$ghi')).toBe(false);
  });

  it('handles long and non-ASCII passwords', async () => {
    const pw = 'ünïcødé 密码 ' + 'x'.repeat(180);
    const h = await hashPassword(pw);
    expect(await verifyPassword(pw, h)).toBe(true);
    expect(await verifyPassword(pw.normalize('NFD'), h)).toBe(false);
  });

  it('makes unguessable URL-safe tokens', () => {
    const t = randomToken(32);
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(Array.from({ length: 200 }, () => randomToken(32))).size).toBe(200);
  });
});
