import type { RouteCase } from './types';

// The Rust reference case is public (ARCHITECTURE.md: reference data): everyone, signed in or not, may read it.
export const routes: RouteCase[] = [
  {
    name: 'Rust reference case',
    path: () => '/reference/rust',
    method: 'GET',
    kind: 'page',
    expect: { crew: 'ok', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'ok', other: 'ok', anon: 'ok' },
  },
  {
    // The rules in plain words: public, for anyone who meets a rule number on a screen.
    name: 'Safety rules explained',
    path: () => '/reference/rules',
    method: 'GET',
    kind: 'page',
    expect: { crew: 'ok', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'ok', other: 'ok', anon: 'ok' },
  },
];
