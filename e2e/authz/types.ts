// The authorization-matrix contract (agent-notes AUTHZ.md): every feature exports its routes from
// e2e/authz/<feature>.ts as RouteCase[]; the matrix spec signs in as each caller and walks them.

/**
 * crew, armorer, producer, auditor: members of the demo production with that role (crew is the
 * camera operator, who holds no witness position); admin: site admin, not a member of it;
 * other: a member of another production; anon: signed out.
 */
export const CALLERS = ['crew', 'armorer', 'producer', 'auditor', 'admin', 'other', 'anon'] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * ok: 200 page / 2xx api. signin: redirected to /sign-in (page) or 401 (api). notfound: 404.
 * forbidden: 403 (pages answer it through next/navigation's forbidden()). invalid: 400 (an api
 * caller got past authorization and the body was refused, so nothing was stored).
 */
export type Expectation = 'ok' | 'signin' | 'notfound' | 'forbidden' | 'invalid';

export type AuthzCtx = {
  /** The demo production's id. */
  demo: string;
  /** "Other Show (e2e)", which none of the demo callers belongs to. */
  other: string;
  /** Ids of records the e2e seed made, by name (see e2e/authz/ctx.ts). */
  seeded: Record<string, string>;
};

export type RouteCase = {
  name: string;
  path: (ctx: AuthzCtx) => string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  kind: 'page' | 'api';
  /** JSON body for api POST/PUT/PATCH. */
  body?: (ctx: AuthzCtx) => unknown;
  expect: Record<Caller, Expectation>;
};
