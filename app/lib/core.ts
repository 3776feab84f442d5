import type { ZodType } from 'zod';
import { write, type Tx } from '@/db/client';
import type { Actor } from './actor';
import { PERMISSION_MESSAGE, refusedBecause, WRAPPED_MESSAGE, type Action } from './policy';
import { fail, ok, RecordedRefusal, Refusal, type ActionResult, type FieldErrors } from './errors';
import { cleanInput } from './text';

// Core functions: policy → zod → one immediate transaction. No Next or session imports, so
// tests, scripts and JSON route handlers call them with an actor directly.

export type Ctx = { actor: Actor; tx: Tx; now: Date };

type CoreDef<I, T> = {
  schema: ZodType<I>;
  /** The policy action checked before anything else; a function may refine it per record inside `run`. */
  permission: Action;
  /** Synchronous body inside one immediate transaction (better-sqlite3): no awaits. */
  run: (input: I, ctx: Ctx) => T | RecordedRefusal;
  /**
   * Called in its own transaction when the role may not do this at all: for attempts that must
   * leave a trace even though they are refused (refused custody attempts by anyone, rule 2).
   * Gets the cleaned, unparsed input; writes nothing when it cannot tell what was attempted.
   */
  recordForbidden?: (raw: unknown, ctx: Ctx) => void;
};

/** A core function: policy → zod → transaction. Callable with an actor from tests, JSON routes and server actions. */
export type Core<I, T> = ((actor: Actor, raw: unknown, now?: Date) => ActionResult<T>) & { permission: Action; schema: ZodType<I> };

export function zodFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const key = i.path.map(String).join('.') || '_form';
    (out[key] ??= []).push(i.message);
  }
  return out;
}

// The policy owns the messages; kept here too for the modules that import them from the gateway.
export { PERMISSION_MESSAGE, WRAPPED_MESSAGE };

export function defineCore<I, T>(def: CoreDef<I, T>): Core<I, T> {
  const core = (actor: Actor, raw: unknown, now: Date = new Date()): ActionResult<T> => {
    const refused = refusedBecause(actor, def.permission);
    if (refused) {
      // A refusal by role (not by the wrapped phase) may itself be recorded (rule 2's refusal list).
      if (refused === PERMISSION_MESSAGE && def.recordForbidden && actor.production.phase !== 'wrapped') {
        const record = def.recordForbidden;
        write((tx) => record(cleanInput(raw), { actor, tx, now }));
      }
      return fail(refused, 'forbidden');
    }
    const parsed = def.schema.safeParse(cleanInput(raw));
    if (!parsed.success) {
      return fail('Some fields need attention.', 'invalid', zodFieldErrors(parsed.error.issues));
    }
    try {
      const result = write((tx) => def.run(parsed.data, { actor, tx, now }));
      if (result instanceof RecordedRefusal) return fail(result.message, 'refused');
      return ok(result as T);
    } catch (err) {
      if (err instanceof Refusal) return fail(err.message, err.code, err.fieldErrors);
      throw err;
    }
  };
  return Object.assign(core, { permission: def.permission, schema: def.schema });
}

/**
 * The same gateway for cores with async work before their transaction (reading an upload,
 * hashing): the policy and wrapped phase are checked first, with the same messages, then `run`,
 * which parses its input and opens its own immediate transaction (ARCHITECTURE.md: a server action).
 */
export function defineAsyncCore<A extends unknown[], T>(
  permission: Action,
  run: (actor: Actor, ...args: A) => Promise<ActionResult<T>>,
): ((actor: Actor, ...args: A) => Promise<ActionResult<T>>) & { permission: Action } {
  const core = async (actor: Actor, ...args: A): Promise<ActionResult<T>> => {
    const refused = refusedBecause(actor, permission);
    if (refused) return fail(refused, 'forbidden');
    return run(actor, ...args);
  };
  return Object.assign(core, { permission });
}

