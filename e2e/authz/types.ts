// The authorization-matrix contract (agent-notes/AUTHZ.md): each feature exports its routes from
// e2e/authz/<feature>.ts, and authz.spec.ts walks every route for every caller.

/** Who calls: the demo production's roles, a site admin who is not a member, a member of another production, and no session. */
export type Caller = 'crew' | 'armorer' | 'producer' | 'auditor' | 'admin' | 'other' | 'anon';

/**
 * The expected answer. 'ok' = 200 page / 2xx api; 'signin' = redirected to /sign-in (pages) or
 * 401 (api); 'notfound' = 404; 'forbidden' = 403 (api) or a refusal page.
 */
export type Expectation = 'ok' | 'signin' | 'notfound' | 'forbidden';

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
