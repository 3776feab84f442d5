// Unit-test support: a fresh temp database per test file, a production with one member per role,
// and Actors to call core functions with. Vitest runs each file in its own process (pool: forks).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '@/app/lib/actor';
import type { Position, Role } from '@/app/lib/enums';
import { addMembership, createProduction, createUser, type Who } from '@/app/lib/site';

export function createTempDatabase(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-test-'));
  process.env.DATABASE_PATH = path.join(dir, 'test.db');
  return dir;
}

export async function seedProduction(opts: { title?: string; timeZone?: string; now?: Date } = {}) {
  const { write } = await import('./client');
  const now = opts.now ?? new Date('2026-11-24T15:00:00Z');
  const who: Who = { userId: null, label: 'test seed' };
  const people: { key: string; role: Role; positions: Position[] }[] = [
    { key: 'producer', role: 'producer', positions: [] },
    { key: 'producer2', role: 'producer', positions: [] },
    { key: 'armorer', role: 'armorer', positions: ['props'] },
    { key: 'auditor', role: 'auditor', positions: [] },
    { key: 'crew', role: 'crew', positions: ['camera'] },
    { key: 'actor', role: 'crew', positions: ['actor'] },
    { key: 'ad', role: 'crew', positions: ['first_ad'] },
  ];
  return write((tx) => {
    const production = createProduction(tx, who, { title: opts.title ?? 'Test Show', company: 'Test Co', timeZone: opts.timeZone ?? 'America/Denver', phase: 'shooting' }, now);
    const actors: Record<string, Actor> = {};
    for (const p of people) {
      const u = createUser(tx, who, { email: `${p.key}.${production.id.slice(0, 8)}@test.local`, name: `${p.key} person`, passwordHash: 'x' }, now);
      addMembership(tx, who, { productionId: production.id, userId: u.id, role: p.role, positions: p.positions }, now);
      actors[p.key] = { userId: u.id, name: u.name, email: u.email, isAdmin: false, productionId: production.id, role: p.role, positions: p.positions, production };
    }
    return { production, actors: actors as Record<'producer' | 'producer2' | 'armorer' | 'auditor' | 'crew' | 'actor' | 'ad', Actor> };
  });
}
