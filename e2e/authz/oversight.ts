import type { Caller, Expectation, RouteCase } from './types';

// Oversight (rule 4): dashboards, audit trail, exports, printable incident report.
// ARCHITECTURE.md: permission matrix: crew have no dashboard; audit trail, exports and the report (it prints
// audit entries) are for producers and auditors. A member whose role may not is refused with 403
// (pages: forbidden()); another production, or no such record, is 404.

const outsiders = { admin: 'notfound', other: 'notfound', anon: 'signin' } as const satisfies Partial<Record<Caller, Expectation>>;
const auditOnly = { crew: 'forbidden', armorer: 'forbidden', producer: 'ok', auditor: 'ok', ...outsiders } as const;

export const routes: RouteCase[] = [
  {
    name: 'production dashboard',
    path: (c) => `/productions/${c.demo}/dashboard`,
    method: 'GET',
    kind: 'page',
    expect: { crew: 'forbidden', armorer: 'ok', producer: 'ok', auditor: 'ok', ...outsiders },
  },
  {
    // Lists the productions where the user's role has a dashboard; anyone else reads why there is none.
    name: 'dashboard across productions',
    path: () => `/dashboard`,
    method: 'GET',
    kind: 'page',
    expect: { crew: 'ok', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'ok', other: 'ok', anon: 'signin' },
  },
  { name: 'audit trail', path: (c) => `/productions/${c.demo}/audit`, method: 'GET', kind: 'page', expect: auditOnly },
  { name: 'audit trail, filtered', path: (c) => `/productions/${c.demo}/audit?action=member.add&from=2020-01-01&page=2`, method: 'GET', kind: 'page', expect: auditOnly },
  { name: 'printable incident report', path: (c) => `/productions/${c.demo}/incidents/${c.demoIncident}/report`, method: 'GET', kind: 'page', expect: auditOnly },
  {
    name: "printable report of another production's incident under this production",
    path: (c) => `/productions/${c.demo}/incidents/${c.otherIncident}/report`,
    method: 'GET',
    kind: 'page',
    expect: { ...auditOnly, producer: 'notfound', auditor: 'notfound' },
  },
  {
    name: "printable report on the other production (its producer may)",
    path: (c) => `/productions/${c.other}/incidents/${c.otherIncident}/report`,
    method: 'GET',
    kind: 'page',
    expect: { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', admin: 'notfound', other: 'ok', anon: 'signin' },
  },
  {
    // The role is refused before the record is looked up, so a refusal says nothing about which ids exist.
    name: 'printable report of an incident id not in the production',
    path: (c) => `/productions/${c.demo}/incidents/00000000-0000-4000-8000-000000000000/report`,
    method: 'GET',
    kind: 'page',
    expect: { ...auditOnly, producer: 'notfound', auditor: 'notfound' },
  },
  { name: 'api: export incidents CSV', path: (c) => `/api/productions/${c.demo}/export/incidents.csv`, method: 'GET', kind: 'api', expect: auditOnly },
  { name: 'api: export incidents JSON, filtered', path: (c) => `/api/productions/${c.demo}/export/incidents.json?severity=critical`, method: 'GET', kind: 'api', expect: auditOnly },
  { name: 'api: export checks CSV', path: (c) => `/api/productions/${c.demo}/export/checks.csv`, method: 'GET', kind: 'api', expect: auditOnly },
  { name: 'api: export custody JSON', path: (c) => `/api/productions/${c.demo}/export/custody.json`, method: 'GET', kind: 'api', expect: auditOnly },
  { name: 'api: export audit CSV', path: (c) => `/api/productions/${c.demo}/export/audit.csv`, method: 'GET', kind: 'api', expect: auditOnly },
  {
    name: 'api: export with a bad filter',
    path: (c) => `/api/productions/${c.demo}/export/incidents.json?severity=apocalyptic`,
    method: 'GET',
    kind: 'api',
    expect: { ...auditOnly, producer: 'invalid', auditor: 'invalid' },
  },
  {
    name: "api: export of another production's audit trail",
    path: (c) => `/api/productions/${c.other}/export/audit.json`,
    method: 'GET',
    kind: 'api',
    expect: { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', admin: 'notfound', other: 'ok', anon: 'signin' },
  },
  {
    name: 'api: export of an unknown dataset',
    path: (c) => `/api/productions/${c.demo}/export/passwords.csv`,
    method: 'GET',
    kind: 'api',
    expect: { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', ...outsiders },
  },
];
