import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';
import { dayOnly } from '@/app/lib/time';

createTempDatabase();
process.env.NEXTAUTH_SECRET = 'unit-test-secret';
const { getDb, getSqlite } = await import('@/db/client');
const schema = await import('@/db/schema');
const { and, eq } = await import('drizzle-orm');
const { fileIncidentCore } = await import('../incidents/core');
const { callHoldCore } = await import('../incidents/holds');
const { saveInjuredPersonCore } = await import('../incidents/people');
const { reportOutsideHandoff } = await import('../firearms/custody');
const { fileAnonymousReport } = await import('../anonymous/core');
const { newReceiptCode, normaliseReceipt, receiptMac } = await import('../anonymous/receipt');
const { acknowledgeSignal, addSafetyContact, removeSafetyContact, updateEscalationSettings } = await import('./core');
const { runEscalations } = await import('./escalate');

type Seed = Awaited<ReturnType<typeof seedProduction>>;
let s: Seed;
const t0 = new Date('2026-11-24T15:00:00Z');
const at = (min: number) => new Date(t0.getTime() + min * 60_000);

beforeEach(async () => {
  // The run covers every live production: earlier tests' productions are wrapped so counts are this test's.
  getSqlite().prepare("update productions set phase = 'wrapped'").run();
  s = await seedProduction({ now: t0 });
});

const signalsOf = () => getDb().select().from(schema.signals).where(eq(schema.signals.productionId, s.production.id)).all();
const signalAudit = (id: string) => getDb().select().from(schema.auditLog).where(and(eq(schema.auditLog.entity, 'signal'), eq(schema.auditLog.entityId, id))).all();
const notesFor = (userId: string, signalId: string) => getDb().select().from(schema.notifications).where(and(eq(schema.notifications.userId, userId), eq(schema.notifications.signalId, signalId))).all();
const countRows = () => getSqlite().prepare("select (select count(*) from signals) s, (select count(*) from audit_log) a, (select count(*) from notifications) n, (select count(*) from escalation_settings) e, (select count(*) from safety_contacts) c").get();

function liveRound(who: keyof Seed['actors'] = 'crew', now = t0) {
  const res = fileIncidentCore(s.actors[who], { id: randomUUID(), type: 'live_ammunition_found', description: 'A live round in the dummy box', location: 'Stage 2' }, now);
  expect(res.ok).toBe(true);
  return res.ok ? res.data.id : '';
}

