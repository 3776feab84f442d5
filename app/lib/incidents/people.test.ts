import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

// Injured people (ARCHITECTURE.md: OSHA recordkeeping): one report, several cases, each with its
// clocks, its report to OSHA and its recordability; a firearm injury stops work (rule 1).
createTempDatabase();
const { getDb } = await import('@/db/client');
const schema = await import('@/db/schema');
const { and, eq, isNull } = await import('drizzle-orm');
const { fileIncidentCore } = await import('./core');
const { updateIncidentDetailsCore } = await import('./details');
const { decideRecordabilityCore, recordOshaReportCore, saveInjuredPersonCore, setJurisdictionCore } = await import('./people');
const { getIncidentDetail } = await import('@/db/queries/incidents');
const { setIncidentSeverityCore } = await import('./workflow');
const { callHoldCore, liftHoldCore } = await import('./holds');
const { listOpenHolds } = await import('@/db/queries/dashboard');

type Seed = Awaited<ReturnType<typeof seedProduction>>;
let s: Seed;
const now = new Date('2026-11-24T15:00:00Z'); // 08:00 in America/Denver
const db = () => getDb();
const openHolds = () => db().select().from(schema.holds).where(and(eq(schema.holds.productionId, s.production.id), isNull(schema.holds.liftedAt))).all();
const peopleOf = (id: string) => db().select().from(schema.injuredPeople).where(eq(schema.injuredPeople.incidentId, id)).orderBy(schema.injuredPeople.ordinal).all();
const audits = (id: string) => db().select().from(schema.auditLog).where(eq(schema.auditLog.entityId, id)).all().map((a) => a.action);
function liftAll() {
  db().update(schema.holds).set({ liftedAt: now }).where(isNull(schema.holds.liftedAt)).run();
}
let gun = '';

beforeAll(async () => {
  s = await seedProduction();
  gun = randomUUID();
  db().insert(schema.firearms).values({ id: gun, productionId: s.production.id, tag: 'R-1', make: 'Pietta', model: '1873', kind: 'functional', createdAt: now }).run();
});

