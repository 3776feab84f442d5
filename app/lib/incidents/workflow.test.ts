import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
const { getDb } = await import('@/db/client');
const schema = await import('@/db/schema');
const { and, eq } = await import('drizzle-orm');
const { fileIncidentCore } = await import('./core');
const { setIncidentStatusCore, assignIncidentOwnerCore, setIncidentSeverityCore, markIncidentDuplicateCore } = await import('./workflow');
const { addCorrectiveActionCore } = await import('./corrective-actions');

type Seed = Awaited<ReturnType<typeof seedProduction>>;
let s: Seed;
let other: Seed;
const now = new Date('2026-11-24T15:00:00Z');
const at = (days: number) => new Date(now.getTime() + days * 86_400_000);

beforeAll(async () => {
  s = await seedProduction();
  other = await seedProduction({ title: 'Other' });
});

function file(who: keyof Seed['actors'], input: Record<string, unknown>, when = now) {
  const res = fileIncidentCore(s.actors[who], { id: randomUUID(), description: 'Something happened', location: 'Stage 2', ...input }, when);
  if (!res.ok) throw new Error(res.message);
  return res.data;
}
const row = (id: string) => getDb().select().from(schema.incidents).where(eq(schema.incidents.id, id)).get()!;
const notesOf = (userId: string) => getDb().select().from(schema.notifications).where(eq(schema.notifications.userId, userId)).all();
const auditOf = (id: string) => getDb().select().from(schema.auditLog).where(and(eq(schema.auditLog.entity, 'incident'), eq(schema.auditLog.entityId, id))).all();

