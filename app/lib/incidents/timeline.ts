// Turns the audit entries of one incident (and of its comments, corrective actions and holds)
// into readable timeline lines. Pure: the query passes the rows and what the viewer may see.
import { LABELS, type IncidentStatus, type IncidentType, type Severity } from '../enums';
import { INJURY_FIELD_LABELS, INJURY_PERSONAL_FIELDS, type InjuryInput } from '../schemas/incidents';
import { formatStamp } from '../time';

export type AuditRow = { id: number; at: Date; actorLabel: string; entity: string; action: string; before: string | null; after: string | null };
export type TimelineEntry = { id: number; at: Date; who: string; what: string; details: string[] };
export type TimelineViewer = {
  timeZone: string;
  /** Personal Form 301 fields (ARCHITECTURE.md: injury privacy). */
  personal: boolean;
  firearmTags: Map<string, string>;
};

const FIELD_LABELS: Record<string, string> = {
  description: 'What happened',
  location: 'Where',
  scene: 'Scene/setup',
  immediateActions: 'Immediate actions',
  peopleInvolved: 'People involved',
  occurredAt: 'When',
  firearmIds: 'Weapons',
  diedAt: 'Time of death',
  learnedAt: 'Learned of it at',
};
const PERSONAL = new Set<string>(INJURY_PERSONAL_FIELDS);
const MAX = 240;

