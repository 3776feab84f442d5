import '../testing/temp-db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { deliveries } from '@/db/schema';
import { callHoldCore } from '../incidents/holds';
import { actorOf, join, makeProduction, makeUser } from '../testing/world';
import { digestText, enqueueDailyDigests } from './digest';

let show = '';
let producer = '';
let armorer = '';
let crew = '';
const digests = () => getDb().select().from(deliveries).where(and(eq(deliveries.kind, 'digest'), eq(deliveries.productionId, show))).all();

beforeAll(async () => {
  show = makeProduction('Digest Show').id; // America/Denver
  producer = (await makeUser('prod@digest.test')).id;
  armorer = (await makeUser('arm@digest.test')).id;
  crew = (await makeUser('crew@digest.test')).id;
  join(show, producer, 'producer');
  join(show, armorer, 'armorer');
  join(show, crew, 'crew');
  callHoldCore(actorOf(crew, show), { reason: 'Unsafe rigging over the set' }, new Date('2026-12-01T09:00:00Z'));
});

describe('the daily digest', () => {
  it('waits for the digest hour in the production’s zone, then writes one per producer and armorer, once', () => {
    expect(enqueueDailyDigests(new Date('2026-12-01T13:59:00Z'))).toBe(0); // 06:59 Denver
    expect(enqueueDailyDigests(new Date('2026-12-01T14:00:00Z'))).toBe(2); // 07:00 Denver
    expect(enqueueDailyDigests(new Date('2026-12-01T20:00:00Z'))).toBe(0); // same local day: nothing twice
    expect(digests().map((d) => d.userId).sort()).toEqual([producer, armorer].sort());
    expect(digests()[0].subject).toContain('1 item need');
    expect(digests()[0].text).toContain('1 stop-work hold stands');
    // The next local day in Denver (Dec 2 07:00 = 14:00Z) gets its own.
    expect(enqueueDailyDigests(new Date('2026-12-02T14:00:00Z'))).toBe(2);
    expect(digests()).toHaveLength(4);
  });

  it('says plainly when nothing waits', () => {
    expect(digestText('Show', '2026-12-01', { openHolds: 0, untriaged: 0, actionsDue: 0, awaitingWitnesses: 0 }).subject).toBe('Show: nothing waits for you (2026-12-01)');
  });
});
