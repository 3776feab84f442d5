import type { Caller, Expectation, RouteCase } from './types';

// Rule 8 (ARCHITECTURE.md, permission matrix): every member reads the scene plans (handlers read
// their line of fire); members' qualifications are for armorers, producers and auditors.

const outsiders = { admin: 'notfound', other: 'notfound', anon: 'signin' } as const satisfies Partial<Record<Caller, Expectation>>;

export const routes: RouteCase[] = [
  { name: 'scene plans', path: (c) => `/productions/${c.demo}/scene-plans`, method: 'GET', kind: 'page', expect: { crew: 'ok', armorer: 'ok', producer: 'ok', auditor: 'ok', ...outsiders } },
  { name: 'qualifications', path: (c) => `/productions/${c.demo}/qualifications`, method: 'GET', kind: 'page', expect: { crew: 'forbidden', armorer: 'ok', producer: 'ok', auditor: 'ok', ...outsiders } },
  // A certificate scan reads as the qualifications do (ARCHITECTURE.md: qualification certificates).
  {
    name: 'qualification certificate scan',
    path: (c) => `/api/productions/${c.demo}/qualifications/${c.demoQualification}/certificates/${c.demoCertificate}`,
    method: 'GET',
    kind: 'api',
    expect: { crew: 'forbidden', armorer: 'ok', producer: 'ok', auditor: 'ok', ...outsiders },
  },
  {
    name: 'another production’s certificate through the demo',
    path: (c) => `/api/productions/${c.demo}/qualifications/${c.otherQualification}/certificates/${c.otherCertificate}`,
    method: 'GET',
    kind: 'api',
    expect: { crew: 'forbidden', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', ...outsiders },
  },
];
