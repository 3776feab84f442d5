// What a user can cause comes back as a value; only real bugs throw to error.tsx.

export type FieldErrors = Record<string, string[] | undefined>;
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: FieldErrors; code?: ErrorCode };

export type ErrorCode = 'unauthenticated' | 'forbidden' | 'not_found' | 'invalid' | 'conflict' | 'refused' | 'throttled';

/** Thrown inside a transaction to roll it back and answer the user with `message`. */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode = 'refused',
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

/**
 * Returned (not thrown) from a transaction body when a refusal must still be recorded:
 * the transaction commits what the rule records (rule 2: a refused hand-off files a
 * custody-breach incident) and the user gets `message`.
 */
export class RecordedRefusal<T = unknown> {
  constructor(
    readonly message: string,
    readonly data?: T,
  ) {}
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  refused: 422,
  throttled: 429,
};

/** Said wherever a server action finds no session (ARCHITECTURE.md: session version). */
export const SESSION_ENDED_MESSAGE = 'Your session has ended. Sign in again.';

export function sessionEnded(): ActionResult<never> {
  return fail(SESSION_ENDED_MESSAGE, 'unauthenticated');
}

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(message: string, code: ErrorCode = 'refused', fieldErrors?: FieldErrors): ActionResult<never> {
  return { ok: false, message, code, ...(fieldErrors ? { fieldErrors } : {}) };
}
