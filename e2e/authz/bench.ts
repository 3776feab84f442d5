import type { RouteCase } from './types';

// The benchmark's bare-Next floor (scripts/bench.ts) exists only when the server runs with
// SETSAFE_BENCH=1; every other server, the e2e one included, answers 404 to everyone.
export const routes: RouteCase[] = [
  {
    name: 'bench floor (off outside the benchmark)',
    path: () => '/api/bench/floor',
    method: 'POST',
    kind: 'api',
    expect: { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', admin: 'notfound', other: 'notfound', anon: 'notfound' },
  },
  {
    name: 'bench empty page, the client-JavaScript floor (off outside the benchmark)',
    path: () => '/bench/empty',
    method: 'GET',
    kind: 'page',
    expect: { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', admin: 'notfound', other: 'notfound', anon: 'notfound' },
  },
];
