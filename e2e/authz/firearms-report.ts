import type { Caller, Expectation, RouteCase } from './types';

// The post-filming firearms report (ARCHITECTURE.md: post-filming report): producers, armorers and
// auditors; the crew caller holds no safety advisor position, so it is refused (e2e/firearms-report.spec.ts
// signs in as the safety advisor).

const outsiders = { admin: 'notfound', other: 'notfound', anon: 'signin' } as const satisfies Partial<Record<Caller, Expectation>>;
const readers = { crew: 'forbidden', armorer: 'ok', producer: 'ok', auditor: 'ok', ...outsiders } as const satisfies Record<Caller, Expectation>;

export const routes: RouteCase[] = [
  { name: 'firearms report', path: (c) => `/productions/${c.demo}/firearms-report`, method: 'GET', kind: 'page', expect: readers },
  { name: 'firearms report CSV', path: (c) => `/api/productions/${c.demo}/firearms-report/firearms-report.csv`, method: 'GET', kind: 'api', expect: readers },
  { name: 'firearms report JSON', path: (c) => `/api/productions/${c.demo}/firearms-report/firearms-report.json`, method: 'GET', kind: 'api', expect: readers },
  {
    name: 'firearms report, unknown file',
    path: (c) => `/api/productions/${c.demo}/firearms-report/firearms-report.xlsx`,
    method: 'GET',
    kind: 'api',
    expect: { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', ...outsiders },
  },
];