describe('status workflow', () => {
  it('a producer moves a report on; the reporter learns of it and it is audited', () => {
    const inc = file('crew', { type: 'unsafe_condition' });
    const before = notesOf(s.actors.crew.userId).length;
    expect(setIncidentStatusCore(s.actors.producer, { incidentId: inc.id, status: 'investigating' }, now)).toMatchObject({ ok: true });
    expect(row(inc.id).status).toBe('investigating');
    const notes = notesOf(s.actors.crew.userId);
    expect(notes.length).toBe(before + 1);
    expect(notes.at(-1)).toMatchObject({ kind: 'reporter_update' });
    expect(auditOf(inc.id).map((a) => a.action)).toContain('incident.status');
  });

  it('closing needs a written resolution and no open corrective action', () => {
    const inc = file('crew', { type: 'unsafe_condition' });
    const noNote = setIncidentStatusCore(s.actors.producer, { incidentId: inc.id, status: 'closed', note: 'ok' }, now);
    expect(noNote).toMatchObject({ ok: false, code: 'invalid' });
    expect(!noNote.ok && noNote.fieldErrors?.note).toBeTruthy();
    const ca = addCorrectiveActionCore(s.actors.producer, { incidentId: inc.id, what: 'Tape the cable down', ownerId: s.actors.crew.userId, dueDate: '2026-11-30' }, now);
    expect(ca.ok).toBe(true);
    const blocked = setIncidentStatusCore(s.actors.producer, { incidentId: inc.id, status: 'closed', note: 'Cable taped down and checked.' }, now);
    expect(blocked.ok).toBe(false);
    expect(!blocked.ok && blocked.fieldErrors?.status?.[0]).toMatch(/corrective action/);
    expect(row(inc.id).status).toBe('reported');
  });

  it('closing records the resolution; reopening needs a reason and is recorded', () => {
    const inc = file('crew', { type: 'other' });
    expect(setIncidentStatusCore(s.actors.producer, { incidentId: inc.id, status: 'closed', note: 'Talked it through with the crew.' }, now).ok).toBe(true);
    expect(row(inc.id)).toMatchObject({ status: 'closed', resolution: 'Talked it through with the crew.' });
    expect(row(inc.id).closedAt).not.toBeNull();
    expect(setIncidentStatusCore(s.actors.producer, { incidentId: inc.id, status: 'investigating' }, now)).toMatchObject({ ok: false, code: 'invalid' });
    expect(setIncidentStatusCore(s.actors.producer, { incidentId: inc.id, status: 'reported', note: 'It happened again today.' }, now).ok).toBe(false);
    expect(setIncidentStatusCore(s.actors.producer, { incidentId: inc.id, status: 'investigating', note: 'It happened again today.' }, now).ok).toBe(true);
    expect(row(inc.id)).toMatchObject({ status: 'investigating', resolution: null, closedAt: null });
    const reopen = auditOf(inc.id).find((a) => a.action === 'incident.reopen')!;
    expect(JSON.parse(reopen.after!)).toMatchObject({ reason: 'It happened again today.' });
    expect(JSON.parse(reopen.before!)).toMatchObject({ resolution: 'Talked it through with the crew.' });
  });

  it('moving back to “reported” is refused', () => {
    const inc = file('crew', { type: 'other' });
    setIncidentStatusCore(s.actors.producer, { incidentId: inc.id, status: 'investigating' }, now);
    expect(setIncidentStatusCore(s.actors.producer, { incidentId: inc.id, status: 'reported' }, now).ok).toBe(false);
  });

  it('crew and auditors are refused; another production’s incident is not found', () => {
    const inc = file('crew', { type: 'other' });
    expect(setIncidentStatusCore(s.actors.crew, { incidentId: inc.id, status: 'investigating' }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(setIncidentStatusCore(s.actors.auditor, { incidentId: inc.id, status: 'investigating' }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(setIncidentStatusCore(other.actors.producer, { incidentId: inc.id, status: 'investigating' }, now)).toMatchObject({ ok: false, code: 'not_found' });
    expect(row(inc.id).status).toBe('reported');
  });

  it('armorers triage firearm-related incidents only (by type, or a weapon linked)', () => {
    const near = file('crew', { type: 'unsafe_condition' });
    const refused = setIncidentStatusCore(s.actors.armorer, { incidentId: near.id, status: 'investigating' }, now);
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    expect(!refused.ok && refused.message).toMatch(/firearm-related/);
    const misfire = file('crew', { type: 'misfire_malfunction' });
    expect(setIncidentStatusCore(s.actors.armorer, { incidentId: misfire.id, status: 'investigating' }, now).ok).toBe(true);
    const gun = { id: randomUUID(), productionId: s.production.id, tag: 'R-1', make: 'Pietta', model: '1873', kind: 'blank_firing' as const, createdAt: now };
    getDb().insert(schema.firearms).values(gun).run();
    const linked = file('crew', { type: 'unsafe_condition', firearmIds: [gun.id] });
    expect(setIncidentStatusCore(s.actors.armorer, { incidentId: linked.id, status: 'investigating' }, now).ok).toBe(true);
  });
});

describe('owner', () => {
  it('a producer assigns an eligible owner, who is told', () => {
    const inc = file('crew', { type: 'unsafe_condition' });
    const wrong = assignIncidentOwnerCore(s.actors.producer, { incidentId: inc.id, ownerId: s.actors.armorer.userId }, now);
    expect(!wrong.ok && wrong.fieldErrors?.ownerId).toBeTruthy();
    expect(assignIncidentOwnerCore(s.actors.producer, { incidentId: inc.id, ownerId: s.actors.crew.userId }, now).ok).toBe(false);
    expect(assignIncidentOwnerCore(s.actors.producer, { incidentId: inc.id, ownerId: s.actors.producer2.userId }, now).ok).toBe(true);
    expect(row(inc.id).ownerId).toBe(s.actors.producer2.userId);
    expect(notesOf(s.actors.producer2.userId).some((n) => n.kind === 'assigned')).toBe(true);
    expect(assignIncidentOwnerCore(s.actors.producer, { incidentId: inc.id, ownerId: '' }, now).ok).toBe(true);
    expect(row(inc.id).ownerId).toBeNull();
  });
  it('the armorer may own a firearm-related one', () => {
    const inc = file('crew', { type: 'custody_breach' });
    expect(assignIncidentOwnerCore(s.actors.armorer, { incidentId: inc.id, ownerId: s.actors.armorer.userId }, now).ok).toBe(true);
  });
});

describe('severity', () => {
  it('rule 1 kinds stay critical whatever triage chooses', () => {
    const d = file('crew', { type: 'live_ammunition_found' });
    expect(row(d.id).severity).toBe('critical');
    const res = setIncidentSeverityCore(s.actors.producer, { incidentId: d.id, severity: 'low' }, now);
    expect(!res.ok && res.fieldErrors?.severity?.[0]).toMatch(/rule 1/);
    expect(row(d.id).severity).toBe('critical');
  });
  it('raising to critical tells the producers; the reporter hears the rating', () => {
    const inc = file('crew', { type: 'unsafe_condition' });
    const before = notesOf(s.actors.producer2.userId).filter((n) => n.kind === 'critical_incident').length;
    expect(setIncidentSeverityCore(s.actors.producer, { incidentId: inc.id, severity: 'critical' }, now).ok).toBe(true);
    expect(notesOf(s.actors.producer2.userId).filter((n) => n.kind === 'critical_incident').length).toBe(before + 1);
    expect(notesOf(s.actors.crew.userId).at(-1)?.title).toMatch(/rated critical/);
    expect(setIncidentSeverityCore(s.actors.producer, { incidentId: inc.id, severity: 'unrated' }, now).ok).toBe(false);
  });
});

describe('duplicates', () => {
  it('marks a duplicate closed, pointing at the original, and tells the reporter', () => {
    const a = file('crew', { type: 'other' });
    const b = file('actor', { type: 'other' });
    expect(markIncidentDuplicateCore(s.actors.producer, { incidentId: b.id, duplicateOfNumber: b.number }, now).ok).toBe(false);
    expect(markIncidentDuplicateCore(s.actors.producer, { incidentId: b.id, duplicateOfNumber: 99999 }, now).ok).toBe(false);
    expect(markIncidentDuplicateCore(s.actors.producer, { incidentId: b.id, duplicateOfNumber: String(a.number) }, now).ok).toBe(true);
    expect(row(b.id)).toMatchObject({ duplicateOfId: a.id, status: 'closed', resolution: `Duplicate of report #${a.number}.` });
    expect(notesOf(s.actors.actor.userId).at(-1)?.title).toMatch(/duplicate/);
    // no chains: a duplicate of a duplicate points at the root instead
    const c = file('crew', { type: 'other' });
    const chain = markIncidentDuplicateCore(s.actors.producer, { incidentId: c.id, duplicateOfNumber: b.number }, now);
    expect(!chain.ok && chain.fieldErrors?.duplicateOfNumber?.[0]).toMatch(new RegExp(`#${a.number}`));
    // an original with duplicates stays the original
    expect(markIncidentDuplicateCore(s.actors.producer, { incidentId: a.id, duplicateOfNumber: c.number }, now).ok).toBe(false);
    // reopening clears the mark
    expect(setIncidentStatusCore(s.actors.producer, { incidentId: b.id, status: 'investigating', note: 'Not the same event after all.' }, now).ok).toBe(true);
    expect(row(b.id).duplicateOfId).toBeNull();
  });

  it('duplicates do not count for rule 3', async () => {
    const t = await seedProduction({ title: 'Rule 3 show' });
    const f = (input: Record<string, unknown>) => {
      const r = fileIncidentCore(t.actors.crew, { id: randomUUID(), description: 'x happened', location: 'Ranch', ...input }, at(1));
      if (!r.ok) throw new Error(r.message);
      return r.data;
    };
    const flags = () => getDb().select().from(schema.ruleFlags).where(eq(schema.ruleFlags.productionId, t.production.id)).all();
    const original = f({ type: 'other', occurredAt: '2026-11-20T10:00' });
    const nearMiss = f({ type: 'near_miss', occurredAt: '2026-11-20T10:00' });
    expect(flags()).toHaveLength(0);
    expect(markIncidentDuplicateCore(t.actors.producer, { incidentId: nearMiss.id, duplicateOfNumber: original.number }, at(1)).ok).toBe(true);
    f({ type: 'misfire_malfunction', occurredAt: '2026-11-22T10:00' });
    expect(flags()).toHaveLength(0); // the near miss is a duplicate: one counted incident, no pattern
    f({ type: 'near_miss', occurredAt: '2026-11-23T10:00' });
    expect(flags()).toHaveLength(1); // two counted ones within 7 days
  });
});
