import { describe, expect, it } from 'vitest';
import { dueReminders, type ReminderFacts } from './reminders';

// 2026-11-24 10:00 in Denver (17:00 UTC).
const now = new Date('2026-11-24T17:00:00Z');
const H = 3_600_000;
const facts = (over: Partial<ReminderFacts>): ReminderFacts => ({ timeZone: 'America/Denver', actions: [], pendingWitnesses: [], injuries: [], ...over });
const action = (dueDate: string, doneAt: Date | null = null) => ({ id: `a-${dueDate}`, incidentId: 'i1', what: 'Replace the holster', ownerId: 'owner', dueDate, doneAt });
const noInjury = { died: false, hospitalizedInpatient: null, amputation: false, lossOfEye: false, oshaReportedAt: null, form301CompletedAt: null };

describe('reminders', () => {
  it('a corrective action due tomorrow (in the production’s zone) reminds its owner', () => {
    const r = dueReminders(facts({ actions: [action('2026-11-25'), action('2026-11-24'), action('2026-11-26')] }), now);
    expect(r.map((x) => [x.key, x.to])).toEqual([['action.due_tomorrow:a-2026-11-25', { userId: 'owner' }]]);
  });
  it('overdue: the owner first, the producers a day later; done actions never', () => {
    expect(dueReminders(facts({ actions: [action('2026-11-23')] }), now).map((x) => x.key)).toEqual(['action.overdue:a-2026-11-23']);
    const late = dueReminders(facts({ actions: [action('2026-11-22')] }), now);
    expect(late.map((x) => [x.key, x.to])).toEqual([
      ['action.overdue:a-2026-11-22', { userId: 'owner' }],
      ['action.overdue_producers:a-2026-11-22', { role: 'producer' }],
    ]);
    expect(dueReminders(facts({ actions: [action('2026-11-20', now), action('2026-11-25', now)] }), now)).toEqual([]);
  });
  it('“tomorrow” is the production’s local day, not UTC’s', () => {
    // 2026-11-25 05:00 UTC is still the 24th in Denver: the 25th is tomorrow there.
    const late = new Date('2026-11-25T05:00:00Z');
    expect(dueReminders(facts({ actions: [action('2026-11-25')] }), late).map((x) => x.key)).toEqual(['action.due_tomorrow:a-2026-11-25']);
  });
  it('a check awaiting a witness reminds that witness after 30 minutes, within a week', () => {
    const w = (ago: number) => ({ checkId: `c${ago}`, userId: 'witness', performedAt: new Date(now.getTime() - ago), scene: '12A', firearmTag: 'R-01' });
    const r = dueReminders(facts({ pendingWitnesses: [w(10 * 60_000), w(31 * 60_000), w(8 * 24 * H)] }), now);
    expect(r.map((x) => [x.key, x.to])).toEqual([[`witness:c${31 * 60_000}:witness`, { userId: 'witness' }]]);
  });
  it('legal clocks remind the producers before they pass, not after', () => {
    const injury = (occurredAgoH: number, over = {}) => ({ incidentId: 'i9', number: 9, occurredAt: new Date(now.getTime() - occurredAgoH * H), injury: { ...noInjury, ...over } });
    // 8 h clock of a death: reminded from 6 h on (2 h before), never once passed.
    expect(dueReminders(facts({ injuries: [injury(5, { died: true })] }), now).map((x) => x.key)).toEqual([]);
    expect(dueReminders(facts({ injuries: [injury(6, { died: true })] }), now).map((x) => x.key)).toEqual(['deadline:i9:osha_8h']);
    expect(dueReminders(facts({ injuries: [injury(9, { died: true })] }), now).map((x) => x.key)).toEqual([]);
    // 24 h clock: from 20 h; Form 301 (7 days): from day 6.
    expect(dueReminders(facts({ injuries: [injury(21, { hospitalizedInpatient: true })] }), now).map((x) => x.key)).toEqual(['deadline:i9:osha_24h']);
    expect(dueReminders(facts({ injuries: [injury(6 * 24 + 1)] }), now).map((x) => x.key)).toEqual(['deadline:i9:form_301']);
    expect(dueReminders(facts({ injuries: [injury(6 * 24 + 1, { form301CompletedAt: now })] }), now)).toEqual([]);
  });
});
