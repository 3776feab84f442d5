// The authorization-matrix route table (shared contract: agent-notes/AUTHZ.md). Each feature
// exports `routes: RouteCase[]` from e2e/authz/<feature>.ts; authz.spec.ts walks them all.
import type { Browser } from '@playwright/test';

export const CALLERS = ['crew', 'armorer', 'producer', 'auditor', 'admin', 'other', 'anon'] as const;
/** crew/armorer/producer/auditor: members of the demo production; admin: site admin, not a member; other: a member of "Other Show (e2e)"; anon: signed out. */
export type Caller = (typeof CALLERS)[number];

/**
 * 'ok' = 200 page / 2xx api; 'signin' = redirected to /sign-in (pages) or 401 (api);
 * 'notfound' = 404; 'forbidden' = 403 (api) or a refusal page.
 */
export type Expectation = 'ok' | 'signin' | 'notfound' | 'forbidden';

export type AuthzCtx = {
  /** Id of "Dry Creek (demo)". */
  demo: string;
  /** Id of "Other Show (e2e)". */
  other: string;
  /** Reads one value from the e2e database (first column of the first row), for ids of seeded or prepared records. */
  value: (sql: string, ...params: unknown[]) => string;
  /** Values a case's `prepare` made (e.g. a receipt code), by name. */
  made: Record<string, string>;
};

export type RouteCase = {
  name: string;
  path: (ctx: AuthzCtx) => string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  kind: 'page' | 'api';
  /** JSON body for api POST/PUT/PATCH. */
  body?: (ctx: AuthzCtx) => unknown;
  /** Makes the records this case needs, once before the callers run; what it returns is merged into ctx.made. */
  prepare?: (ctx: AuthzCtx, browser: Browser) => Promise<Record<string, string> | void>;
  expect: Record<Caller, Expectation>;
};
