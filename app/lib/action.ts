import 'server-only';
import { actorFor, adminMustEnrol, getSessionUser, type SessionUser } from './auth';
import type { Actor } from './actor';
import { ADMIN_MUST_ENROL_MESSAGE, MUST_ENROL_MESSAGE, mustEnrol } from './two-factor-rule';
import { fail, sessionEnded, type ActionResult } from './errors';
import type { Core } from './core';
import type { UserActor, UserCore } from './user-core';

/**
 * The one session gateway of server actions: the member acting on this production, or the answer
 * to give — the session has ended, or the production is "not found" (ARCHITECTURE.md: other
 * productions answer 404).
 */
export async function memberOr(productionId: unknown): Promise<{ actor: Actor } | { refused: ActionResult<never> }> {
  const user = await getSessionUser();
  if (!user) return { refused: sessionEnded() };
  const actor = typeof productionId === 'string' ? actorFor(user, productionId) : null;
  if (!actor) return { refused: fail('Not found.', 'not_found') };
  if (mustEnrol(actor, user)) return { refused: fail(MUST_ENROL_MESSAGE, 'forbidden') };
  return { actor };
}

/** The same gateway for personal and site-level actions: the signed-in user, or "your session has ended". */
export async function userOr(): Promise<{ user: SessionUser } | { refused: ActionResult<never> }> {
  const user = await getSessionUser();
  return user ? { user } : { refused: sessionEnded() };
}

/** Server-action side: session → membership (404 as "not found") → the core. */
export async function runAsMember<I, T>(productionId: unknown, core: Core<I, T>, raw: unknown): Promise<ActionResult<T>> {
  const who = await memberOr(productionId);
  if ('refused' in who) return who.refused;
  return core(who.actor, raw);
}

/** Server-action side for personal and site-level cores: session → the core (it checks admin). */
export async function runAsUser<I, T>(core: UserCore<I, T>, raw: unknown): Promise<ActionResult<T>> {
  const who = await userOr();
  if ('refused' in who) return who.refused;
  if (core.adminOnly && adminMustEnrol(who.user)) return fail(ADMIN_MUST_ENROL_MESSAGE, 'forbidden');
  return core(userActor(who.user), raw);
}

export function userActor(user: SessionUser): UserActor {
  return { userId: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin };
}
