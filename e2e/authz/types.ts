// The authorization matrix's contract (agent-notes/AUTHZ.md). Each feature exports
// `routes: RouteCase[]` from e2e/authz/<feature>.ts and adds one line to e2e/authz/index.ts.

/** Who calls: one account per role on the demo production, the site admin (not a member of it),
 *  a producer of another production, and a signed-out visitor. */
export const CALLERS = ['crew', 'armorer', 'producer', 'auditor', 'admin', 'other', 'anon'] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * What a caller gets.
 * - ok:        pages 200 (after redirects, not at /sign-in); api 2xx
 * - signin:    pages end at /sign-in; api 401
 * - notfound:  404 (another production's records, or no such record)
 * - forbidden: api 403; pages answer 403 or render `<Refused>` (components/shell/refused.tsx,
 *              marked data-authz="forbidden") — a member whose role may not use the page
 * - invalid:   400 (api: bad input)
 * - conflict:  409, refused: 422, throttled: 429 (api)
 */
export type Answer = 'ok' | 'signin' | 'notfound' | 'forbidden' | 'invalid' | 'conflict' | 'refused' | 'throttled';

export type Ctx = {
  /** Id of "Dry Creek (demo)", where crew, armorer, producer and auditor are members. */
  demo: string;
  /** Id of "Other Show (e2e)", where `other` is the producer. */
  other: string;
  /**
   * The first column of the first row of a read-only query on the e2e database, for ids of seeded
   * records, e.g. ctx.id("select id from incidents where production_id = ?", ctx.demo).
   * Throws when there is no row, so a missing seed shows up as a clear failure.
   */
  id: (sql: string, ...params: unknown[]) => string;
};

export type RouteCase = {
  name: string;
  /** The concrete URL to call; may carry a query string. */
  path: (ctx: Ctx) => string;
  /** 'GET' for pages; any method for route handlers. */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  kind: 'page' | 'api';
  /** JSON body for api calls that take one. */
  body?: (ctx: Ctx) => unknown;
  /** The expected answer for every caller. */
  expect: Record<Caller, Answer>;
};
