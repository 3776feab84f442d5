// The authorization-matrix contract (ARCHITECTURE.md: tests): each feature exports
// `routes: RouteCase[]` from e2e/authz/<feature>.ts and adds one line to e2e/authz/index.ts;
// e2e/authz.spec.ts walks every route for every caller.

/** Who calls: the demo production's roles, a site admin who is not a member, a member of another production, and no session. */
export type Caller = 'crew' | 'armorer' | 'producer' | 'auditor' | 'admin' | 'other' | 'anon';

export const CALLERS: readonly Caller[] = ['crew', 'armorer', 'producer', 'auditor', 'admin', 'other', 'anon'];

/**
 * The expected answer.
 * - ok:        pages 200 (after redirects, not at /sign-in); api 2xx
 * - signin:    pages end at /sign-in; api 401
 * - notfound:  404 (another production's records, or no such record)
 * - forbidden: api 403; pages call next/navigation's forbidden() (403, app/forbidden.tsx)
 * - invalid:   400 (an api caller got past authorization and its body was refused, so nothing was stored)
 * - conflict:  409, refused: 422, throttled: 429 (api)
 */
export type Expectation = 'ok' | 'signin' | 'notfound' | 'forbidden' | 'invalid' | 'conflict' | 'refused' | 'throttled';

/** Ids the path builders need: the demo production, the other production, and any seeded records (e2e/authz/ctx.ts). */
export type AuthzContext = { demo: string; other: string } & Record<string, string>;

export type RouteCase = {
  name: string;
  /** The concrete URL to call; may carry a query string. */
  path: (ctx: AuthzContext) => string;
  /** 'GET' for pages; any method for route handlers. */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  kind: 'page' | 'api';
  /** JSON body for api calls that take one. */
  body?: (ctx: AuthzContext) => unknown;
  /** The expected answer for every caller. */
  expect: Record<Caller, Expectation>;
};