describe('rule 7: a critical signal is raised in the transaction that caused it', () => {
  it('live ammunition found by crew: one unacknowledged signal; the producers’ messages carry it; audited', () => {
    const incidentId = liveRound();
    const [sig] = signalsOf();
    expect(signalsOf()).toHaveLength(1);
    expect(sig).toMatchObject({ kind: 'live_ammunition', incidentId, acknowledgedAt: null, resentAt: null, contactsAt: null, anonymous: false });
    expect(sig.raisedAt).toEqual(t0);
    expect(notesFor(s.actors.producer.userId, sig.id).length).toBeGreaterThan(0);
    expect(signalAudit(sig.id).map((a) => a.action)).toEqual(['signal.raise']);
  });
  it('a producer who raises it has acknowledged it', () => {
    liveRound('producer');
    const [sig] = signalsOf();
    expect(sig.acknowledgedById).toBe(s.actors.producer.userId);
    expect(signalAudit(sig.id).map((a) => a.action)).toEqual(['signal.raise', 'signal.acknowledge']);
    expect(runEscalations(at(120))).toMatchObject({ resent: 0, contacts: 0 });
  });
  it('a hold called by hand, a custody breach, a discharge, a rule-3 pattern, an injury with a clock', () => {
    expect(callHoldCore(s.actors.crew, { reason: 'Rigging over the set is loose' }, t0).ok).toBe(true);
    expect(reportOutsideHandoff(s.actors.crew, { id: randomUUID(), firearmId: '', location: 'Stage 2', occurredAt: '', description: 'The actor got the revolver from props, not the armorer' }, t0).ok).toBe(true);
    expect(fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'near_miss', description: 'Muzzle swept the camera crew', location: 'Stage 2' }, t0).ok).toBe(true);
    expect(fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'accidental_discharge', description: 'Went off on the draw', location: 'Stage 2' }, t0).ok).toBe(true);
    expect(fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'injury', description: 'Burn from the muzzle flash', location: 'Stage 2', injury: { amputation: true } }, t0).ok).toBe(true);
    expect(signalsOf().map((x) => x.kind).sort()).toEqual(['accidental_discharge', 'custody_breach', 'hold_called', 'injury_clock', 'pattern']);
    expect(signalsOf().every((x) => x.acknowledgedAt === null)).toBe(true);
  });
  it('an injury gets its signal when later details start an OSHA clock, once', () => {
    const res = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'injury', description: 'Cut on a prop knife', location: 'Stage 2', injury: {} }, t0);
    expect(signalsOf()).toHaveLength(0);
    const id = res.ok ? res.data.id : '';
    const personId = getDb().select().from(schema.injuredPeople).where(eq(schema.injuredPeople.incidentId, id)).get()!.id;
    const edit = (died: boolean, hosp: boolean, now: Date) =>
      saveInjuredPersonCore(s.actors.producer2, { incidentId: id, personId, injury: { died, hospitalizedInpatient: hosp } }, now);
    expect(edit(false, true, at(5)).ok).toBe(true);
    expect(signalsOf().map((x) => x.kind)).toEqual(['injury_clock']);
    expect(edit(true, true, at(6)).ok).toBe(true);
    expect(signalsOf()).toHaveLength(1);
  });
  it('an anonymous live round: day-only times, and escalated at the first run', () => {
    const token = getDb().select().from(schema.productions).where(eq(schema.productions.id, s.production.id)).get()!.reportToken;
    const code = newReceiptCode();
    const now = new Date('2026-11-24T21:37:12.345Z');
    // The day only: the instant 24 Nov began in the production's zone (ARCHITECTURE.md: day-only stamps).
    const DAY_BEGAN = dayOnly(now, s.production.timeZone).toISOString();
    const res = fileAnonymousReport(token, { id: randomUUID(), type: 'live_ammunition_found', description: 'Live round in the dummy box', location: 'Stage 2', day: 'today', receipt: code, mac: receiptMac(normaliseReceipt(code)!, 'unit-test-secret') }, now);
    expect(res.ok).toBe(true);
    const [sig] = signalsOf();
    expect(sig).toMatchObject({ kind: 'live_ammunition', anonymous: true });
    expect(sig.raisedAt.toISOString()).toBe(DAY_BEGAN);
    const later = new Date('2026-11-24T21:38:00Z');
    expect(runEscalations(later)).toMatchObject({ resent: 1, contacts: 1 });
    const after = signalsOf()[0];
    expect(after.resentAt?.toISOString()).toBe(DAY_BEGAN);
    expect(after.contactsAt?.toISOString()).toBe(DAY_BEGAN);
    for (const a of signalAudit(sig.id)) expect(a.at.toISOString()).toBe(DAY_BEGAN);
    const notes = getDb().select().from(schema.notifications).where(eq(schema.notifications.signalId, sig.id)).all();
    expect(notes.every((n) => n.createdAt.toISOString() === DAY_BEGAN)).toBe(true);
  });
});

