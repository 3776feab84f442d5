import type { Caller, Expectation, RouteCase } from './types';

// OSHA recordkeeping (ARCHITECTURE.md: OSHA recordkeeping): the establishments page, Forms 300,
// 300A and 301 and the ITA files carry personal injury fields, so only producers and auditors
// (`osha.view`) may open them; other members are refused with 403 before any record is looked up;
// another production's records, or none, are 404.

const outsiders = { admin: 'notfound', other: 'notfound', anon: 'signin' } as const satisfies Partial<Record<Caller, Expectation>>;
const oshaOnly = { crew: 'forbidden', armorer: 'forbidden', producer: 'ok', auditor: 'ok', ...outsiders } as const;
const oshaNone = { crew: 'forbidden', armorer: 'forbidden', producer: 'notfound', auditor: 'notfound', ...outsiders } as const;
const otherOnly = { crew: 'notfound', armorer: 'notfound', producer: 'notfound', auditor: 'notfound', admin: 'notfound', other: 'ok', anon: 'signin' } as const;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

export const routes: RouteCase[] = [
  { name: 'OSHA establishments', kind: 'page', method: 'GET', path: (c) => `/productions/${c.demo}/osha`, expect: oshaOnly },
  { name: 'OSHA Form 300 log', kind: 'page', method: 'GET', path: (c) => `/productions/${c.demo}/osha/${c.demoEstablishment}/2026`, expect: oshaOnly },
  { name: 'OSHA Form 300 log: a year that is not one', kind: 'page', method: 'GET', path: (c) => `/productions/${c.demo}/osha/${c.demoEstablishment}/1999x`, expect: oshaNone },
  { name: 'OSHA Form 300 log: another production’s establishment', kind: 'page', method: 'GET', path: (c) => `/productions/${c.demo}/osha/${c.otherEstablishment}/2026`, expect: oshaNone },
  { name: 'OSHA Form 300A summary', kind: 'page', method: 'GET', path: (c) => `/productions/${c.demo}/osha/${c.demoEstablishment}/2026/summary`, expect: oshaOnly },
  { name: 'OSHA Form 300A summary: unknown establishment', kind: 'page', method: 'GET', path: (c) => `/productions/${c.demo}/osha/${UNKNOWN}/2026/summary`, expect: oshaNone },
  { name: 'OSHA Form 301', kind: 'page', method: 'GET', path: (c) => `/productions/${c.demo}/osha/cases/${c.demoCase}`, expect: oshaOnly },
  { name: 'OSHA Form 301: the other show’s case on its own show', kind: 'page', method: 'GET', path: (c) => `/productions/${c.other}/osha/cases/${c.otherCase}`, expect: otherOnly },
  { name: 'OSHA Form 301: another production’s case under the demo', kind: 'page', method: 'GET', path: (c) => `/productions/${c.demo}/osha/cases/${c.otherCase}`, expect: oshaNone },
  // The seeded establishment has no EIN, address or yearly figures: ITA would refuse, so the file is not made (422).
  { name: 'ITA summary CSV', kind: 'api', method: 'GET', path: (c) => `/api/productions/${c.demo}/osha/${c.demoEstablishment}/2026/ita-summary.csv`, expect: { ...oshaOnly, producer: 'refused', auditor: 'refused' } },
  { name: 'ITA case data CSV', kind: 'api', method: 'GET', path: (c) => `/api/productions/${c.demo}/osha/${c.demoEstablishment}/2026/ita-cases.csv`, expect: { ...oshaOnly, producer: 'refused', auditor: 'refused' } },
  { name: 'ITA CSV: unknown file', kind: 'api', method: 'GET', path: (c) => `/api/productions/${c.demo}/osha/${c.demoEstablishment}/2026/ita-other.csv`, expect: oshaNone },
  { name: 'ITA CSV: another production’s establishment', kind: 'api', method: 'GET', path: (c) => `/api/productions/${c.demo}/osha/${c.otherEstablishment}/2026/ita-summary.csv`, expect: oshaNone },
];
