import type { Ctx, RouteCase } from './types';

// Oversight (issue 7): dashboards, audit trail, exports, printable incident report.
// Crew have no dashboard; audit trail, exports and the report (it prints audit entries) are for
// producers and auditors. Pages refuse a member's role with 404 (as if the page did not exist);
// route handlers with 403.

/** An incident of the demo production (any: the report needs audit.view whoever filed it). */
const demoIncident = (ctx: Ctx) => ctx.id('select id from incidents where production_id = ? order by number limit 1', ctx.demo);
const auditOnly = { crew: 'notfound', armorer: 'notfound', producer: 'ok', auditor: 'ok', admin: 'notfound', other: 'notfound', anon: 'signin' } as const;
const exportsOnly = { crew: 'forbidden', armorer: 'forbidden', producer: 'ok', auditor: 'ok', admin: 'notfound', other: 'notfound', anon: 'signin' } as const;

export const routes: RouteCase[] = [
  {
    name: 'production dashboard',
    path: (ctx) => `/productions/${ctx.demo}/dashboard`,
    method: 'GET',
    kind: 'page',
    expect: { crew: 'notfound', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'notfound', other: 'notfound', anon: 'signin' },
  },
  {
    // Lists only the productions where the user's role has dashboards; crew see a refusal message.
    name: 'dashboard across productions',
    path: () => `/dashboard`,
    method: 'GET',
    kind: 'page',
    expect: { crew: 'ok', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'ok', other: 'ok', anon: 'signin' },
  },
  { name: 'audit trail', path: (ctx) => `/productions/${ctx.demo}/audit`, method: 'GET', kind: 'page', expect: auditOnly },
  { name: 'printable incident report', path: (ctx) => `/productions/${ctx.demo}/incidents/${demoIncident(ctx)}/report`, method: 'GET', kind: 'page', expect: auditOnly },
  {
    name: 'printable report of an incident id that is not in the production',
    path: (ctx) => `/productions/${ctx.demo}/incidents/00000000-0000-4000-8000-000000000000/report`,
    method: 'GET',
    kind: 'page',
    expect: { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', admin: 'notfound', other: 'notfound', anon: 'signin' },
  },
  { name: 'export incidents CSV', path: (ctx) => `/api/productions/${ctx.demo}/export/incidents.csv`, method: 'GET', kind: 'api', expect: exportsOnly },
  { name: 'export incidents JSON', path: (ctx) => `/api/productions/${ctx.demo}/export/incidents.json`, method: 'GET', kind: 'api', expect: exportsOnly },
  { name: 'export checks CSV', path: (ctx) => `/api/productions/${ctx.demo}/export/checks.csv`, method: 'GET', kind: 'api', expect: exportsOnly },
  { name: 'export custody JSON', path: (ctx) => `/api/productions/${ctx.demo}/export/custody.json`, method: 'GET', kind: 'api', expect: exportsOnly },
  { name: 'export audit CSV', path: (ctx) => `/api/productions/${ctx.demo}/export/audit.csv`, method: 'GET', kind: 'api', expect: exportsOnly },
  {
    name: "export of another production's audit trail",
    path: (ctx) => `/api/productions/${ctx.other}/export/audit.json`,
    method: 'GET',
    kind: 'api',
    expect: { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', admin: 'notfound', other: 'ok', anon: 'signin' },
  },
  {
    name: 'export of an unknown dataset',
    path: (ctx) => `/api/productions/${ctx.demo}/export/passwords.csv`,
    method: 'GET',
    kind: 'api',
    expect: { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', admin: 'notfound', other: 'notfound', anon: 'signin' },
  },
];
