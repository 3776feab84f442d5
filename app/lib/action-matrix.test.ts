// The server-action side of the authorization matrix (ARCHITECTURE.md: refused on the server): every core function that a
// server action or JSON route calls, tried as every role. A role the policy refuses gets the
// permission refusal and changes nothing; a role it allows is never refused for its role.
// A server action that reaches the database without going through a core fails this test.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';
import { ROLES } from './enums';

createTempDatabase();
const { getSqlite } = await import('@/db/client');
const { can } = await import('./policy');
const { PERMISSION_MESSAGE } = await import('./core');

type AnyCore = ((actor: unknown, raw: unknown, now?: Date) => { ok: boolean; message?: string; code?: string }) & { permission: string };

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

const libDir = import.meta.dirname;
const cores: [string, AnyCore][] = [];
for (const file of walk(libDir)) {
  const src = fs.readFileSync(file, 'utf8');
  if (!src.includes('defineCore(')) continue;
  const mod = (await import(file)) as Record<string, unknown>;
  for (const [name, v] of Object.entries(mod)) {
    if (typeof v === 'function' && 'permission' in v && 'schema' in v) cores.push([`${path.relative(libDir, file)}:${name}`, v as unknown as AnyCore]);
  }
}

function counts(): string {
  const db = getSqlite();
  const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[];
  return tables.map((t) => `${t.name}=${(db.prepare(`select count(*) n from "${t.name}"`).get() as { n: number }).n}`).join(',');
}

describe('every core × every role', () => {
  let s: Awaited<ReturnType<typeof seedProduction>>;
  beforeAll(async () => {
    s = await seedProduction();
  });

  it('finds the cores', () => {
    expect(cores.length).toBeGreaterThan(20);
    console.log(`[action-matrix] ${cores.length} cores × ${ROLES.length} roles`);
  });

  it.each(cores)('%s answers each role as the policy says', (_name, core) => {
    const actors = { crew: s.actors.crew, armorer: s.actors.armorer, producer: s.actors.producer, auditor: s.actors.auditor };
    for (const role of ROLES) {
      const before = counts();
      const res = core(actors[role], {});
      if (!can(role, core.permission as never)) {
        expect(res, `${role} must be refused`).toMatchObject({ ok: false, code: 'forbidden', message: PERMISSION_MESSAGE });
        expect(counts(), `${role}'s refused call changed nothing`).toBe(before);
      } else {
        expect(res.message, `${role} is allowed ${core.permission}`).not.toBe(PERMISSION_MESSAGE);
      }
    }
  });
});

describe('every server action goes through the policy', () => {
  const appDir = path.resolve(libDir, '..');
  const actionFiles = walk(appDir).filter((f) => /actions\.ts$/.test(f) && !f.includes(`${path.sep}lib${path.sep}`));
  it.each(actionFiles.map((f) => [path.relative(appDir, f)]))('%s', (rel) => {
    const src = fs.readFileSync(path.join(appDir, rel), 'utf8');
    expect(src.startsWith("'use server'")).toBe(true);
    // No database access in an action file: reads and writes belong to cores behind the policy.
    expect(src).not.toMatch(/from '@\/db\/(client|schema)'/);
    const gateways = ['runAsMember', 'runAsUser', 'memberOr', 'userOr', 'getSessionUser', 'requireUser', 'requireMember'];
    // A local helper (e.g. `run`) counts when it itself goes through a gateway.
    for (const [, helper, body] of src.matchAll(/^(?:async )?function (\w+)[^{]*\{([\s\S]*?)\n\}/gm)) {
      if (gateways.some((g) => body.includes(g))) gateways.push(`${helper}(`);
    }
    const fns = [...src.matchAll(/export async function (\w+)\(([^)]*)\)[^{]*\{([\s\S]*?)\n\}/g)];
    expect(fns.length).toBeGreaterThan(0);
    for (const [, name, , body] of fns) {
      // The invite link is public by design: the one-time token is the credential.
      if (rel.startsWith(`invite${path.sep}`) && name === 'acceptInvite') continue;
      // Asking for a sign-in link is for people who cannot sign in (README: Security): public by
      // design, one answer whether or not the address has an account.
      if (rel === path.join('(auth)', 'sign-in', 'link', 'actions.ts') && name === 'requestLink') continue;
      // Anonymous reports (ARCHITECTURE.md: anonymous reports) are public by design and must never read a session, cookie or
      // header: the link token or the receipt code is the credential, and nothing may tie the
      // reporter to an account.
      if (rel.startsWith(`report${path.sep}`)) {
        expect(gateways.some((g) => body.includes(g)) || /\b(cookies|headers)\(/.test(src), `${name} must not read a session`).toBe(false);
        continue;
      }
      expect(gateways.some((g) => body.includes(g)), `${name} must resolve the session and actor`).toBe(true);
    }
  });
});
