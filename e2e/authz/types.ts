// The shared contract of the authorization matrix (agent-notes/AUTHZ.md): each feature exports
// its routes from e2e/authz/<feature>.ts; authz.spec.ts walks every route × caller.

/** Who calls: a member of the demo production by role, the site admin (not a member), a member of another production, or nobody. */
export type Caller = 'crew' | 'armorer' | 'producer' | 'auditor' | 'admin' | 'other' | 'anon';

/**
 * 'ok' = 200 page / 2xx api; 'signin' = redirected to /sign-in (pages) or 401 (api);
 * 'notfound' = 404; 'forbidden' = 403 (api) or a refusal page (data-testid="refused").
 */
export type Expectation = 'ok' | 'signin' | 'notfound' | 'forbidden';

export type AuthzCtx = {
  /** The demo production ("Dry Creek (demo)"). */
  demo: string;
  /** "Other Show (e2e)": the demo's members are not members of it. */
  other: string;
  /** Records seeded by scripts/e2e-seed.ts for the matrix (see e2e/authz/context.ts). */
  records: Record<string, string>;
};

export type RouteCase = {
  name: string;
  path: (ctx: AuthzCtx) => string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  kind: 'page' | 'api';
  /** JSON body for api POST/PUT/PATCH; called once per caller. */
  body?: (ctx: AuthzCtx) => unknown;
  expect: Record<Caller, Expectation>;
};
