import { randomUUID } from 'node:crypto';
import type { Caller, Expectation, RouteCase } from './types';

const members = (e: Partial<Record<Caller, Expectation>>): Record<Caller, Expectation> => ({
  crew: 'ok', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'notfound', other: 'notfound', anon: 'signin', ...e,
});

/**
 * Incidents and holds. ctx.demoIncident / ctx.otherIncident are seeded by scripts/e2e-seed.ts
 * (see e2e/authz/ctx.ts): the demo one was filed by the producer, so crew may not open it.
 */
export const routes: RouteCase[] = [
  { name: 'incident list', kind: 'page', method: 'GET', path: (c) => `/productions/${c.demo}/incidents`, expect: members({}) },
  { name: 'new incident', kind: 'page', method: 'GET', path: (c) => `/productions/${c.demo}/incidents/new`, expect: members({ auditor: 'forbidden' }) },
  { name: 'incident detail', kind: 'page', method: 'GET', path: (c) => `/productions/${c.demo}/incidents/${c.demoIncident}`, expect: members({ crew: 'notfound' }) },
  {
    name: 'incident detail: another production’s id under the demo',
    kind: 'page', method: 'GET',
    path: (c) => `/productions/${c.demo}/incidents/${c.otherIncident}`,
    expect: members({ crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound' }),
  },
  { name: 'stop-work holds', kind: 'page', method: 'GET', path: (c) => `/productions/${c.demo}/hold`, expect: members({}) },
  { name: 'incidents JSON: list', kind: 'api', method: 'GET', path: (c) => `/api/productions/${c.demo}/incidents`, expect: members({}) },
  {
    name: 'incidents JSON: file',
    kind: 'api', method: 'POST',
    path: (c) => `/api/productions/${c.demo}/incidents`,
    body: () => ({ id: randomUUID(), type: 'other', description: 'Authorization matrix probe', location: 'Stage 2' }),
    expect: members({ auditor: 'forbidden' }),
  },
  {
    name: 'incidents JSON: file with bad fields',
    kind: 'api', method: 'POST',
    path: (c) => `/api/productions/${c.demo}/incidents`,
    body: () => ({ id: randomUUID(), type: 'other', description: '<script>alert(1)</script>', location: '' }),
    expect: members({ crew: 'invalid', armorer: 'invalid', producer: 'invalid', auditor: 'forbidden' }),
  },
  {
    name: 'incidents JSON: the other production’s list',
    kind: 'api', method: 'GET',
    path: (c) => `/api/productions/${c.other}/incidents`,
    expect: { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', admin: 'notfound', other: 'ok', anon: 'signin' },
  },
];