describe('one report, several injured people', () => {
  it('a discharge that hurts two people is one report with two cases, a rule-1 hold and clocks per person', () => {
    liftAll();
    const res = fileIncidentCore(s.actors.producer, {
      id: randomUUID(), type: 'accidental_discharge', description: 'The revolver discharged during a rehearsal', location: 'Church set', occurredAt: '2026-11-24T07:00', firearmIds: [gun],
      injuredPeople: [
        { employeeName: 'Person One', injuryDescription: 'Gunshot wound, chest', died: true },
        { employeeName: 'Person Two', injuryDescription: 'Gunshot wound, shoulder', hospitalizedInpatient: true },
      ],
    }, now);
    expect(res).toMatchObject({ ok: true, data: { severity: 'critical', hold: true } });
    const id = res.ok ? res.data.id : '';
    expect(db().select().from(schema.incidents).where(eq(schema.incidents.id, id)).all()).toHaveLength(1);
    expect(peopleOf(id).map((p) => [p.ordinal, p.employeeName])).toEqual([[1, 'Person One'], [2, 'Person Two']]);
    expect(openHolds()).toHaveLength(1);
    const d = getIncidentDetail(s.actors.producer, id, now)!;
    expect(d.people.map((p) => p.deadlines.map((x) => [x.key, x.dueAt.toISOString()]))).toEqual([
      [['osha_8h', '2026-11-24T22:00:00.000Z'], ['form_301', '2026-12-01T14:00:00.000Z']],
      [['osha_24h', '2026-11-25T14:00:00.000Z'], ['form_301', '2026-12-01T14:00:00.000Z']],
    ]);
    // The armorer (not the reporter) sees both cases but not their names (ARCHITECTURE.md: injury privacy).
    const seen = JSON.stringify(getIncidentDetail(s.actors.armorer, id, now));
    expect(seen).toContain('Gunshot wound, shoulder');
    expect(seen).not.toContain('Person One');
    expect(seen).not.toContain('Person Two');
  });

  it('a shooting filed as an injury with a weapon linked stops work (rule 1); without a weapon it does not', () => {
    liftAll();
    const plain = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'injury', description: 'Tripped on a cable', location: 'Stage 2', injuredPeople: [{ injuryDescription: 'Sprained ankle' }] }, now);
    expect(plain).toMatchObject({ ok: true, data: { hold: false, severity: 'unrated' } });
    expect(openHolds()).toHaveLength(0);
    const shot = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'injury', description: 'Hit by the wadding of a blank', location: 'Stage 2', firearmIds: [gun], injuredPeople: [{ injuryDescription: 'Burn, left arm' }] }, now);
    expect(shot).toMatchObject({ ok: true, data: { hold: true, severity: 'critical' } });
    expect(openHolds()).toHaveLength(1);
  });

  it('a person added later to a firearm-related report, or a weapon linked to an injury, stops work then (rule 1)', () => {
    liftAll();
    const misfire = fileIncidentCore(s.actors.armorer, { id: randomUUID(), type: 'misfire_malfunction', description: 'Cylinder jammed', location: 'Stage 2' }, now);
    const mid = misfire.ok ? misfire.data.id : '';
    expect(openHolds()).toHaveLength(0);
    const added = saveInjuredPersonCore(s.actors.armorer, { incidentId: mid, personId: randomUUID(), injury: { injuryDescription: 'Cut to the hand' } }, now);
    expect(added).toMatchObject({ ok: true, data: { ordinal: 1, created: true } });
    expect(openHolds()).toHaveLength(1);
    expect(audits(mid)).toEqual(expect.arrayContaining(['incident.file', 'injury.person_add', 'incident.severity']));

    liftAll();
    const hurt = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'injury', description: 'Burn on set', location: 'Stage 3', injuredPeople: [{}] }, now);
    const hid = hurt.ok ? hurt.data.id : '';
    expect(openHolds()).toHaveLength(0);
    expect(updateIncidentDetailsCore(s.actors.crew, { incidentId: hid, description: 'Burn on set', location: 'Stage 3', firearmIds: [gun] }, now).ok).toBe(true);
    expect(openHolds()).toHaveLength(1);
  });

  it('a firearm injury stays critical, and its hold needs a concurrence like any rule-1 hold (rule 5)', () => {
    liftAll();
    const shot = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'injury', description: 'Wadding hit a grip', location: 'Stage 2', firearmIds: [gun], injuredPeople: [{}] }, now);
    const sid = shot.ok ? shot.data.id : '';
    const lower = setIncidentSeverityCore(s.actors.producer, { incidentId: sid, severity: 'low' }, now);
    expect(!lower.ok && lower.fieldErrors?.severity?.[0]).toContain('always critical (rule 1)');
    const lift = liftHoldCore(s.actors.producer, { holdId: openHolds()[0].id, resolution: 'Looked at it myself, all fine now.' }, now);
    expect(lift.ok).toBe(false);
    expect(openHolds()).toHaveLength(1);
  });

  it('a firearm injury joining a hold called by hand makes it need a concurrence, in the core and on the dashboard (rule 5)', () => {
    liftAll();
    expect(callHoldCore(s.actors.crew, { reason: 'Loose rigging over the set' }, now).ok).toBe(true);
    const hold = openHolds()[0];
    expect(listOpenHolds(s.actors.producer).find((h) => h.id === hold.id)?.needsConcurrence).toBe(false);
    const shot = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'injury', description: 'Hit by a blank’s wadding', location: 'Stage 2', firearmIds: [gun], injuredPeople: [{}] }, now);
    expect(shot).toMatchObject({ ok: true, data: { hold: true } });
    expect(openHolds()).toHaveLength(1);
    expect(listOpenHolds(s.actors.producer).find((h) => h.id === hold.id)?.needsConcurrence).toBe(true);
    expect(liftHoldCore(s.actors.producer, { holdId: hold.id, resolution: 'Rigging fixed and checked by the key grip.' }, now).ok).toBe(false);
    expect(openHolds()).toHaveLength(1);
  });

  it('the same person id twice is one person; another crew member or an auditor cannot add people', () => {
    const r = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'unsafe_condition', description: 'Loose rigging', location: 'Stage 2' }, now);
    const id = r.ok ? r.data.id : '';
    const personId = randomUUID();
    const add = () => saveInjuredPersonCore(s.actors.crew, { incidentId: id, personId, injury: { injuryDescription: 'Bruise' } }, now);
    expect(add().ok).toBe(true);
    expect(add()).toMatchObject({ ok: true, data: { created: false } });
    expect(peopleOf(id)).toHaveLength(1);
    expect(saveInjuredPersonCore(s.actors.actor, { incidentId: id, personId: randomUUID(), injury: {} }, now)).toMatchObject({ ok: false, code: 'not_found' });
    expect(saveInjuredPersonCore(s.actors.auditor, { incidentId: id, personId: randomUUID(), injury: {} }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(saveInjuredPersonCore(s.actors.crew, { incidentId: id, personId: randomUUID(), injury: {}, diedAt: '2026-11-25T09:00' }, now)).toMatchObject({ ok: false, code: 'invalid' });
    expect(peopleOf(id)).toHaveLength(1);
  });
});

