// The authorization-matrix contract (agent-notes/AUTHZ.md): each feature exports its routes from
// e2e/authz/<feature>.ts, and authz.spec.ts walks every route for every caller.

/** Who calls: the demo production's roles, a site admin who is not a member, a member of another production, and no session. */
export type Caller = 'crew' | 'armorer' | 'producer' | 'auditor' | 'admin' | 'other' | 'anon';

/**
 * The expected answer. 'ok' = 200 page / 2xx api; 'signin' = redirected to /sign-in (pages) or
 * 401 (api); 'notfound' = 404; 'forbidden' = 403 (api) or a refusal page (pages that call
 * next/navigation's forbidden() answer 403 too); 'invalid' = 400 (an api caller got past
 * authorization and its body was refused, so nothing was stored).
 */
export type Expectation = 'ok' | 'signin' | 'notfound' | 'forbidden' | 'invalid';

export const CALLERS: readonly Caller[] = ['crew', 'armorer', 'producer', 'auditor', 'admin', 'other', 'anon'];

/** Ids the path builders need: the demo production, the other production, and any seeded records. */
export type AuthzContext = { demo: string; other: string } & Record<string, string>;

export type RouteCase = {
  name: string;
  path: (ctx: AuthzContext) => string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  kind: 'page' | 'api';
  body?: (ctx: AuthzContext) => unknown;
  expect: Record<Caller, Expectation>;
};
