// The safety meetings list: every meeting for those who view firearms, the meetings naming them
// for anyone else, newest first, at most `limit` (ARCHITECTURE.md: performance budget).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
const { recordMeeting } = await import('@/app/lib/firearms/meetings');
const { ok } = await import('@/app/lib/testing/world');
const { listMeetings } = await import('./meetings');

type Seed = Awaited<ReturnType<typeof seedProduction>>;
let s: Seed;
let other: Seed;
let clock = new Date('2026-11-20T15:00:00Z').getTime();
const tick = () => new Date((clock += 60_000));

beforeAll(async () => {
  s = await seedProduction({ now: new Date(clock) });
  other = await seedProduction({ title: 'Other', now: new Date(clock) });
  // Twelve days: the actor is named on every third, the 1st AD on every day.
  for (let d = 1; d <= 12; d++) {
    const date = `2026-11-${String(d + 2).padStart(2, '0')}`;
    const attendeeIds = [s.actors.ad.userId, ...(d % 3 === 0 ? [s.actors.actor.userId] : [])];
    ok(recordMeeting(s.actors.armorer, { id: randomUUID(), date, scene: `Day ${d}`, firearmsOnSet: true, blanksInUse: false, topics: '', attendeeIds }, tick()));
  }
  ok(recordMeeting(other.actors.armorer, { id: randomUUID(), date: '2026-11-05', scene: 'Elsewhere', firearmsOnSet: true, blanksInUse: false, topics: '', attendeeIds: [other.actors.actor.userId] }, tick()));
});

describe('listMeetings', () => {
  it('gives those who view firearms every meeting of the production, newest first', () => {
    const all = listMeetings(s.actors.producer);
    expect(all.map((m) => m.scene)).toEqual(Array.from({ length: 12 }, (_, i) => `Day ${12 - i}`));
    expect(listMeetings(s.actors.armorer, 5).map((m) => m.scene)).toEqual(['Day 12', 'Day 11', 'Day 10', 'Day 9', 'Day 8']);
  });

  it('gives anyone else only the meetings naming them, newest first, up to the limit', () => {
    expect(listMeetings(s.actors.actor).map((m) => m.scene)).toEqual(['Day 12', 'Day 9', 'Day 6', 'Day 3']);
    expect(listMeetings(s.actors.actor, 2).map((m) => m.scene)).toEqual(['Day 12', 'Day 9']);
    expect(listMeetings(s.actors.actor)[0].attendees.map((a) => a.userId).sort()).toEqual([s.actors.ad.userId, s.actors.actor.userId].sort());
    // Named on none: the camera operator sees none; the other production's meeting never shows.
    expect(listMeetings(s.actors.crew)).toEqual([]);
    expect(listMeetings(other.actors.actor).map((m) => m.scene)).toEqual(['Elsewhere']);
  });
});
