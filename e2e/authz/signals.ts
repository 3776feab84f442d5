import { randomUUID } from 'node:crypto';
import type { RouteCase } from './types';

// Rule 7 (acknowledgement and escalation). Acknowledging is a producer's alone: every other role
// is refused by the policy before the signal is looked up (403), a producer is told an unknown
// signal does not exist (404). The test clock runs only under SETSAFE_TEST_CLOCK=1, which the e2e
// server sets; without a time to run at it refuses the call (400) and runs nothing.
export const routes: RouteCase[] = [
  {
    name: 'signal: acknowledge (JSON)',
    kind: 'api', method: 'POST',
    path: (c) => `/api/productions/${c.demo}/signals/${randomUUID()}/acknowledge`,
    expect: { crew: 'forbidden', armorer: 'forbidden', producer: 'notfound', auditor: 'forbidden', admin: 'notfound', other: 'notfound', anon: 'signin' },
  },
  {
    name: 'signal: acknowledge on another production (JSON)',
    kind: 'api', method: 'POST',
    path: (c) => `/api/productions/${c.other}/signals/${randomUUID()}/acknowledge`,
    expect: { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', admin: 'notfound', other: 'notfound', anon: 'signin' },
  },
  {
    name: 'test clock (e2e only): no time given',
    kind: 'api', method: 'POST',
    path: () => '/api/test/clock',
    body: () => ({}),
    expect: { crew: 'invalid', armorer: 'invalid', producer: 'invalid', auditor: 'invalid', admin: 'invalid', other: 'invalid', anon: 'invalid' },
  },
];
