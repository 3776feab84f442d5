import type { Caller, Expectation, RouteCase } from './types';

// Firearms, ammunition, checks, custody and meetings. ARCHITECTURE.md, permission matrix: crew
// see no inventory; a crew member sees only the checks and meetings that name them, and the
// custody page's report of a weapon that changed hands outside the armorer.

const outsiders = { admin: 'notfound', other: 'notfound', anon: 'signin' } as const satisfies Partial<Record<Caller, Expectation>>;
const viewers = { crew: 'forbidden', armorer: 'ok', producer: 'ok', auditor: 'ok', ...outsiders } as const;
const everyone = { crew: 'ok', armorer: 'ok', producer: 'ok', auditor: 'ok', ...outsiders } as const;
const armorerOnly = { crew: 'forbidden', armorer: 'ok', producer: 'forbidden', auditor: 'forbidden', ...outsiders } as const;

const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();

export const routes: RouteCase[] = [
  { name: 'firearms inventory', path: (c) => `/productions/${c.demo}/firearms`, method: 'GET', kind: 'page', expect: viewers },
  { name: 'weapon history', path: (c) => `/productions/${c.demo}/firearms/${c.demoFirearm}`, method: 'GET', kind: 'page', expect: viewers },
  {
    name: 'weapon history: another production’s weapon under this production',
    path: (c) => `/productions/${c.demo}/firearms/${c.otherFirearm}`,
    method: 'GET',
    kind: 'page',
    expect: { ...viewers, armorer: 'notfound', producer: 'notfound', auditor: 'notfound' },
  },
  { name: 'ammunition', path: (c) => `/productions/${c.demo}/ammunition`, method: 'GET', kind: 'page', expect: viewers },
  { name: 'checks (crew: the ones naming them)', path: (c) => `/productions/${c.demo}/checks`, method: 'GET', kind: 'page', expect: everyone },
  { name: 'new check', path: (c) => `/productions/${c.demo}/checks/new`, method: 'GET', kind: 'page', expect: armorerOnly },
  // The seeded check names the actor, not the camera operator: crew who are not named are refused.
  { name: 'check detail', path: (c) => `/productions/${c.demo}/checks/${c.demoCheck}`, method: 'GET', kind: 'page', expect: viewers },
  {
    name: 'check detail: another production’s check under this production',
    path: (c) => `/productions/${c.demo}/checks/${c.otherCheck}`,
    method: 'GET',
    kind: 'page',
    expect: { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', ...outsiders },
  },
  { name: 'custody log (crew: the outside-the-armorer report only)', path: (c) => `/productions/${c.demo}/custody`, method: 'GET', kind: 'page', expect: everyone },
  { name: 'safety meetings (crew: the ones naming them)', path: (c) => `/productions/${c.demo}/meetings`, method: 'GET', kind: 'page', expect: everyone },
  {
    name: 'api: add a weapon',
    path: (c) => `/api/productions/${c.demo}/firearms`,
    method: 'POST',
    kind: 'api',
    body: () => ({ tag: `AUTHZ-${uniq()}`, make: 'Matrix', model: 'Test', serial: '', kind: 'non_firing_replica', status: 'locked_up', notes: '' }),
    expect: armorerOnly,
  },
  {
    name: 'api: receive an ammunition lot',
    path: (c) => `/api/productions/${c.demo}/ammunition`,
    method: 'POST',
    kind: 'api',
    body: () => ({
      id: crypto.randomUUID(),
      kind: 'dummy',
      calibre: '.45 Colt',
      countOnHand: 6,
      supplier: 'Matrix',
      lotNumber: `AUTHZ-${uniq()}`,
      paperworkRef: 'DN-AUTHZ',
      receivedOn: '2026-01-02',
      verificationMethods: ['drilled_case'],
      verifiedCount: 6,
      inspected: true,
      inspectionNotes: '',
    }),
    expect: armorerOnly,
  },
  {
    // An empty body: the armorer gets past authorization to the field check (400), nothing moves.
    name: 'api: hand out a weapon',
    path: (c) => `/api/productions/${c.demo}/handoffs`,
    method: 'POST',
    kind: 'api',
    body: () => ({}),
    expect: { ...armorerOnly, armorer: 'invalid' },
  },
];