describe('rule 7: escalation from database state with an injected clock', () => {
  it('re-sent at the first window, to the safety contacts at the second; each step once', () => {
    expect(addSafetyContact(s.actors.producer, { kind: 'studio_safety_rep', name: 'Dana Reyes', title: 'Studio safety', email: 'dana@studio.test', phone: '+1 555 0100' }, t0).ok).toBe(true);
    liveRound();
    const [sig] = signalsOf();
    expect(runEscalations(at(14))).toEqual({ resent: 0, contacts: 0, reminders: 0 });
    expect(runEscalations(at(15))).toMatchObject({ resent: 1, contacts: 0 });
    expect(runEscalations(at(15))).toMatchObject({ resent: 0, contacts: 0 }); // a repeat does nothing
    expect(runEscalations(at(29))).toMatchObject({ resent: 0, contacts: 0 });
    // every producer and the armorer got the re-send; crew did not
    for (const who of ['producer', 'producer2', 'armorer'] as const) expect(notesFor(s.actors[who].userId, sig.id).filter((n) => n.kind === 'escalation')).toHaveLength(1);
    expect(notesFor(s.actors.crew.userId, sig.id).filter((n) => n.kind === 'escalation')).toHaveLength(0);
    expect(runEscalations(at(30))).toMatchObject({ resent: 0, contacts: 1 });
    expect(runEscalations(at(300))).toMatchObject({ resent: 0, contacts: 0 });
    // everyone on the show is told, with the hotline
    for (const who of ['crew', 'actor', 'auditor'] as const) {
      const n = notesFor(s.actors[who].userId, sig.id).filter((x) => x.kind === 'escalation');
      expect(n).toHaveLength(1);
      expect(n[0].body).toContain('844-IA-AWARE');
    }
    const audit = signalAudit(sig.id);
    expect(audit.map((a) => a.action)).toEqual(['signal.raise', 'signal.resend', 'signal.contacts']);
    expect(JSON.parse(audit[2].after!).contacts[0]).toMatchObject({ name: 'Dana Reyes', email: 'dana@studio.test', emailed: true });
    // the contact is emailed through the outbox, in the step's transaction, once
    const mail = getDb().select().from(schema.deliveries).where(eq(schema.deliveries.toAddress, 'dana@studio.test')).all();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ channel: 'email', critical: true, productionId: s.production.id });
    expect(mail[0].text).toContain('844-IA-AWARE');
    expect(signalsOf()[0]).toMatchObject({ resentAt: at(15), contactsAt: at(30) });
  });
  it('a run that was down for an hour takes both steps at once, in order', () => {
    liveRound();
    expect(runEscalations(at(60))).toMatchObject({ resent: 1, contacts: 1 });
    expect(signalAudit(signalsOf()[0].id).map((a) => a.action)).toEqual(['signal.raise', 'signal.resend', 'signal.contacts']);
  });
  it('an acknowledgement stops it; a producer’s own windows apply', () => {
    expect(updateEscalationSettings(s.actors.producer, { resendAfterMinutes: 5, contactsAfterMinutes: 10 }, t0).ok).toBe(true);
    liveRound();
    expect(runEscalations(at(5))).toMatchObject({ resent: 1 });
    const [sig] = signalsOf();
    expect(acknowledgeSignal(s.actors.producer2, { signalId: sig.id }, at(7))).toMatchObject({ ok: true, data: { acknowledged: true } });
    expect(runEscalations(at(60))).toMatchObject({ resent: 0, contacts: 0 });
    expect(signalsOf()[0]).toMatchObject({ acknowledgedById: s.actors.producer2.userId, acknowledgedAt: at(7), contactsAt: null });
  });
  it('a wrapped production’s signals are not escalated', () => {
    liveRound();
    getSqlite().prepare("update productions set phase = 'wrapped' where id = ?").run(s.production.id);
    expect(runEscalations(at(60))).toMatchObject({ resent: 0, contacts: 0 });
  });
});

