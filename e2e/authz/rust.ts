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
  // The case's other pages (ARCHITECTURE.md: performance budget, the Rust case): public like its overview.
  ...(
    [
      ['timeline', 'Rust reference case: timeline'],
      ['rules', 'Rust reference case: rules and features'],
      ['people', 'Rust reference case: people'],
      ['sources', 'Rust reference case: sources'],
      ['corrections', 'Rust reference case: corrections'],
    ] as const
  ).map(
    ([slug, name]): RouteCase => ({
      name,
      path: () => `/reference/rust/${slug}`,
      method: 'GET',
      kind: 'page',
      expect: { crew: 'ok', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'ok', other: 'ok', anon: 'ok' },
    }),
  ),
  {
    // The rules in plain words: public, for anyone who meets a rule number on a screen.
    name: 'Safety rules explained',
    path: () => '/reference/rules',
    method: 'GET',
    kind: 'page',
    expect: { crew: 'ok', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'ok', other: 'ok', anon: 'ok' },
  },
];
