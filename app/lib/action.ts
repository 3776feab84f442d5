import 'server-only';
import { actorFor, adminMustEnrol, getSessionUser, type SessionUser } from './auth';
import { ADMIN_MUST_ENROL_MESSAGE, MUST_ENROL_MESSAGE, mustEnrol } from './two-factor-rule';
import { fail, type ActionResult } from './errors';
import type { Core } from './core';
import type { UserActor, UserCore } from './user-core';

/** Server-action side: session → membership (404 as "not found") → the core. */
export async function runAsMember<I, T>(productionId: unknown, core: Core<I, T>, raw: unknown): Promise<ActionResult<T>> {
  const user = await getSessionUser();
  if (!user) return fail('Your session has ended. Sign in again.', 'unauthenticated');
  const actor = typeof productionId === 'string' ? actorFor(user, productionId) : null;
  if (!actor) return fail('Not found.', 'not_found');
  if (mustEnrol(actor, user)) return fail(MUST_ENROL_MESSAGE, 'forbidden');
  return core(actor, raw);
}

/** Server-action side for personal and site-level cores: session → the core (it checks admin). */
export async function runAsUser<I, T>(core: UserCore<I, T>, raw: unknown): Promise<ActionResult<T>> {
  const user = await getSessionUser();
  if (!user) return fail('Your session has ended. Sign in again.', 'unauthenticated');
  if (core.adminOnly && adminMustEnrol(user)) return fail(ADMIN_MUST_ENROL_MESSAGE, 'forbidden');
  return core(userActor(user), raw);
}

export function userActor(user: SessionUser): UserActor {
  return { userId: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin };
}
