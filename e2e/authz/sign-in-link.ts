import type { Caller, Expectation, RouteCase } from './types';

// Sign-in links by email (README: Security): public pages, the token is the credential. A signed-in
// caller is sent home; an unknown or malformed token gets a clear message, never an error.
const PUBLIC: Record<Caller, Expectation> = { crew: 'ok', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'ok', other: 'ok', anon: 'ok' };

export const routes: RouteCase[] = [
  { name: 'sign-in link request', path: () => '/sign-in/link', method: 'GET', kind: 'page', expect: PUBLIC },
  { name: 'sign-in link (unknown token)', path: () => '/sign-in/link/not-a-real-token-0123456789abcdef', method: 'GET', kind: 'page', expect: PUBLIC },
  { name: 'sign-in link (malformed token)', path: () => '/sign-in/link/%00%2F..', method: 'GET', kind: 'page', expect: PUBLIC },
];
