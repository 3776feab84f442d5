import 'server-only';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { preparedQuery } from '@/db/prepared';
import { memberships, productions, siteSettings, users, type User } from '@/db/schema';
import { readSessionToken } from './session-token';
import type { Position } from './enums';
import type { Actor } from './actor';
import { ADMIN_2FA_SETTING, mustEnrol } from './two-factor-rule';

export type { Actor } from './actor';

/** twoFactor: whether the account has two-factor sign-in on (a production or the site may require it). */
export type SessionUser = Pick<User, 'id' | 'name' | 'email' | 'isAdmin'> & { twoFactor?: boolean };

const userById = preparedQuery((db) => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare());

/**
 * The signed-in user, or null. The token's session version must match the database: sign-out,
 * a password change or removal bumps it and ends every session of that user at once. This is the
 * one database check per request (the token itself is decoded by readSessionToken).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  let token;
  try {
    token = await readSessionToken();
  } catch {
    return null;
  }
  const uid = token?.uid;
  if (!uid) return null;
  const user = userById().get({ id: uid });
  if (!user || user.sessionVersion !== token?.sv || !user.passwordHash) return null;
  return { id: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin, twoFactor: !!user.totpEnabledAt };
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in');
  return user;
}

export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (!user.isAdmin) notFound();
  if (adminMustEnrol(user)) redirect('/account?twofactor=required#two-factor');
  return user;
}

/** A site admin without two-factor sign-in where the site requires it of admins. */
export function adminMustEnrol(user: SessionUser): boolean {
  if (!user.isAdmin || user.twoFactor) return false;
  return getDb().select().from(siteSettings).where(eq(siteSettings.key, ADMIN_2FA_SETTING)).get()?.value === true;
}

const membershipOf = preparedQuery((db) =>
  db
    .select({ m: memberships, p: productions })
    .from(memberships)
    .innerJoin(productions, eq(productions.id, memberships.productionId))
    .where(and(eq(memberships.productionId, sql.placeholder('productionId')), eq(memberships.userId, sql.placeholder('userId'))))
    .prepare(),
);

/** The user's membership of the production as an Actor, or null (not a member / no such production). */
export function actorFor(user: SessionUser, productionId: string): Actor | null {
  if (typeof productionId !== 'string' || productionId.length > 100) return null;
  const row = membershipOf().get({ productionId, userId: user.id });
  if (!row) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.isAdmin,
    productionId,
    role: row.m.role,
    positions: (row.m.positions ?? []) as Position[],
    production: row.p,
  };
}

/** For pages: the actor, or sign-in redirect, or 404 when not a member (another show's records do not exist). */
export const requireMember = cache(async (productionId: string): Promise<Actor> => {
  const user = await requireUser();
  const actor = actorFor(user, productionId);
  if (!actor) notFound();
  // A production that requires two-factor sign-in of producers and auditors: set it up first.
  if (mustEnrol(actor, user)) redirect('/account?twofactor=required#two-factor');
  return actor;
});

/** Productions the user belongs to, for the switcher. */
const myProductions = preparedQuery((db) =>
  db
    .select({ id: productions.id, title: productions.title, phase: productions.phase, role: memberships.role, timeZone: productions.timeZone })
    .from(memberships)
    .innerJoin(productions, eq(productions.id, memberships.productionId))
    .where(eq(memberships.userId, sql.placeholder('userId')))
    .orderBy(productions.title)
    .prepare(),
);

export function listMyProductions(userId: string) {
  return myProductions().all({ userId });
}
