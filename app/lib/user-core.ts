import type { ZodType } from 'zod';
import { write, type Tx } from '@/db/client';
import { zodFieldErrors } from './core';
import { fail, ok, Refusal, type ActionResult } from './errors';
import { cleanInput } from './text';

// Site-level and personal core functions (site admin, one's own notifications): the same shape
// as defineCore, but the actor is a signed-in user rather than a member of one production.

export type UserActor = { userId: string; name: string; email: string; isAdmin: boolean };
export type UserCtx = { actor: UserActor; tx: Tx; now: Date };

export type UserCore<I, T> = ((actor: UserActor, raw: unknown, now?: Date) => ActionResult<T>) & { adminOnly: boolean; schema: ZodType<I> };

export const ADMIN_ONLY_MESSAGE = 'Only the site admin may do that.';

export function defineUserCore<I, T>(def: {
  schema: ZodType<I>;
  /** Site admin only (ARCHITECTURE.md: permission matrix, the site admin flag). */
  adminOnly: boolean;
  /** Synchronous body inside one immediate transaction: no awaits. */
  run: (input: I, ctx: UserCtx) => T;
}): UserCore<I, T> {
  const core = (actor: UserActor, raw: unknown, now: Date = new Date()): ActionResult<T> => {
    if (def.adminOnly && !actor.isAdmin) return fail(ADMIN_ONLY_MESSAGE, 'forbidden');
    const parsed = def.schema.safeParse(cleanInput(raw));
    if (!parsed.success) return fail('Some fields need attention.', 'invalid', zodFieldErrors(parsed.error.issues));
    try {
      return ok(write((tx) => def.run(parsed.data, { actor, tx, now })));
    } catch (err) {
      if (err instanceof Refusal) return fail(err.message, err.code, err.fieldErrors);
      throw err;
    }
  };
  return Object.assign(core, { adminOnly: def.adminOnly, schema: def.schema });
}
