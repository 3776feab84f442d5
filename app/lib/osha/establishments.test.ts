import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

// OSHA establishments and their logs (ARCHITECTURE.md: OSHA recordkeeping): producers add them and
// put cases on them, audited; another production's records are not found; the log is per
// establishment and calendar year in the production's zone; a privacy case keeps the name off it.
createTempDatabase();
const { getDb } = await import('@/db/client');
const schema = await import('@/db/schema');
const { eq } = await import('drizzle-orm');
const { fileIncidentCore } = await import('../incidents/core');
const { decideRecordabilityCore } = await import('../incidents/people');
const { assignCaseCore, saveEstablishmentCore, saveEstablishmentYearCore } = await import('./establishments');
const { logCases, oshaYear, unassignedCases, itaRows } = await import('@/db/queries/osha');

type Seed = Awaited<ReturnType<typeof seedProduction>>;
let s: Seed;
let other: Seed;
const now = new Date('2027-01-05T15:00:00Z');
const audits = (id: string) => getDb().select().from(schema.auditLog).where(eq(schema.auditLog.entityId, id)).all().map((a) => a.action);
const est = (id: string, name = 'Stage 4') => ({
  establishmentId: id, name, companyName: 'Test Co', ein: '12-3456789', street: '1 Ranch Road', city: 'Santa Fe', state: 'nm', zip: '87507',
  naicsCode: '512110', industryDescription: 'Motion Picture and Video Production', establishmentType: 'private' as const, peakEmployees: '140', writtenRequest: '',
});
const recordable = { workRelated: 'yes', newCase: 'yes', daysAwayFromWork: 'no', restrictedOrTransferred: 'no', medicalTreatment: 'yes', lossOfConsciousness: 'no', significantDiagnosis: 'no', caseType: 'injury' } as const;

function fileCase(occurredAt: string, name: string, privacyReason = '') {
  const incident = fileIncidentCore(s.actors.producer, { id: randomUUID(), type: 'injury', description: `${name} was hurt`, location: 'Stage 4', occurredAt, injuredPeople: [{ employeeName: name, injuryDescription: 'Cut hand' }] }, now);
  if (!incident.ok) throw new Error(incident.message);
  const person = getDb().select().from(schema.injuredPeople).where(eq(schema.injuredPeople.incidentId, incident.data.id)).get()!;
  const d = decideRecordabilityCore(s.actors.producer, { incidentId: incident.data.id, personId: person.id, ...recordable, privacyReason }, now);
  if (!d.ok) throw new Error(d.message);
  return person.id;
}

beforeAll(async () => {
  s = await seedProduction({ now });
  other = await seedProduction({ title: 'Other', now });
});

describe('establishments', () => {
  it('a producer adds and changes one, each change audited; crew and auditors may not', () => {
    const id = randomUUID();
    expect(saveEstablishmentCore(s.actors.producer, est(id), now)).toMatchObject({ ok: true, data: { created: true } });
    const row = getDb().select().from(schema.establishments).where(eq(schema.establishments.id, id)).get()!;
    expect(row).toMatchObject({ state: 'NM', naicsCode: '512110', peakEmployees: 140, productionId: s.production.id });
    expect(saveEstablishmentCore(s.actors.producer, { ...est(id), city: 'Albuquerque' }, now)).toMatchObject({ ok: true, data: { created: false } });
    expect(saveEstablishmentCore(s.actors.producer, { ...est(id), city: 'Albuquerque' }, now)).toMatchObject({ ok: true });
    expect(audits(id)).toEqual(['osha.establishment_create', 'osha.establishment_update']);
    expect(saveEstablishmentCore(s.actors.crew, est(randomUUID()), now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(saveEstablishmentCore(s.actors.auditor, est(randomUUID()), now)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses a malformed NAICS, zip or EIN with a message per field', () => {
    const res = saveEstablishmentCore(s.actors.producer, { ...est(randomUUID()), naicsCode: '5121', zip: '875', ein: '12' }, now);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(Object.keys(res.fieldErrors ?? {}).sort()).toEqual(['ein', 'naicsCode', 'zip']);
  });

  it('another production’s establishment is not found, and is not changed', () => {
    const theirs = randomUUID();
    expect(saveEstablishmentCore(other.actors.producer, est(theirs, 'Theirs'), now).ok).toBe(true);
    expect(saveEstablishmentCore(s.actors.producer, est(theirs, 'Mine now'), now)).toMatchObject({ ok: false, code: 'not_found' });
    expect(saveEstablishmentYearCore(s.actors.producer, { establishmentId: theirs, year: '2026', annualAverageEmployees: '1', totalHoursWorked: '1', certifierName: '', certifierTitle: '', certifierPhone: '', certifiedOn: '' }, now)).toMatchObject({ ok: false, code: 'not_found' });
    expect(getDb().select().from(schema.establishments).where(eq(schema.establishments.id, theirs)).get()?.name).toBe('Theirs');
  });
});

describe('the log of an establishment and year', () => {
  it('holds the recordable cases put on it, by the calendar year in the production’s zone; a privacy case shows no name; ITA rows carry no name', () => {
    const id = randomUUID();
    expect(saveEstablishmentCore(s.actors.producer, est(id, 'Stage 7'), now).ok).toBe(true);
    // 23:30 on New Year's Eve in Denver is 2027 in UTC: it belongs to 2026's log.
    const late = fileCase('2026-12-31T23:30', 'Nora Late');
    const privacy = fileCase('2026-06-01T10:00', 'Pia Private', 'mental_illness');
    const next = fileCase('2027-01-02T09:00', 'Ned Next');
    expect(unassignedCases(s.actors.auditor).map((c) => c.person.id)).toEqual(expect.arrayContaining([late, privacy, next]));
    for (const [personId, job] of [[late, 'Grip'], [privacy, 'Gaffer'], [next, 'Medic']]) {
      expect(assignCaseCore(s.actors.producer, { personId, establishmentId: id, jobTitle: job }, now).ok).toBe(true);
    }
    expect(assignCaseCore(s.actors.armorer, { personId: late, establishmentId: '', jobTitle: '' }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(assignCaseCore(other.actors.producer, { personId: late, establishmentId: '', jobTitle: '' }, now)).toMatchObject({ ok: false, code: 'not_found' });

    const log2026 = logCases(s.actors.auditor, id, 2026);
    expect(log2026.map((c) => [c.logName, c.person.jobTitle, c.date])).toEqual([['Privacy case', 'Gaffer', '2026-06-01'], ['Nora Late', 'Grip', '2026-12-31']]);
    expect(logCases(s.actors.producer, id, 2027).map((c) => c.logName)).toEqual(['Ned Next']);
    expect(() => logCases(s.actors.crew, id, 2026)).toThrow();

    expect(saveEstablishmentYearCore(s.actors.producer, { establishmentId: id, year: '2026', annualAverageEmployees: '100', totalHoursWorked: '150000', certifierName: 'Pat', certifierTitle: 'Producer', certifierPhone: '', certifiedOn: '2027-01-05' }, now).ok).toBe(true);
    const y = oshaYear(s.actors.producer, id, 2026)!;
    expect(y.totals).toMatchObject({ otherCases: 2, byType: { injury: 2 } });
    const rows = itaRows(y);
    expect(rows.summary[0]).toMatchObject({ annual_average_employees: '100', total_other_cases: '2', no_injuries_illnesses: '1' });
    expect(JSON.stringify(rows)).not.toMatch(/Nora Late|Pia Private/);
    expect(audits(id)).toEqual(['osha.establishment_create', 'osha.establishment_year']);
  });
});
