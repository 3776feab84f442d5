// A small world for unit tests of core functions: productions, people and actors, made through
// the same site.ts functions the app uses (so every row has its audit entries).
import { and, eq } from 'drizzle-orm';
import { getDb, write } from '@/db/client';
import { memberships, productions, users } from '@/db/schema';
import type { Actor } from '../actor';
import type { Phase, Position, Role } from '../enums';
import { hashPassword } from '../passwords';
import { emptyChecklist, itemsFor } from '../firearms/checklist';
import { addMembership, createProduction, createUser, type Who } from '../site';
import type { UserActor } from '../user-core';

const SEED: Who = { userId: null, label: 'unit test' };
export const TEST_PASSWORD = 'unit-test-password';
let hash: string | null = null;

export async function passwordHash(): Promise<string> {
  hash ??= await hashPassword(TEST_PASSWORD);
  return hash;
}

export function makeProduction(title: string, phase: Phase = 'shooting') {
  return write((tx) => createProduction(tx, SEED, { title, company: 'Test Co', timeZone: 'America/Denver', phase }, new Date()));
}

/** A user with a password (or none: an invited person who has not set one yet). */
export async function makeUser(email: string, name = email.split('@')[0], opts: { password?: boolean; isAdmin?: boolean } = {}) {
  const h = opts.password === false ? null : await passwordHash();
  return write((tx) => createUser(tx, SEED, { email, name, passwordHash: h, isAdmin: opts.isAdmin }, new Date()));
}

export function join(productionId: string, userId: string, role: Role, positions: Position[] = []) {
  return write((tx) => addMembership(tx, SEED, { productionId, userId, role, positions }, new Date()));
}

/** The actor the server would build for this user on this production (as auth.ts actorFor does). */
export function actorOf(userId: string, productionId: string): Actor {
  const row = getDb()
    .select({ m: memberships, p: productions, u: users })
    .from(memberships)
    .innerJoin(productions, eq(productions.id, memberships.productionId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.userId, userId), eq(memberships.productionId, productionId)))
    .get();
  if (!row) throw new Error('not a member');
  return {
    userId,
    name: row.u.name,
    email: row.u.email,
    isAdmin: row.u.isAdmin,
    productionId,
    role: row.m.role,
    positions: row.m.positions as Position[],
    production: row.p,
  };
}

export function userActorOf(userId: string): UserActor {
  const u = getDb().select().from(users).where(eq(users.id, userId)).get();
  if (!u) throw new Error('no such user');
  return { userId: u.id, name: u.name, email: u.email, isAdmin: u.isAdmin };
}

export function userRow(userId: string) {
  return getDb().select().from(users).where(eq(users.id, userId)).get()!;
}

export function membershipIdOf(userId: string, productionId: string): string {
  const m = getDb().select({ id: memberships.id }).from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.productionId, productionId))).get();
  if (!m) throw new Error('not a member');
  return m.id;
}

/** The data of a core's result; a refusal fails the test with its message (every core test unwraps this way). */
export function ok<T>(res: { ok: true; data: T } | { ok: false; message: string }): T {
  if (!res.ok) throw new Error(`expected ok, got: ${res.message}`);
  return res.data;
}

/** A firearm checklist with every item of that phase ticked: a check that passes on its items. */
export const allChecked = (phase: 'before_use' | 'after_use') => ({ ...emptyChecklist(), ...Object.fromEntries(itemsFor(phase).map((i) => [i.key, true])) });

/** A crew member of the production holding these positions (the safety advisor, a property master…), as the server's actor. */
export function crewMember(productionId: string, who: { email: string; name: string; positions: Position[] }, at: Date): Actor {
  const userId = write((tx) => {
    const u = createUser(tx, SEED, { email: who.email, name: who.name, passwordHash: 'x' }, at);
    addMembership(tx, SEED, { productionId, userId: u.id, role: 'crew', positions: who.positions }, at);
    return u.id;
  });
  return actorOf(userId, productionId);
}
