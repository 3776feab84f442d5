// Reminders (rule 7's companion: nobody is left to remember): corrective actions due tomorrow and
// overdue, checks still waiting for a witness, and legal clocks about to run out. Plain facts and
// `now` in, the reminders due out; each has a key, and a key is sent once only (the caller keeps
// the keys it sent), so a repeated run sends nothing twice.
import { formatInZone, localDate } from '../time';
import { injuryDeadlines, type InjuryFacts } from './deadlines';
import type { Jurisdiction } from './osha';

const HOUR = 3_600_000;

export type ActionFact = { id: string; incidentId: string; what: string; ownerId: string; dueDate: string; doneAt: Date | null };
export type PendingWitnessFact = { checkId: string; userId: string; performedAt: Date; scene: string; firearmTag: string };
/** One injured person's clocks; `ordinal` tells people of one report apart (person 1 keeps the report's key). */
export type InjuryClockFact = { incidentId: string; number: number; occurredAt: Date; injury: InjuryFacts; ordinal?: number };

export type ReminderFacts = {
  timeZone: string;
  actions: ActionFact[];
  pendingWitnesses: PendingWitnessFact[];
  injuries: InjuryClockFact[];
  /** Whose reporting rule sets the clocks (federal OSHA when not given). */
  jurisdiction?: Jurisdiction;
};

export type ReminderTo = { userId: string } | { role: 'producer' };
export type Reminder = {
  key: string;
  to: ReminderTo;
  title: string;
  body: string;
  /** What the link opens. */
  target: { incidentId: string } | { checkId: string };
};

/** A witness is reminded once the check has waited this long; older checks are not chased. */
export const WITNESS_REMINDER_AFTER_MS = 30 * 60_000;
export const WITNESS_REMINDER_WINDOW_MS = 7 * 24 * HOUR;

/** How long before each legal clock runs out its reminder goes to the producers. */
export const DEADLINE_LEAD_MS: Record<'osha_8h' | 'osha_24h' | 'form_301', number> = {
  osha_8h: 2 * HOUR,
  osha_24h: 4 * HOUR,
  form_301: 24 * HOUR,
};

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function dueReminders(f: ReminderFacts, now: Date): Reminder[] {
  const out: Reminder[] = [];
  const today = localDate(now, f.timeZone);
  const tomorrow = addDays(today, 1);
  const yesterday = addDays(today, -1);

  for (const a of f.actions) {
    if (a.doneAt) continue;
    const target = { incidentId: a.incidentId };
    if (a.dueDate === tomorrow) {
      out.push({ key: `action.due_tomorrow:${a.id}`, to: { userId: a.ownerId }, title: `Corrective action due tomorrow: ${a.what}`, body: `Due ${a.dueDate}. Mark it done on the report when it is.`, target });
    }
    if (a.dueDate < today) {
      out.push({ key: `action.overdue:${a.id}`, to: { userId: a.ownerId }, title: `Corrective action overdue: ${a.what}`, body: `It was due ${a.dueDate}.`, target });
    }
    // A day after the owner was told, the producers are (then the producers).
    if (a.dueDate < yesterday) {
      out.push({ key: `action.overdue_producers:${a.id}`, to: { role: 'producer' }, title: `Corrective action still overdue: ${a.what}`, body: `It was due ${a.dueDate} and its owner has not marked it done.`, target });
    }
  }

  for (const w of f.pendingWitnesses) {
    const waited = now.getTime() - w.performedAt.getTime();
    if (waited < WITNESS_REMINDER_AFTER_MS || waited > WITNESS_REMINDER_WINDOW_MS) continue;
    out.push({
      key: `witness:${w.checkId}:${w.userId}`, to: { userId: w.userId },
      title: `Your confirmation is still needed: check of ${w.firearmTag}`,
      body: `Scene ${w.scene}. The weapon cannot be handed out until every named witness confirms (rule 2).`,
      target: { checkId: w.checkId },
    });
  }

  for (const i of f.injuries) {
    const who = (i.ordinal ?? 1) > 1 ? `:p${i.ordinal}` : '';
    for (const d of injuryDeadlines(i.injury, i.occurredAt, now, f.jurisdiction)) {
      if (d.state !== 'open') continue;
      if (now.getTime() < d.dueAt.getTime() - DEADLINE_LEAD_MS[d.key]) continue;
      out.push({
        key: `deadline:${i.incidentId}${who}:${d.key}`, to: { role: 'producer' },
        title: `Legal clock running out on report #${i.number}${who ? `, injured person ${i.ordinal}` : ''}: ${d.label}`,
        body: `Due ${formatInZone(d.dueAt, f.timeZone)}. Record it on the report once done.`,
        target: { incidentId: i.incidentId },
      });
    }
  }
  return out;
}
