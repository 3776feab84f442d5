// What each role sees in a production's nav. Derived from the policy, so nav and server agree.
import type { Role } from './enums';
import { can, type Action } from './policy';

/** An item shows when the role may do any one of `any`, and none of `unless`. */
type NavItem = { href: string; label: string; any: Action[]; unless?: Action[] };

const ITEMS: NavItem[] = [
  { href: '', label: 'Overview', any: ['production.view'] },
  { href: '/incidents', label: 'Incidents', any: ['incident.viewAll'] },
  { href: '/incidents', label: 'My reports', any: ['incident.viewOwn'], unless: ['incident.viewAll'] },
  { href: '/incidents/new', label: 'Report', any: ['incident.file'] },
  { href: '/firearms', label: 'Firearms', any: ['firearm.view'] },
  { href: '/checks', label: 'Checks', any: ['firearm.view', 'check.witness'] },
  { href: '/custody', label: 'Custody', any: ['firearm.view'] },
  { href: '/ammunition', label: 'Ammunition', any: ['firearm.view'] },
  { href: '/meetings', label: 'Meetings', any: ['firearm.view', 'meeting.attend'] },
  { href: '/hold', label: 'Holds', any: ['hold.call', 'hold.lift', 'audit.view'] },
  { href: '/dashboard', label: 'Dashboard', any: ['dashboard.view'] },
  { href: '/audit', label: 'Audit', any: ['audit.view'] },
  { href: '/members', label: 'Members', any: ['members.view'] },
  { href: '/reporting', label: 'Anonymous reporting', any: ['production.view'] },
];

export function navFor(role: Role, productionId: string): { href: string; label: string }[] {
  return ITEMS.filter((i) => i.any.some((a) => can(role, a)) && !(i.unless ?? []).some((a) => can(role, a))).map((i) => ({
    href: `/productions/${productionId}${i.href}`,
    label: i.label,
  }));
}