describe('reports to OSHA, recordability and the jurisdiction', () => {
  let id = '';
  let personId = '';
  beforeAll(() => {
    const r = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'injury', description: 'Fell from the camera crane', location: 'Stage 4', occurredAt: '2026-11-24T06:00', injuredPeople: [{ employeeName: 'Sam Case', hospitalizedInpatient: true }] }, now);
    id = r.ok ? r.data.id : '';
    personId = peopleOf(id)[0].id;
  });

  it('only a producer records the report made (osha.record): when, to whom, the reference; audited', () => {
    const report = { incidentId: id, personId, at: '2026-11-24T07:30', to: 'OSHA Area Office, by telephone', reference: 'FAT-2026-001' };
    for (const who of ['crew', 'armorer', 'auditor'] as const) expect(recordOshaReportCore(s.actors[who], report, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(recordOshaReportCore(s.actors.producer, { ...report, personId: randomUUID() }, now)).toMatchObject({ ok: false, code: 'not_found' });
    expect(recordOshaReportCore(s.actors.producer, report, now).ok).toBe(true);
    expect(peopleOf(id)[0]).toMatchObject({ oshaReportedTo: 'OSHA Area Office, by telephone', oshaReference: 'FAT-2026-001', oshaReportedAt: new Date('2026-11-24T14:30:00Z') });
    expect(audits(id)).toContain('osha.report');
    expect(getIncidentDetail(s.actors.producer, id, now)!.people[0].deadlines[0]).toMatchObject({ key: 'osha_24h', state: 'met' });
  });

  it('a producer saves the recordability decision with its answers; days are capped at 180', () => {
    const answers = { incidentId: id, personId, workRelated: 'yes', newCase: 'yes', daysAwayFromWork: 'yes', daysAway: '200', restrictedOrTransferred: 'no', medicalTreatment: 'yes', firstAid: ['C', 'D'], lossOfConsciousness: 'no', significantDiagnosis: '', caseType: 'injury', privacyReason: '' };
    expect(decideRecordabilityCore(s.actors.armorer, answers, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decideRecordabilityCore(s.actors.producer, { ...answers, workRelated: 'maybe' }, now)).toMatchObject({ ok: false, code: 'invalid' });
    expect(decideRecordabilityCore(s.actors.producer, answers, now)).toMatchObject({ ok: true, data: { status: 'recordable', classification: 'days_away' } });
    expect(peopleOf(id)[0]).toMatchObject({ recordability: 'recordable', classification: 'days_away', daysAway: 180, firstAid: ['C', 'D'], caseType: 'injury', workRelated: true, significantDiagnosis: null, recordabilityDecidedById: s.actors.producer.userId });
    expect(getIncidentDetail(s.actors.producer, id, now)!.people[0].decision).toMatchObject({ status: 'recordable', daysAway: 180 });
    expect(audits(id)).toContain('osha.recordability');
  });

  it('a producer sets the jurisdiction (audited); a serious injury then has 8 hours in California', () => {
    expect(setJurisdictionCore(s.actors.crew, { jurisdiction: 'california' }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(setJurisdictionCore(s.actors.producer, { jurisdiction: 'texas' }, now)).toMatchObject({ ok: false, code: 'invalid' });
    expect(setJurisdictionCore(s.actors.producer, { jurisdiction: 'california' }, now)).toMatchObject({ ok: true, data: { changed: true } });
    expect(db().select().from(schema.productions).where(eq(schema.productions.id, s.production.id)).get()!.jurisdiction).toBe('california');
    expect(audits(s.production.id)).toContain('production.jurisdiction');
    const r = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'injury', description: 'Crushed finger', location: 'Stage 4', occurredAt: '2026-11-24T06:00', injuredPeople: [{ amputation: true }] }, now);
    const ca = { ...s.actors.producer, production: { ...s.actors.producer.production, jurisdiction: 'california' as const } };
    const d = getIncidentDetail(ca, r.ok ? r.data.id : '', now)!;
    expect(d.people[0].deadlines[0]).toMatchObject({ key: 'osha_8h', dueAt: new Date('2026-11-24T21:00:00Z') });
    expect(setJurisdictionCore(s.actors.producer, { jurisdiction: 'federal' }, now).ok).toBe(true);
  });
});
