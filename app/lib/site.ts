// Site-level and membership writes shared by the admin screens, the members screen and the demo
// seed. Each runs inside the caller's immediate transaction and appends its audit entry there.
import { randomUUID, createHash } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { inviteTokens, memberships, productions, users, type Membership, type Production, type User } from '@/db/schema';
import { appendAudit, SITE_CHAIN } from './audit';
import type { Phase, Position, Role } from './enums';
import { randomToken } from './passwords';
import type { AuditAction } from './audit-actions';

export type Who = { userId: string | null; label: string };

/** The audit identity of a signed-in person. */
export const whoOf = (u: { userId: string; name: string }): Who => ({ userId: u.userId, label: u.name });

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

const publicUser = (u: User) => ({ id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin });

export function findUserByEmail(tx: Tx, email: string): User | undefined {
  return tx.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export function createUser(
  tx: Tx,
  who: Who,
  input: { email: string; name: string; passwordHash: string | null; isAdmin?: boolean },
  now: Date,
): User {
  const row: User = {
    id: randomUUID(),
    email: input.email.trim().toLowerCase(),
    name: input.name.trim(),
    passwordHash: input.passwordHash,
    isAdmin: input.isAdmin ?? false,
    sessionVersion: 1,
    createdAt: now,
    totpSecret: null,
    totpEnabledAt: null,
    totpLastStep: null,
    recoveryCodeHashes: [],
  };
  tx.insert(users).values(row).run();
  appendAudit(tx, { chain: SITE_CHAIN, actorId: who.userId, actorLabel: who.label, entity: 'user', entityId: row.id, action: 'user.create', after: publicUser(row), at: now });
  return row;
}

export function setPassword(tx: Tx, who: Who, userId: string, passwordHash: string, now: Date, action: AuditAction = 'user.password') {
  // Bumping the session version ends every other session of the user at once.
  tx.update(users).set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId)).run();
  appendAudit(tx, { chain: SITE_CHAIN, actorId: who.userId, actorLabel: who.label, entity: 'user', entityId: userId, action, at: now });
}

export function bumpSessionVersion(tx: Tx, userId: string) {
  tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId)).run();
}

export function createProduction(
  tx: Tx,
  who: Who,
  input: { title: string; company: string; locations?: string; startDate?: string | null; endDate?: string | null; timeZone: string; phase?: Phase },
  now: Date,
): Production {
  const row: Production = {
    id: randomUUID(),
    title: input.title.trim(),
    company: input.company.trim(),
    locations: input.locations?.trim() ?? '',
    jurisdiction: 'federal',
    startDate: input.startDate || null,
    endDate: input.endDate || null,
    timeZone: input.timeZone,
    phase: input.phase ?? 'prep',
    reportToken: randomToken(18),
    reportTokenRotatedAt: null,
    requireTwoFactor: false,
    createdAt: now,
  };
  tx.insert(productions).values(row).run();
  const { reportToken: _t, ...safe } = row;
  appendAudit(tx, { chain: SITE_CHAIN, actorId: who.userId, actorLabel: who.label, entity: 'production', entityId: row.id, action: 'production.create', after: safe, at: now });
  appendAudit(tx, { chain: row.id, actorId: who.userId, actorLabel: who.label, entity: 'production', entityId: row.id, action: 'production.create', after: safe, at: now });
  return row;
}

export function addMembership(
  tx: Tx,
  who: Who,
  input: { productionId: string; userId: string; role: Role; positions: Position[] },
  now: Date,
): Membership {
  const row: Membership = { id: randomUUID(), productionId: input.productionId, userId: input.userId, role: input.role, positions: input.positions, createdAt: now };
  tx.insert(memberships).values(row).run();
  appendAudit(tx, { chain: input.productionId, actorId: who.userId, actorLabel: who.label, entity: 'membership', entityId: row.id, action: 'member.add', after: row, at: now });
  return row;
}

export function getMembership(tx: Tx, productionId: string, userId: string): Membership | undefined {
  return tx.select().from(memberships).where(and(eq(memberships.productionId, productionId), eq(memberships.userId, userId))).get();
}

export const INVITE_TTL_MS = 7 * 86_400_000;

/**
 * A one-time link (valid 7 days) through which an invited person sets their own password.
 * Issuing one retires the user's earlier unused links, so only the newest works.
 */
export function createInvite(tx: Tx, who: Who, userId: string, productionId: string | null, now: Date): string {
  const token = randomToken(32);
  const id = randomUUID();
  tx.update(inviteTokens)
    .set({ expiresAt: now })
    .where(and(eq(inviteTokens.userId, userId), isNull(inviteTokens.usedAt), gt(inviteTokens.expiresAt, now)))
    .run();
  tx.insert(inviteTokens)
    .values({ id, userId, productionId, tokenHash: sha256(token), createdById: who.userId, createdAt: now, expiresAt: new Date(now.getTime() + INVITE_TTL_MS) })
    .run();
  appendAudit(tx, { chain: productionId ?? SITE_CHAIN, actorId: who.userId, actorLabel: who.label, entity: 'invite', entityId: id, action: 'invite.create', after: { userId, productionId }, at: now });
  return token;
}
