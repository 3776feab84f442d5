// The counts the verdict weighs (untriagedIncidents) against a real database, through the cores.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
const { fileIncidentCore } = await import('@/app/lib/incidents/core');
const { setIncidentStatusCore } = await import('@/app/lib/incidents/workflow');
const D = await import('./dashboard');
const { safetyVerdict } = await import('@/app/lib/rules/verdict');

let s: Awaited<ReturnType<typeof seedProduction>>;
const now = new Date('2026-11-24T15:00:00Z');
const file = (type: string) => {
  const id = randomUUID();
  const res = fileIncidentCore(s.actors.crew, { id, type, description: `A ${type} report`, location: 'Stage 2' }, now);
  expect(res.ok).toBe(true);
  return id;
};

beforeAll(async () => {
  s = await seedProduction();
});

describe('untriaged reports for the verdict', () => {
  it('a lone untriaged near miss asks for attention only', () => {
    file('near_miss');
    expect(D.untriagedIncidents(s.actors.producer)).toEqual({ critical: 0, criticalId: null, other: 1, openCritical: 0 });
  });

  it('an untriaged live round is named (rule 1 made it critical); once triaged it is open critical, not untriaged', () => {
    const live = file('live_ammunition_found');
    expect(D.untriagedIncidents(s.actors.producer)).toEqual({ critical: 1, criticalId: live, other: 1, openCritical: 0 });
    // With its hold the verdict cannot be green, whatever else.
    const v = safetyVerdict({ holds: 1, untriagedCritical: 1, untriagedCriticalId: live, overdueLegal: 0, overdueActions: 0, weaponsNotBack: 0, untriagedOther: 1, openCritical: 0, recentFlags: 0, checksAwaitingWitness: 0, compliance: null });
    expect(v.level).toBe('stop');
    expect(setIncidentStatusCore(s.actors.producer, { incidentId: live, status: 'investigating' }, now).ok).toBe(true);
    expect(D.untriagedIncidents(s.actors.producer)).toEqual({ critical: 0, criticalId: null, other: 1, openCritical: 1 });
  });

  it('two untriaged critical reports are counted, with no single link', () => {
    file('accidental_discharge');
    file('live_ammunition_found');
    expect(D.untriagedIncidents(s.actors.producer)).toMatchObject({ critical: 2, criticalId: null });
  });

  it('is a dashboard figure: refused to crew', () => {
    expect(() => D.untriagedIncidents(s.actors.crew)).toThrow();
  });
});
