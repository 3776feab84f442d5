import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
const { getDb } = await import('@/db/client');
const schema = await import('@/db/schema');
const { eq } = await import('drizzle-orm');
const { fileIncidentCore } = await import('./core');
const { updateIncidentDetailsCore } = await import('./details');
const { recordInjuryClockCore, recordOshaReportCore, saveInjuredPersonCore } = await import('./people');
const { getIncidentDetail } = await import('@/db/queries/incidents');

type Seed = Awaited<ReturnType<typeof seedProduction>>;
let s: Seed;
const now = new Date('2026-11-24T15:00:00Z'); // 08:00 in America/Denver

beforeAll(async () => {
  s = await seedProduction();
});

function file(who: keyof Seed['actors'], input: Record<string, unknown>) {
  const res = fileIncidentCore(s.actors[who], { id: randomUUID(), description: 'Something happened', location: 'Stage 2', ...input }, now);
  if (!res.ok) throw new Error(res.message);
  return res.data;
}
const row = (id: string) => getDb().select().from(schema.incidents).where(eq(schema.incidents.id, id)).get()!;
const injuryRow = (id: string) => getDb().select().from(schema.injuredPeople).where(eq(schema.injuredPeople.incidentId, id)).get();
const base = (id: string) => ({ incidentId: id, description: 'Something happened', location: 'Stage 2' });

