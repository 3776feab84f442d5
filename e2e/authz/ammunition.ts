import type { Caller, Expectation, RouteCase } from './types';

// The ammunition chain (ARCHITECTURE.md: ammunition chain; permission matrix): armorers, producers
// and auditors read a lot; the armorer receives, adjusts, freezes, records evidence transfers and
// returns a lot to the vendor; a producer acknowledges the return; crew see no inventory. Empty
// bodies: whoever gets past authorization meets the field check (400) or the lot's state (409),
// so nothing changes.

const outsiders = { admin: 'notfound', other: 'notfound', anon: 'signin' } as const satisfies Partial<Record<Caller, Expectation>>;
const viewers = { crew: 'forbidden', armorer: 'ok', producer: 'ok', auditor: 'ok', ...outsiders } as const;
const armorerWrites = { crew: 'forbidden', armorer: 'invalid', producer: 'forbidden', auditor: 'forbidden', ...outsiders } as const;

const chain = (verb: string, expect: Record<Caller, Expectation>): RouteCase => ({
  name: `api: ammunition lot ${verb}`,
  path: (c) => `/api/productions/${c.demo}/ammunition/${c.demoLot}/${verb}`,
  method: 'POST',
  kind: 'api',
  body: () => ({}),
  expect,
});

export const routes: RouteCase[] = [
  { name: 'ammunition lot: ledger and chain', path: (c) => `/productions/${c.demo}/ammunition/${c.demoLot}`, method: 'GET', kind: 'page', expect: viewers },
  {
    name: 'ammunition lot: another production’s lot under this production',
    path: (c) => `/productions/${c.demo}/ammunition/${c.otherLot}`,
    method: 'GET',
    kind: 'page',
    expect: { ...viewers, armorer: 'notfound', producer: 'notfound', auditor: 'notfound' },
  },
  { name: 'ammunition: the reconciliation of another day', path: (c) => `/productions/${c.demo}/ammunition?day=2026-01-02`, method: 'GET', kind: 'page', expect: viewers },
  chain('adjust', armorerWrites),
  chain('freeze', armorerWrites),
  chain('evidence', armorerWrites),
  chain('vendor-return', armorerWrites),
  // The seeded lot is in the store, not returned: the producer gets past authorization to the lot's state.
  chain('acknowledge-return', { crew: 'forbidden', armorer: 'forbidden', producer: 'conflict', auditor: 'forbidden', ...outsiders }),
  chain('no-such-step', { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', ...outsiders }),
  {
    name: 'api: another production’s lot under this production',
    path: (c) => `/api/productions/${c.demo}/ammunition/${c.otherLot}/vendor-return`,
    method: 'POST',
    kind: 'api',
    body: () => ({ countReturned: 10, vendorReceiver: 'X', vendorReference: 'Y', signed: true }),
    expect: { ...armorerWrites, armorer: 'notfound' },
  },
];
