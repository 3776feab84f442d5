import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
const { fileIncidentCore } = await import('@/app/lib/incidents/core');
const { setIncidentStatusCore } = await import('@/app/lib/incidents/workflow');
const { listIncidents } = await import('./incidents');
const { parseIncidentFilters } = await import('@/app/lib/schemas/incidents');

type Seed = Awaited<ReturnType<typeof seedProduction>>;
let s: Seed;
let other: Seed;
const now = new Date('2026-11-24T15:00:00Z');
const ids: Record<string, string> = {};

beforeAll(async () => {
  s = await seedProduction();
  other = await seedProduction({ title: 'Other' });
  const file = (key: string, who: keyof Seed['actors'], input: Record<string, unknown>, seed = s) => {
    const r = fileIncidentCore(seed.actors[who], { id: randomUUID(), location: 'Stage 2', ...input }, now);
    if (!r.ok) throw new Error(r.message);
    ids[key] = r.data.id;
  };
  file('crewNear', 'crew', { type: 'near_miss', description: 'Boom swung low over the camera', occurredAt: '2026-11-20T10:00' });
  file('crewOther', 'crew', { type: 'other', description: 'Fire lane blocked by a truck 50%_off', occurredAt: '2026-11-22T23:30' });
  file('actorLive', 'actor', { type: 'live_ammunition_found', description: 'A live round in the dummy box', location: 'Prop truck' });
  file('producerInjury', 'producer', { type: 'injury', description: 'Hand burn from a squib', severity: 'high' });
  file('otherShow', 'crew', { type: 'near_miss', description: 'Other show boom' }, other);
  setIncidentStatusCore(s.actors.producer, { incidentId: ids.crewOther, status: 'investigating' }, now);
});

const list = (who: keyof Seed['actors'], q: Record<string, string> = {}, size?: number) => listIncidents(s.actors[who], parseIncidentFilters(q), size);
const idsOf = (r: ReturnType<typeof list>) => r.rows.map((x) => x.id).sort();

describe('incident list scope (permission matrix)', () => {
  it('crew see only their own reports', () => {
    expect(idsOf(list('crew'))).toEqual([ids.crewNear, ids.crewOther].sort());
    expect(idsOf(list('actor'))).toEqual([ids.actorLive]);
    expect(list('ad').total).toBe(0);
  });
  it('armorer, producer and auditor see every report of the production, and none of another', () => {
    const all = [ids.crewNear, ids.crewOther, ids.actorLive, ids.producerInjury].sort();
    for (const who of ['armorer', 'producer', 'auditor'] as const) expect(idsOf(list(who))).toEqual(all);
  });
});

describe('filters and paging', () => {
  it('status, type, severity', () => {
    expect(idsOf(list('producer', { status: 'investigating' }))).toEqual([ids.crewOther]);
    expect(list('producer', { status: 'open' }).total).toBe(4);
    expect(idsOf(list('producer', { type: 'live_ammunition_found' }))).toEqual([ids.actorLive]);
    expect(idsOf(list('producer', { severity: 'critical' }))).toEqual([ids.actorLive]);
    expect(idsOf(list('producer', { severity: 'high' }))).toEqual([ids.producerInjury]);
  });
  it('dates are days in the production’s time zone (occurrence, else filing)', () => {
    // 22 Nov 23:30 in Denver is 23 Nov in UTC: it belongs to the 22nd.
    expect(idsOf(list('producer', { from: '2026-11-22', to: '2026-11-22' }))).toEqual([ids.crewOther]);
    expect(idsOf(list('producer', { from: '2026-11-20', to: '2026-11-21' }))).toEqual([ids.crewNear]);
    expect(list('producer', { from: '2026-11-24' }).total).toBe(2);
  });
  it('words in the text, taken literally; a report number', () => {
    expect(idsOf(list('producer', { q: 'dummy box' }))).toEqual([ids.actorLive]);
    expect(idsOf(list('producer', { q: 'prop TRUCK' }))).toEqual([ids.actorLive]);
    expect(idsOf(list('producer', { q: '50%_' }))).toEqual([ids.crewOther]);
    expect(idsOf(list('producer', { q: '%' }))).toEqual([ids.crewOther]); // a literal percent sign, not a wildcard
    expect(list('producer', { q: '#3' }).rows.map((r) => r.number)).toEqual([3]);
    // crew's search stays inside their own reports
    expect(list('crew', { q: 'dummy' }).total).toBe(0);
  });
  it('pages, newest report first; bad parameters are ignored', () => {
    const p1 = list('producer', {}, 3);
    expect(p1).toMatchObject({ total: 4, page: 1, pageCount: 2 });
    expect(p1.rows.map((r) => r.number)).toEqual([4, 3, 2]);
    expect(list('producer', { page: '2' }, 3).rows.map((r) => r.number)).toEqual([1]);
    expect(list('producer', { page: '99' }, 3).page).toBe(2);
    expect(list('producer', { status: 'bogus', severity: '<script>', from: 'yesterday', page: '-1' }).total).toBe(4);
  });
});
