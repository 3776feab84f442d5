// Routes of anonymous reports and photos for the authorization matrix. The records come
// from scripts/e2e-seed-anonymous.ts; anonymousRecords() puts their ids on the context.
import type { Database } from 'better-sqlite3';
import { CALLERS, type AuthzContext, type Caller, type Expectation, type RouteCase } from './types';
import { SEEDED_ANONYMOUS } from './seeded-anonymous';

const everyone = (e: Expectation) => Object.fromEntries(CALLERS.map((c) => [c, e])) as Record<Caller, Expectation>;

/** Context keys these routes read (added by ctx.ts): anonToken, anonIncident, anonAttachment, anonReceipt. */
export function anonymousRecords(db: Database, demo: string): Record<string, string> {
  const one = (sql: string, ...p: unknown[]) => String((db.prepare(sql).raw().get(...p) as unknown[] | undefined)?.[0] ?? 'missing');
  const anonIncident = one('select id from incidents where description = ?', SEEDED_ANONYMOUS.description);
  return {
    anonToken: one('select report_token from productions where id = ?', demo),
    anonIncident,
    anonAttachment: one('select id from attachments where incident_id = ?', anonIncident),
    anonReceipt: SEEDED_ANONYMOUS.receipt,
  };
}

const url = (c: AuthzContext) => `/api/productions/${c.demo}/incidents/${c.anonIncident}`;

export const routes: RouteCase[] = [
  { name: 'anonymous report form (current link)', path: (c) => `/report/${c.anonToken}`, method: 'GET', kind: 'page', expect: everyone('ok') },
  { name: 'anonymous report form (unknown or rotated link)', path: () => '/report/this-link-was-rotated-long-ago', method: 'GET', kind: 'page', expect: everyone('notfound') },
  { name: 'receipt follow-up', path: () => '/report/follow-up', method: 'GET', kind: 'page', expect: everyone('ok') },
  {
    // Every member sees and prints the link (it goes on call sheets); only producers rotate it.
    name: 'anonymous reporting link and QR code',
    path: (c) => `/productions/${c.demo}/reporting`,
    method: 'GET',
    kind: 'page',
    expect: { crew: 'ok', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'notfound', other: 'notfound', anon: 'signin' },
  },
  {
    // Crew see only the incidents they filed: an anonymous report is nobody's.
    name: 'incident photo',
    path: (c) => `${url(c)}/attachments/${c.anonAttachment}`,
    method: 'GET',
    kind: 'api',
    expect: { crew: 'notfound', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'notfound', other: 'notfound', anon: 'signin' },
  },
  {
    name: 'incident photo: another production’s id in the path',
    path: (c) => `/api/productions/${c.other}/incidents/${c.anonIncident}/attachments/${c.anonAttachment}`,
    method: 'GET',
    kind: 'api',
    expect: { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', admin: 'notfound', other: 'notfound', anon: 'signin' },
  },
  {
    // Not firearm-related: only producers ask (the armorer asks about firearm-related reports).
    name: 'ask the anonymous reporter (JSON)',
    path: (c) => `${url(c)}/questions`,
    method: 'POST',
    kind: 'api',
    body: () => ({ body: 'Authorization matrix: which stage was it?' }),
    expect: { crew: 'forbidden', armorer: 'forbidden', producer: 'ok', auditor: 'forbidden', admin: 'notfound', other: 'notfound', anon: 'signin' },
  },
  {
    // Public: the receipt is the key, whoever is signed in.
    name: 'reporter’s own photo, with the receipt',
    path: (c) => `/api/report/attachments/${c.anonAttachment}`,
    method: 'POST',
    kind: 'api',
    body: (c) => ({ receipt: c.anonReceipt }),
    expect: everyone('ok'),
  },
  {
    name: 'reporter’s photo, with a wrong receipt',
    path: (c) => `/api/report/attachments/${c.anonAttachment}`,
    method: 'POST',
    kind: 'api',
    body: () => ({ receipt: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ' }),
    expect: everyone('notfound'),
  },
];
