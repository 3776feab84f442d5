import type { Caller, Expectation, RouteCase } from './types';

/** Pages any signed-in person may open; signed-out visitors go to sign-in. */
const SIGNED_IN: Record<Caller, Expectation> = { crew: 'ok', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'ok', other: 'ok', anon: 'signin' };
/** Pages of the demo production that every member may open; admin and other are not members. */
const DEMO_MEMBERS: Record<Caller, Expectation> = { crew: 'ok', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'notfound', other: 'notfound', anon: 'signin' };
/** Pages of the other production: only `other` is a member there. */
const OTHER_MEMBERS: Record<Caller, Expectation> = { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', admin: 'notfound', other: 'ok', anon: 'signin' };
const PUBLIC: Record<Caller, Expectation> = { crew: 'ok', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'ok', other: 'ok', anon: 'ok' };

export const routes: RouteCase[] = [
  { name: 'home', path: () => '/', method: 'GET', kind: 'page', expect: SIGNED_IN },
  { name: 'sign-in', path: () => '/sign-in', method: 'GET', kind: 'page', expect: PUBLIC },
  { name: 'account', path: () => '/account', method: 'GET', kind: 'page', expect: SIGNED_IN },
  { name: 'notifications', path: () => '/notifications', method: 'GET', kind: 'page', expect: SIGNED_IN },
  {
    name: 'site admin',
    path: () => '/admin',
    method: 'GET',
    kind: 'page',
    expect: { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', admin: 'ok', other: 'notfound', anon: 'signin' },
  },
  // Public: the token is the credential. An unknown token gets a clear message, not an error.
  { name: 'invite link (unknown token)', path: () => '/invite/not-a-real-token-0123456789abcdef', method: 'GET', kind: 'page', expect: PUBLIC },
  { name: 'invite link (malformed token)', path: () => '/invite/%00%2F..', method: 'GET', kind: 'page', expect: PUBLIC },

  { name: 'demo overview', path: (c) => `/productions/${c.demo}`, method: 'GET', kind: 'page', expect: DEMO_MEMBERS },
  { name: 'demo members', path: (c) => `/productions/${c.demo}/members`, method: 'GET', kind: 'page', expect: DEMO_MEMBERS },
  {
    name: 'demo settings',
    path: (c) => `/productions/${c.demo}/settings`,
    method: 'GET',
    kind: 'page',
    expect: { crew: 'forbidden', armorer: 'forbidden', producer: 'ok', auditor: 'forbidden', admin: 'notfound', other: 'notfound', anon: 'signin' },
  },
  { name: 'other overview', path: (c) => `/productions/${c.other}`, method: 'GET', kind: 'page', expect: OTHER_MEMBERS },
  { name: 'other members', path: (c) => `/productions/${c.other}/members`, method: 'GET', kind: 'page', expect: OTHER_MEMBERS },
  { name: 'other settings', path: (c) => `/productions/${c.other}/settings`, method: 'GET', kind: 'page', expect: OTHER_MEMBERS },
  {
    name: 'no such production',
    path: () => '/productions/00000000-0000-4000-8000-000000000000',
    method: 'GET',
    kind: 'page',
    expect: { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', admin: 'notfound', other: 'notfound', anon: 'signin' },
  },

  // next-auth's own handlers: public by design (the session endpoint answers {} when signed out).
  { name: 'auth session', path: () => '/api/auth/session', method: 'GET', kind: 'api', expect: PUBLIC },
  { name: 'auth csrf', path: () => '/api/auth/csrf', method: 'GET', kind: 'api', expect: PUBLIC },
  { name: 'auth providers', path: () => '/api/auth/providers', method: 'GET', kind: 'api', expect: PUBLIC },
];
