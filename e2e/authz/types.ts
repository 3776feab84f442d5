// Shared contract of the authorization matrix (see /work/agent-notes/AUTHZ.md): each feature
// exports its routes from e2e/authz/<feature>.ts; e2e/authz.spec.ts walks them all.

/** Who calls: a demo-production member by role, the site admin (not a member), a member of another production, or nobody. */
export type Caller = 'crew' | 'armorer' | 'producer' | 'auditor' | 'admin' | 'other' | 'anon';

/**
 * 'ok' = 200 page / 2xx api; 'signin' = redirected to /sign-in (pages) or 401 (api);
 * 'notfound' = 404; 'forbidden' = 403 (api) or a refusal page.
 */
export type Outcome = 'ok' | 'signin' | 'notfound' | 'forbidden';

/** Ids the path builders need: the demo production, the other production, seeded records. */
export type AuthzCtx = {
  demo: string;
  other: string;
  /** An incident of the demo production filed by the crew user (for incident-scoped routes). */
  demoIncident: string;
};

export type RouteCase = {
  name: string;
  path: (ctx: AuthzCtx) => string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  kind: 'page' | 'api';
  body?: (ctx: AuthzCtx) => unknown;
  expect: Record<Caller, Outcome>;
};