describe('rule 7: acknowledgement', () => {
  it('crew, the armorer and the auditor are refused; nothing changes', () => {
    liveRound();
    const [sig] = signalsOf();
    const before = countRows();
    for (const who of ['crew', 'armorer', 'auditor', 'actor'] as const) {
      expect(acknowledgeSignal(s.actors[who], { signalId: sig.id }, at(1))).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(countRows()).toEqual(before);
    expect(signalsOf()[0].acknowledgedAt).toBeNull();
  });
  it('a producer acknowledges once; a second tap changes nothing; audited with who and when', () => {
    liveRound();
    const [sig] = signalsOf();
    expect(acknowledgeSignal(s.actors.producer, { signalId: sig.id }, at(3))).toMatchObject({ ok: true, data: { acknowledged: true } });
    const before = countRows();
    expect(acknowledgeSignal(s.actors.producer2, { signalId: sig.id }, at(4))).toMatchObject({ ok: true, data: { acknowledged: false } });
    expect(countRows()).toEqual(before);
    const ack = signalAudit(sig.id).filter((a) => a.action === 'signal.acknowledge');
    expect(ack).toHaveLength(1);
    expect(ack[0]).toMatchObject({ actorId: s.actors.producer.userId, at: at(3) });
  });
  it('another production’s signal answers as if it did not exist', async () => {
    liveRound();
    const [sig] = signalsOf();
    const other = await seedProduction({ title: 'Other show', now: t0 });
    expect(acknowledgeSignal(other.actors.producer, { signalId: sig.id }, at(1))).toMatchObject({ ok: false, code: 'not_found' });
    expect(signalsOf()[0].acknowledgedAt).toBeNull();
  });
});

describe('rule 7: settings (producer only)', () => {
  it('windows: producer only, whole minutes in range; audited', () => {
    const before = countRows();
    expect(updateEscalationSettings(s.actors.armorer, { resendAfterMinutes: 5, contactsAfterMinutes: 5 }, t0)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(updateEscalationSettings(s.actors.producer, { resendAfterMinutes: 0, contactsAfterMinutes: 5 }, t0)).toMatchObject({ ok: false, code: 'invalid' });
    expect(updateEscalationSettings(s.actors.producer, { resendAfterMinutes: 'ten', contactsAfterMinutes: 5 }, t0)).toMatchObject({ ok: false, code: 'invalid' });
    expect(countRows()).toEqual(before);
    expect(updateEscalationSettings(s.actors.producer, { resendAfterMinutes: '10', contactsAfterMinutes: 20 }, t0).ok).toBe(true);
    expect(getDb().select().from(schema.escalationSettings).where(eq(schema.escalationSettings.productionId, s.production.id)).get()).toMatchObject({ resendAfterMinutes: 10, contactsAfterMinutes: 20 });
  });
  it('contacts: producer only, a real email; removed contacts are not told', () => {
    expect(addSafetyContact(s.actors.crew, { kind: 'safety_advisor', name: 'A', title: '', email: 'a@b.test', phone: '' }, t0)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(addSafetyContact(s.actors.producer, { kind: 'safety_advisor', name: 'A', title: '', email: 'not-an-email', phone: '' }, t0)).toMatchObject({ ok: false, code: 'invalid' });
    const added = addSafetyContact(s.actors.producer, { kind: 'safety_advisor', name: 'Sam Ortiz', title: 'Firearms safety advisor', email: 'sam@advice.test', phone: '' }, t0);
    const id = added.ok ? added.data.id : '';
    expect(removeSafetyContact(s.actors.armorer, { contactId: id }, t0)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(removeSafetyContact(s.actors.producer, { contactId: id }, t0).ok).toBe(true);
    liveRound();
    runEscalations(at(60));
    const contacts = getDb().select().from(schema.auditLog).where(eq(schema.auditLog.action, 'signal.contacts')).all().filter((a) => a.chain === s.production.id);
    expect(JSON.parse(contacts[0].after!).contacts).toEqual([]);
  });
});

describe('reminders through the same clock', () => {
  it('a corrective action due tomorrow reminds its owner once; overdue goes to the owner, then the producers', async () => {
    const incidentId = liveRound('producer');
    const { addCorrectiveActionCore: addCorrectiveAction } = await import('../incidents/corrective-actions');
    expect(addCorrectiveAction(s.actors.producer, { incidentId, what: 'Lock the dummy box', ownerId: s.actors.armorer.userId, dueDate: '2026-11-25' }, t0)).toMatchObject({ ok: true });
    const reminders = (userId: string) => getDb().select().from(schema.notifications).where(and(eq(schema.notifications.userId, userId), eq(schema.notifications.kind, 'reminder'))).all();
    runEscalations(at(1));
    runEscalations(at(2));
    expect(reminders(s.actors.armorer.userId).map((n) => n.title)).toEqual(['Corrective action due tomorrow: Lock the dummy box']);
    runEscalations(new Date('2026-11-26T17:00:00Z'));
    expect(reminders(s.actors.armorer.userId)).toHaveLength(2);
    expect(reminders(s.actors.producer.userId)).toHaveLength(0);
    runEscalations(new Date('2026-11-27T17:00:00Z'));
    runEscalations(new Date('2026-11-27T17:05:00Z'));
    expect(reminders(s.actors.producer.userId)).toHaveLength(1);
    expect(reminders(s.actors.producer2.userId)).toHaveLength(1);
    expect(reminders(s.actors.armorer.userId)).toHaveLength(2);
  });
});
