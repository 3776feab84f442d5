// An incident in the demo production for the authorization matrix's incident-scoped routes (the
// printable report), filed through the same core as the app, by the crew user. Only when the demo
// has no incident yet: another feature's seed may already have filed one, and one is enough.
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { incidents, memberships, productions, users } from '../db/schema';
import type { Actor } from '../app/lib/actor';
import type { Position } from '../app/lib/enums';
import { fileIncidentCore } from '../app/lib/incidents/core';

export function seedE2eOversight() {
  const db = getDb();
  const p = db.select().from(productions).where(eq(productions.title, 'Dry Creek (demo)')).get()!;
  const n = db.select({ n: sql<number>`count(*)` }).from(incidents).where(eq(incidents.productionId, p.id)).get()?.n ?? 0;
  if (n > 0) return;
  const u = db.select().from(users).where(eq(users.email, 'crew@setsafe.test')).get()!;
  const m = db.select().from(memberships).where(and(eq(memberships.productionId, p.id), eq(memberships.userId, u.id))).get()!;
  const crew: Actor = { userId: u.id, name: u.name, email: u.email, isAdmin: u.isAdmin, productionId: p.id, role: m.role, positions: m.positions as Position[], production: p };
  const res = fileIncidentCore(crew, {
    id: '7e2e0000-0000-4000-8000-000000000001',
    type: 'unsafe_condition',
    description: 'Seeded for the authorization matrix: a cable across the fire exit.',
    location: 'Stage 2',
  });
  if (!res.ok) throw new Error(`e2e oversight seed: ${res.message}`);
}