describe('adding details after the first report', () => {
  it('the reporter adds details to their own report; it is audited with before and after', () => {
    const inc = file('crew', { type: 'unsafe_condition' });
    const res = updateIncidentDetailsCore(s.actors.crew, { ...base(inc.id), scene: 'Sc 14 / 3A', occurredAt: '2026-11-24T07:30', immediateActions: 'Taped the cable down' }, now);
    expect(res).toMatchObject({ ok: true, data: { changed: expect.arrayContaining(['scene', 'occurredAt', 'immediateActions']) } });
    expect(row(inc.id)).toMatchObject({ scene: 'Sc 14 / 3A', immediateActions: 'Taped the cable down' });
    expect(row(inc.id).occurredAt?.toISOString()).toBe('2026-11-24T14:30:00.000Z');
    const entry = getDb().select().from(schema.auditLog).where(eq(schema.auditLog.entityId, inc.id)).all().find((a) => a.action === 'incident.update')!;
    expect(JSON.parse(entry.before!)).toMatchObject({ scene: '', immediateActions: '' });
    expect(JSON.parse(entry.after!)).toMatchObject({ scene: 'Sc 14 / 3A' });
  });

  it('nothing changed: no audit entry', () => {
    const inc = file('crew', { type: 'other' });
    const count = () => getDb().select().from(schema.auditLog).where(eq(schema.auditLog.entityId, inc.id)).all().length;
    const n = count();
    expect(updateIncidentDetailsCore(s.actors.crew, base(inc.id), now)).toMatchObject({ ok: true, data: { changed: [] } });
    expect(count()).toBe(n);
  });

  it('another crew member cannot see it; an auditor cannot change it; the armorer only firearm-related ones', () => {
    const inc = file('crew', { type: 'unsafe_condition' });
    expect(updateIncidentDetailsCore(s.actors.actor, { ...base(inc.id), scene: 'x' }, now)).toMatchObject({ ok: false, code: 'not_found' });
    expect(updateIncidentDetailsCore(s.actors.auditor, { ...base(inc.id), scene: 'x' }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(updateIncidentDetailsCore(s.actors.armorer, { ...base(inc.id), scene: 'x' }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    const misfire = file('crew', { type: 'misfire_malfunction' });
    expect(updateIncidentDetailsCore(s.actors.armorer, { ...base(misfire.id), scene: 'Sc 9' }, now).ok).toBe(true);
    expect(row(inc.id).scene).toBe('');
  });

  it('bad input is refused beside its field and stores nothing', () => {
    const inc = file('crew', { type: 'other' });
    const future = updateIncidentDetailsCore(s.actors.crew, { ...base(inc.id), occurredAt: '2026-11-25T09:00' }, now);
    expect(!future.ok && future.fieldErrors?.occurredAt).toBeTruthy();
    const script = updateIncidentDetailsCore(s.actors.crew, { ...base(inc.id), scene: 12 as unknown as string }, now);
    expect(!script.ok && script.fieldErrors?.scene).toBeTruthy();
    const long = updateIncidentDetailsCore(s.actors.crew, { ...base(inc.id), description: 'x'.repeat(5001) }, now);
    expect(!long.ok && long.fieldErrors?.description).toBeTruthy();
    const form301 = saveInjuredPersonCore(s.actors.crew, { incidentId: inc.id, personId: randomUUID(), injury: { caseNumber: 'x'.repeat(51) } }, now);
    expect(!form301.ok && form301.fieldErrors?.['injury.caseNumber']).toBeTruthy();
    expect(row(inc.id)).toMatchObject({ scene: '', occurredAt: null, description: 'Something happened' });
  });
});

describe('injury privacy and the legal clocks', () => {
  const personal = { employeeName: 'Jo Private', employeeAddress: '1 Secret Lane', employeeBirthDate: '1990-01-02', physicianName: 'Dr Hidden', hospitalizedInpatient: true };

  it('personal Form 301 fields reach producers, auditors and the reporter only', () => {
    const inc = file('crew', { type: 'injury', occurredAt: '2026-11-24T06:00', injury: { ...personal, injuryDescription: 'Burn to the left hand' } });
    const armorer = getIncidentDetail(s.actors.armorer, inc.id, now)!;
    expect(armorer.personalVisible).toBe(false);
    expect(armorer.people[0].injury).not.toHaveProperty('employeeName');
    expect(armorer.people[0].injury).not.toHaveProperty('hospitalizedInpatient');
    expect(armorer.people[0].injury).toMatchObject({ injuryDescription: 'Burn to the left hand' });
    const sent = JSON.stringify(armorer);
    for (const v of ['Jo Private', '1 Secret Lane', '1990-01-02', 'Dr Hidden']) expect(sent).not.toContain(v);
    for (const who of ['producer', 'auditor', 'crew'] as const) {
      const d = getIncidentDetail(s.actors[who], inc.id, now)!;
      expect(d.people[0].injury).toMatchObject({ employeeName: 'Jo Private', physicianName: 'Dr Hidden' });
    }
    // another crew member cannot open it at all
    expect(getIncidentDetail(s.actors.actor, inc.id, now)).toBeNull();
  });

  it('someone who may not see the personal fields cannot overwrite them; the timeline hides their changes', () => {
    const gun = { id: randomUUID(), productionId: s.production.id, tag: 'P-2', make: 'Colt', model: 'SAA', kind: 'blank_firing' as const, createdAt: now };
    getDb().insert(schema.firearms).values(gun).run();
    const inc = file('crew', { type: 'injury', firearmIds: [gun.id], injury: personal });
    const personId = injuryRow(inc.id)!.id;
    const res = saveInjuredPersonCore(s.actors.armorer, { incidentId: inc.id, personId, injury: { employeeName: 'Overwritten', caseNumber: 'C-7' } }, now);
    expect(res.ok).toBe(true);
    expect(injuryRow(inc.id)).toMatchObject({ employeeName: 'Jo Private', caseNumber: 'C-7' });
    const byProducer = saveInjuredPersonCore(s.actors.producer, { incidentId: inc.id, personId, injury: { employeeName: 'Jo Corrected' } }, now);
    expect(byProducer.ok).toBe(true);
    const armorerView = JSON.stringify(getIncidentDetail(s.actors.armorer, inc.id, now)!.timeline);
    expect(armorerView).not.toContain('Jo Corrected');
    expect(armorerView).toContain('personal field');
    expect(armorerView).toContain('C-7');
    expect(JSON.stringify(getIncidentDetail(s.actors.producer, inc.id, now)!.timeline)).toContain('Jo Corrected');
  });

  it('shows the clocks that apply and records when they were met', () => {
    const inc = file('crew', { type: 'injury', occurredAt: '2026-11-24T06:00', injury: { hospitalizedInpatient: true } });
    const d = getIncidentDetail(s.actors.producer, inc.id, now)!;
    expect(d.people[0].deadlines.map((x) => [x.key, x.state])).toEqual([['osha_24h', 'open'], ['form_301', 'open']]);
    const personId = d.people[0].injury.id;
    const report = { incidentId: inc.id, personId, to: 'OSHA Area Office, by telephone', reference: 'R-1' };
    expect(recordOshaReportCore(s.actors.crew, { ...report, at: '2026-11-24T07:00' }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(recordOshaReportCore(s.actors.armorer, { ...report, at: '2026-11-24T07:00' }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(recordOshaReportCore(s.actors.producer, { ...report, at: '2026-11-25T07:00' }, now).ok).toBe(false); // future
    expect(recordOshaReportCore(s.actors.producer, { ...report, to: '' , at: '2026-11-24T07:00' }, now).ok).toBe(false); // to whom
    expect(recordOshaReportCore(s.actors.producer, { ...report, at: '2026-11-24T07:00' }, now).ok).toBe(true);
    expect(injuryRow(inc.id)).toMatchObject({ oshaReportedTo: 'OSHA Area Office, by telephone', oshaReference: 'R-1' });
    const later = new Date(now.getTime() + 8 * 86_400_000);
    const after = getIncidentDetail(s.actors.producer, inc.id, later)!;
    expect(after.people[0].deadlines.map((x) => [x.key, x.state])).toEqual([['osha_24h', 'met'], ['form_301', 'overdue']]);
    expect(recordInjuryClockCore(s.actors.producer, { incidentId: inc.id, personId, clock: 'form301_completed', at: '2026-11-24T07:30' }, now).ok).toBe(true);
    const other = file('crew', { type: 'other' });
    expect(recordInjuryClockCore(s.actors.producer, { incidentId: other.id, personId, clock: 'form301_completed', at: '2026-11-24T07:00' }, now)).toMatchObject({ ok: false, code: 'not_found' });
  });
});
