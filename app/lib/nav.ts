// What each role sees in a production's nav. Derived from the policy, so nav and server agree.
import type { Role } from './enums';
import { can, type Action } from './policy';

/**
 * An item shows when the role may do any one of `any`, and none of `unless`. `section` lists the
 * other paths that belong to it (the firearms pages share one entry and a tab bar).
 */
type NavItem = { href: string; label: string; any: Action[]; unless?: Action[]; section?: string[] };

export const FIREARMS_SECTION = ['/firearms', '/checks', '/custody', '/ammunition', '/meetings', '/scene-plans', '/qualifications', '/firearms-report'];

const ITEMS: NavItem[] = [
  { href: '', label: 'Overview', any: ['production.view'] },
  { href: '/incidents', label: 'Incidents', any: ['incident.viewAll'] },
  { href: '/incidents', label: 'My reports', any: ['incident.viewOwn'], unless: ['incident.viewAll'] },
  { href: '/incidents/new', label: 'Report', any: ['incident.file'] },
  { href: '/firearms', label: 'Firearms', any: ['firearm.view'], section: FIREARMS_SECTION },
  // Crew see only what asks something of them: checks they witness, meetings they attend.
  { href: '/checks', label: 'Checks', any: ['check.witness'], unless: ['firearm.view'] },
  { href: '/meetings', label: 'Meetings', any: ['meeting.attend'], unless: ['firearm.view'] },
  // Rule 8: handlers read the plan of their scene (line of fire, protection); the safety advisor signs it.
  { href: '/scene-plans', label: 'Scene plans', any: ['plan.view'], unless: ['firearm.view'] },
  { href: '/hold', label: 'Holds', any: ['hold.call', 'hold.lift', 'audit.view'] },
  { href: '/dashboard', label: 'Dashboard', any: ['dashboard.view'] },
  { href: '/audit', label: 'Audit', any: ['audit.view'] },
  { href: '/osha', label: 'OSHA', any: ['osha.view'] },
  { href: '/members', label: 'Members', any: ['members.view'] },
  { href: '/reporting', label: 'Anonymous reporting', any: ['production.view'] },
  { href: '/settings', label: 'Settings', any: ['production.manage'] },
];

export type NavLink = { href: string; label: string; section: string[] };

/**
 * The phone's bottom bar: the four things each role does most, by label, in order; everything
 * else sits behind "More", so nothing is clipped on a 375 px screen. Crew report, witness checks
 * and follow their reports; the armorer lives in the firearms pages; producers and auditors
 * watch incidents, the dashboard and the holds or the trail.
 */
const PRIMARY: Record<Role, string[]> = {
  crew: ['Overview', 'Report', 'Checks', 'My reports'],
  armorer: ['Overview', 'Firearms', 'Incidents', 'Report'],
  producer: ['Overview', 'Incidents', 'Dashboard', 'Holds'],
  auditor: ['Overview', 'Incidents', 'Dashboard', 'Audit'],
};

/** The same links as navFor, split for a phone: at most four in the bar, the rest under "More". */
export function phoneNavFor(role: Role, productionId: string): { primary: NavLink[]; more: NavLink[] } {
  const all = navFor(role, productionId);
  const primary = PRIMARY[role].map((l) => all.find((i) => i.label === l)).filter((i): i is NavLink => !!i).slice(0, 4);
  return { primary, more: all.filter((i) => !primary.includes(i)) };
}

export function navFor(role: Role, productionId: string): NavLink[] {
  const base = `/productions/${productionId}`;
  return ITEMS.filter((i) => i.any.some((a) => can(role, a)) && !(i.unless ?? []).some((a) => can(role, a))).map((i) => ({
    href: `${base}${i.href}`,
    label: i.label,
    section: (i.section ?? [i.href]).map((s) => `${base}${s}`),
  }));
}

/** Tabs inside the firearms section, for those who see it. */
export function firearmsTabs(role: Role, productionId: string): { href: string; label: string }[] {
  if (!can(role, 'firearm.view')) return [];
  const base = `/productions/${productionId}`;
  return [
    { href: `${base}/firearms`, label: 'Inventory' },
    { href: `${base}/checks`, label: 'Checks' },
    { href: `${base}/custody`, label: 'Custody' },
    { href: `${base}/ammunition`, label: 'Ammunition' },
    { href: `${base}/meetings`, label: 'Meetings' },
    { href: `${base}/scene-plans`, label: 'Scene plans' },
    ...(can(role, 'qualification.view') ? [{ href: `${base}/qualifications`, label: 'Qualifications' }] : []),
    // The safety advisor (crew) reaches the report from the scene plans page (canReadWrapReport).
    ...(can(role, 'report.wrap') ? [{ href: `${base}/firearms-report`, label: 'Firearms report' }] : []),
  ];
}
