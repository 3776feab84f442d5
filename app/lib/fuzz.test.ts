// Property-based bad input (ARCHITECTURE.md: no 500 from user input): generated input at every zod schema and every core
// function (called with an actor). Zero throws, a clear message on every refusal, and nothing
// stored by a refused call.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { createTempDatabase, seedProduction } from '@/db/test-utils';
import { anyValue, NASTY, shaped } from './testing/hostile-input';

createTempDatabase();
const { getSqlite } = await import('@/db/client');
const { fileIncidentCore } = await import('./incidents/core');

/** Mostly valid filings with hostile text, so the acceptance path is exercised too. */
const nearValidFiling = fc.record({
  id: fc.uuid({ version: 4 }),
  type: fc.constantFrom('near_miss', 'unsafe_condition', 'other', 'injury', 'bogus'),
  description: fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'grapheme', minLength: 3, maxLength: 300 })),
  location: fc.oneof(fc.constantFrom('Stage 2', ...NASTY), fc.string({ minLength: 2, maxLength: 250 })),
  occurredAt: fc.oneof(fc.constant(undefined), fc.constantFrom('2026-11-24T08:00', '2026-11-25T08:00', '1999-01-01T00:00', '2026-13-01T00:00')),
});

function tableCounts(): Record<string, number> {
  const db = getSqlite();
  const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations'").all() as { name: string }[];
  return Object.fromEntries(tables.map((t) => [t.name, (db.prepare(`select count(*) n from "${t.name}"`).get() as { n: number }).n]));
}

export const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
let generated = 0;

describe('every zod schema survives generated input', async () => {
  const dir = path.join(import.meta.dirname, 'schemas');
  const schemas: [string, ZodType][] = [];
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const mod = (await import(path.join(dir, f))) as Record<string, unknown>;
    for (const [name, v] of Object.entries(mod)) if (v && typeof v === 'object' && 'safeParse' in v) schemas.push([`${f}:${name}`, v as ZodType]);
  }
  it('finds the schemas', () => expect(schemas.length).toBeGreaterThan(3));
  it.each(schemas)('%s never throws and always explains a refusal', (_name, schema) => {
    fc.assert(
      fc.property(fc.oneof(anyValue, shaped(['id', 'type', 'description', 'location', 'email', 'password', 'name', 'occurredAt', 'injury', 'resolution', 'reason'])), (input) => {
        generated++;
        const r = schema.safeParse(input);
        if (!r.success) expect(r.error.issues.every((i) => typeof i.message === 'string' && i.message.length > 0)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('core functions called with an actor', () => {
  let s: Awaited<ReturnType<typeof seedProduction>>;
  beforeAll(async () => {
    s = await seedProduction();
  });

  it('fileIncidentCore: no throw; a refusal stores nothing; an acceptance stores exactly one report', () => {
    const keys = ['id', 'type', 'description', 'location', 'scene', 'occurredAt', 'severity', 'immediateActions', 'peopleInvolved', 'firearmIds', 'injury'];
    fc.assert(
      fc.property(fc.constantFrom('crew', 'armorer', 'producer', 'auditor' as const), fc.oneof(shaped(keys), nearValidFiling), (role, input) => {
        generated++;
        const before = tableCounts();
        const res = fileIncidentCore(s.actors[role], input, new Date('2026-11-24T15:00:00Z'));
        const after = tableCounts();
        if (!res.ok) {
          expect(res.message.length).toBeGreaterThan(0);
          expect(after).toEqual(before);
        } else {
          expect(after.incidents).toBe(before.incidents + (res.data.created ? 1 : 0));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reports how many inputs were generated', () => {
    console.log(`[fuzz] generated inputs tried: ${generated}`);
    expect(generated).toBeGreaterThan(0);
  });
});
