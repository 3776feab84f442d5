// Members of a production: invite, change role and positions, re-issue a link, remove.
// Core functions (policy → zod → one immediate transaction → audit), called by the members
// screen's server actions and by tests with an actor. Inviting and removing members, setting
// their roles and positions, is the producer's alone (ARCHITECTURE.md: permission matrix) ('members.manage').
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { inviteTokens, memberships, users, type Membership } from '@/db/schema';
import { appendAudit } from './audit';
import type { Actor } from './actor';
import { defineCore } from './core';
import { Refusal } from './errors';
import type { Position } from './enums';
import { changeMemberSchema, inviteMemberSchema, memberRefSchema } from './schemas/members';
import { enqueueEmail } from './delivery/outbox';
import { addMembership, bumpSessionVersion, createInvite, createUser, findUserByEmail, getMembership, INVITE_TTL_MS, whoOf } from './site';

export type InviteResult = {
  userId: string;
  membershipId: string;
  name: string;
  email: string;
  /** The account existed already (it keeps its own name and password). */
  existingAccount: boolean;
  /** The one-time link's token, when the person still has to set a password. Shown once. */
  token: string | null;
  expiresAt: number | null;
};

const uniq = (p: Position[]): Position[] => [...new Set(p)];


/** The invitation also goes by email, in the same transaction (the link is still shown to the producer). */
function emailInvite(tx: Parameters<typeof createInvite>[0], actorName: string, production: { id: string; title: string }, to: { id: string; email: string; name: string }, token: string | null, now: Date) {
  const how = token
    ? `Set your password with this one-time link (it works for ${Math.round(INVITE_TTL_MS / 86_400_000)} days):\n${'{{APP_URL}}'}/invite/${token}`
    : 'Sign in with your existing SetSafe password.';
  enqueueEmail(tx, {
    productionId: production.id,
    toUserId: to.id,
    toAddress: to.email,
    subject: `You are invited to ${production.title} on SetSafe`,
    text: `${actorName} added you to ${production.title}, the production's safety desk.\n\n${how}`,
    kind: 'invite',
    critical: false,
    link: token ? null : `/productions/${production.id}`,
    now,
  });
}

/** A membership of the actor's production, or a not-found refusal (never another show's). */
function membershipOf(tx: Tx, actor: Actor, membershipId: string): Membership {
  const m = tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.productionId, actor.productionId)))
    .get();
  if (!m) throw new Refusal('That person is not a member of this production.', 'not_found');
  return m;
}

function otherProducers(tx: Tx, productionId: string, exceptMembershipId: string): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(memberships)
      .where(and(eq(memberships.productionId, productionId), eq(memberships.role, 'producer'), ne(memberships.id, exceptMembershipId)))
      .get()?.n ?? 0
  );
}

/** A production always keeps one producer: nobody else can invite, lift a hold or manage members. */
function refuseIfLastProducer(tx: Tx, actor: Actor, m: Membership, verb: 'remove' | 'demote') {
  if (m.role !== 'producer' || otherProducers(tx, actor.productionId, m.id) > 0) return;
  const self = m.userId === actor.userId;
  throw new Refusal(
    self
      ? `You are the only producer of this production, so you cannot ${verb === 'remove' ? 'remove' : 'change the role of'} yourself. Make someone else a producer first.`
      : `This is the only producer of the production. Make someone else a producer first.`,
    'conflict',
  );
}

export const inviteMember = defineCore({
  schema: inviteMemberSchema,
  permission: 'members.manage',
  run(input, { actor, tx, now }): InviteResult {
    const who = whoOf(actor);
    const existing = findUserByEmail(tx, input.email);
    if (existing && getMembership(tx, actor.productionId, existing.id)) {
      throw new Refusal(`${existing.name} is already a member of this production.`, 'conflict', {
        email: ['Already a member: change their role in the list below.'],
      });
    }
    const user = existing ?? createUser(tx, who, { email: input.email, name: input.name, passwordHash: null }, now);
    const m = addMembership(tx, who, { productionId: actor.productionId, userId: user.id, role: input.role, positions: uniq(input.positions) }, now);
    // Someone who already has a password signs in with it; only a new (or never activated)
    // account gets a one-time link, and nobody can reset another person's password this way.
    const token = user.passwordHash ? null : createInvite(tx, who, user.id, actor.productionId, now);
    emailInvite(tx, actor.name, actor.production, user, token, now);
    return {
      userId: user.id,
      membershipId: m.id,
      name: user.name,
      email: user.email,
      existingAccount: Boolean(existing),
      token,
      expiresAt: token ? now.getTime() + INVITE_TTL_MS : null,
    };
  },
});

export const changeMember = defineCore({
  schema: changeMemberSchema,
  permission: 'members.manage',
  run(input, { actor, tx, now }) {
    const before = membershipOf(tx, actor, input.membershipId);
    if (input.role !== 'producer') refuseIfLastProducer(tx, actor, before, 'demote');
    const positions = uniq(input.positions);
    tx.update(memberships).set({ role: input.role, positions }).where(eq(memberships.id, before.id)).run();
    const after: Membership = { ...before, role: input.role, positions };
    // Roles are looked up on every request, so the change applies at the member's next request.
    appendAudit(tx, {
      chain: actor.productionId,
      actorId: actor.userId,
      actorLabel: actor.name,
      entity: 'membership',
      entityId: before.id,
      action: 'member.change',
      before,
      after,
      at: now,
    });
    return { membershipId: before.id, role: after.role, positions };
  },
});

export const removeMember = defineCore({
  schema: memberRefSchema,
  permission: 'members.manage',
  run(input, { actor, tx, now }) {
    const m = membershipOf(tx, actor, input.membershipId);
    refuseIfLastProducer(tx, actor, m, 'remove');
    tx.delete(memberships).where(eq(memberships.id, m.id)).run();
    // A removed member's open sessions end at once, and their unused link stops working.
    bumpSessionVersion(tx, m.userId);
    tx.update(inviteTokens)
      .set({ expiresAt: now })
      .where(and(eq(inviteTokens.userId, m.userId), eq(inviteTokens.productionId, actor.productionId), isNull(inviteTokens.usedAt), gt(inviteTokens.expiresAt, now)))
      .run();
    appendAudit(tx, {
      chain: actor.productionId,
      actorId: actor.userId,
      actorLabel: actor.name,
      entity: 'membership',
      entityId: m.id,
      action: 'member.remove',
      before: m,
      at: now,
    });
    return { membershipId: m.id, userId: m.userId, self: m.userId === actor.userId };
  },
});

export const reissueInvite = defineCore({
  schema: memberRefSchema,
  permission: 'members.manage',
  run(input, { actor, tx, now }) {
    const m = membershipOf(tx, actor, input.membershipId);
    const user = tx.select().from(users).where(eq(users.id, m.userId)).get();
    if (!user) throw new Refusal('That person is not a member of this production.', 'not_found');
    // A producer may not reset the password of an account that is already in use (it may belong
    // to other productions, or to the site admin): links are only for people not yet signed up.
    if (user.passwordHash) {
      throw new Refusal(`${user.name} has already set a password. They can change it from their account page.`, 'conflict');
    }
    const token = createInvite(tx, whoOf(actor), user.id, actor.productionId, now);
    emailInvite(tx, actor.name, actor.production, user, token, now);
    return { membershipId: m.id, name: user.name, email: user.email, token, expiresAt: now.getTime() + INVITE_TTL_MS };
  },
});