function parse(s: string | null): Record<string, unknown> {
  if (!s) return {};
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const clip = (s: string) => (s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function value(key: string, v: unknown, viewer: TimelineViewer): string {
  if (v === null || v === undefined || v === '') return '(empty)';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (key === 'occurredAt' || key.endsWith('At')) {
    const d = new Date(String(v));
    return Number.isNaN(d.getTime()) ? String(v) : formatStamp(d, viewer.timeZone);
  }
  if (key === 'firearmIds' && Array.isArray(v)) return v.length ? v.map((id) => viewer.firearmTags.get(String(id)) ?? 'a weapon').join(', ') : '(none)';
  if (key === 'employeeSex' || key === 'injury.employeeSex') return String(v);
  return clip(String(v));
}

/** The changed fields of an update, personal Form 301 fields summarised for those who may not see them. */
function changes(after: Record<string, unknown>, viewer: TimelineViewer): string[] {
  const out: string[] = [];
  let hidden = 0;
  for (const [k, v] of Object.entries(after)) {
    if (k.startsWith('injury.')) {
      const f = k.slice('injury.'.length);
      if (PERSONAL.has(f) && !viewer.personal) {
        hidden++;
        continue;
      }
      out.push(`Form 301 — ${INJURY_FIELD_LABELS[f as keyof InjuryInput] ?? f}: ${value(f, v, viewer)}`);
    } else {
      out.push(`${FIELD_LABELS[k] ?? k}: ${value(k, v, viewer)}`);
    }
  }
  if (hidden) out.push(`Form 301 — ${hidden} personal field${hidden === 1 ? '' : 's'} changed (hidden from your role)`);
  return out;
}

const sev = (v: unknown) => LABELS.severity[v as Severity] ?? String(v);
const status = (v: unknown) => LABELS.status[v as IncidentStatus] ?? String(v);

export function timelineEntry(row: AuditRow, viewer: TimelineViewer): TimelineEntry {
  const before = parse(row.before);
  const after = parse(row.after);
  const e = (what: string, details: (string | false | null | undefined)[] = []): TimelineEntry => ({
    id: row.id, at: row.at, who: row.actorLabel, what, details: details.filter((d): d is string => !!d),
  });
  switch (row.action) {
    case 'incident.file': {
      const injury = after.injury && typeof after.injury === 'object' ? (after.injury as Record<string, unknown>) : null;
      const weapons = Array.isArray(after.firearmIds) ? after.firearmIds : [];
      return e('Filed the report', [
        `Type: ${LABELS.incidentType[after.type as IncidentType] ?? str(after.type)}`,
        `Where: ${clip(str(after.location))}`,
        after.occurredAt ? `When: ${value('occurredAt', after.occurredAt, viewer)}` : 'When: not given yet',
        after.severity && after.severity !== 'unrated' ? `Severity chosen: ${sev(after.severity)}` : null,
        weapons.length ? `Weapons: ${value('firearmIds', weapons, viewer)}` : null,
        injury ? 'Form 301 section started' : null,
        Array.isArray(after.injuredPeople) ? `Injured people recorded: ${after.injuredPeople.length}` : null,
      ]);
    }
    // OSHA recordkeeping: each injured person is a case (ARCHITECTURE.md: OSHA recordkeeping).
    case 'injury.person_add': {
      const person = after.person && typeof after.person === 'object' ? (after.person as Record<string, unknown>) : {};
      return e(`Injured person ${String(person.ordinal ?? '?')} added`, [person.injuryDescription ? `Injury: ${clip(str(person.injuryDescription))}` : null]);
    }
    case 'injury.person_update': {
      const { personId: _p, ordinal, ...rest } = after;
      return e(`Changed the Form 301 of injured person ${String(ordinal ?? '?')}`, changes(rest, viewer));
    }
    case 'osha.report':
      return e(`Injured person ${String(after.ordinal ?? '?')}: reported ${value('oshaReportedAt', after.oshaReportedAt, viewer)} to ${clip(str(after.oshaReportedTo))}`, [
        after.oshaReference ? `Reference: ${clip(str(after.oshaReference))}` : null,
      ]);
    case 'osha.recordability':
      return e(`Recordability of injured person ${String(after.ordinal ?? '?')}: ${after.recordability === 'recordable' ? 'recordable' : after.recordability === 'not_recordable' ? 'not recordable' : 'not decided yet'}`, [
        after.reason ? clip(str(after.reason)) : null,
      ]);
    case 'incident.severity':
      return e(`Severity: ${sev(before.severity)} → ${sev(after.severity)}`);
    case 'incident.status':
      return e(`Status: ${status(before.status)} → ${status(after.status)}`, [after.note ? `Note: ${clip(str(after.note))}` : null]);
    case 'incident.close':
      return e('Closed', [`Resolution: ${clip(str(after.resolution))}`]);
    case 'incident.reopen':
      return e(`Reopened as “${status(after.status)}”`, [`Reason: ${clip(str(after.reason))}`]);
    case 'incident.assign':
      return e(after.ownerId ? `Owner: ${str(after.ownerName) || 'a member'}` : 'Owner removed');
    case 'incident.duplicate':
      return e(`Marked a duplicate of report #${String(after.duplicateOfNumber ?? '?')} and closed`);
    case 'incident.update':
      return e('Added or changed details', changes(after, viewer));
    case 'incident.injury_clock':
      return after.oshaReportedAt !== undefined
        ? e(`Recorded: reported to OSHA ${value('oshaReportedAt', after.oshaReportedAt, viewer)}`)
        : e(`Recorded: Form 301 completed ${value('form301CompletedAt', after.form301CompletedAt, viewer)}`);
    case 'comment.add':
      return e('Commented', [clip(str(after.body))]);
    case 'corrective_action.add':
      return e(`Corrective action added: ${clip(str(after.what))}`, [`Owner: ${str(after.ownerName) || 'a member'}, due ${str(after.dueDate)}`]);
    case 'corrective_action.done':
      return e(`Corrective action done: ${clip(str(after.what))}`);
    case 'hold.call':
      return e('Stop-work hold called', [clip(str(after.reason))]);
    case 'hold.join':
      return e('Joined the standing stop-work hold');
    case 'hold.concur':
      return e('Concurred with lifting the stop-work hold', [after.concurrenceNote ? clip(str(after.concurrenceNote)) : null]);
    case 'hold.lift':
      return e('Stop-work hold lifted', [`Resolution: ${clip(str(after.resolution))}`]);
    // Rule 7: acknowledgement and escalation.
    case 'signal.raise':
      return e('Critical signal raised: waiting for a producer’s acknowledgement (rule 7)', [clip(str(after.title))]);
    case 'signal.resend':
      return e('Not acknowledged in time: re-sent to every producer and the armorer (rule 7)', [typeof after.recipients === 'number' ? `${after.recipients} people told` : null]);
    case 'signal.contacts': {
      const contacts = Array.isArray(after.contacts) ? (after.contacts as Record<string, unknown>[]) : [];
      return e('Still not acknowledged: escalated to the production’s safety contacts; the hotline is shown to everyone on the show (rule 7)', [
        contacts.length
          ? `Contacts: ${contacts.map((c) => `${str(c.name)} (${str(c.kind)})${c.emailed ? ', emailed' : ', to be emailed'}`).join('; ')}`
          : 'No safety contacts are set up: a producer adds them in the production settings',
        `IATSE Safety Hotline: ${str(after.hotline) || '844-IA-AWARE'}`,
      ]);
    }
    case 'signal.acknowledge':
      return e(`Critical signal acknowledged by ${str(after.byName) || row.actorLabel}${after.raisedByProducer ? ' (a producer raised it)' : ''}`);
    default: {
      const words = row.action.replace(/^[a-z_]+\./, '').replace(/[_.]/g, ' ');
      return e(words.charAt(0).toUpperCase() + words.slice(1));
    }
  }
}

export function buildTimeline(rows: AuditRow[], viewer: TimelineViewer): TimelineEntry[] {
  // Written order (the audit log's id): anonymous entries keep the day only, so their time cannot order them.
  return [...rows].sort((a, b) => a.id - b.id).map((r) => timelineEntry(r, viewer));
}
