import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
process.env.NEXTAUTH_SECRET = 'unit-test-secret';
const { listNotifications } = await import('./notifications');
const { fileIncidentCore } = await import('@/app/lib/incidents/core');
const { acknowledgeSignal } = await import('@/app/lib/signals/core');
const { markNotificationRead } = await import('@/app/lib/notification-reads');
const { userActorOf } = await import('@/app/lib/testing/world');
const { getDb } = await import('@/db/client');
const schema = await import('@/db/schema');

const t0 = new Date('2026-11-24T15:00:00Z');
const at = (min: number) => new Date(t0.getTime() + min * 60_000);

describe('notifications list (rule 7 ordering)', () => {
  it('unacknowledged critical first, then newest first; read state kept; acknowledged ones fall back into time order', async () => {
    const s = await seedProduction({ now: t0 });
    const file = (type: 'live_ammunition_found' | 'unsafe_condition' | 'near_miss', min: number) => {
      const res = fileIncidentCore(s.actors.crew, { id: randomUUID(), type, description: `A ${type} at minute ${min}`, location: 'Stage 2' }, at(min));
      expect(res.ok).toBe(true);
    };
    file('live_ammunition_found', 0); // the oldest, and critical
    file('unsafe_condition', 10);
    file('near_miss', 20);
    const me = s.actors.producer.userId;
    const titles = () => listNotifications(me).map((n) => `${n.waitingForAcknowledgement ? '!' : ''}${n.title}`);
    const list = listNotifications(me);
    // rule 1 sends two messages about the live round (the hold, the report): both carry the signal
    expect(list.slice(0, 2).every((n) => n.waitingForAcknowledgement)).toBe(true);
    expect(list.slice(2).map((n) => n.title)).toEqual(['New report #3: Near miss', 'New report #2: Unsafe condition']);
    expect(list.slice(2).every((n) => !n.waitingForAcknowledgement)).toBe(true);

    // read state is kept and does not move a critical one down
    const critical = list[0];
    expect(markNotificationRead(userActorOf(me), { id: critical.id }, at(21)).ok).toBe(true);
    const after = listNotifications(me);
    expect(after[0].id === critical.id || after[1].id === critical.id).toBe(true);
    expect(after.find((n) => n.id === critical.id)?.readAt).toEqual(at(21));
    expect(after.filter((n) => n.readAt === null)).toHaveLength(3);

    // once a producer acknowledges, the messages sort by time like any other
    const [sig] = getDb().select().from(schema.signals).all().filter((x) => x.productionId === s.production.id);
    expect(acknowledgeSignal(s.actors.producer2, { signalId: sig.id }, at(22)).ok).toBe(true);
    expect(titles().slice(0, 2)).toEqual(['New report #3: Near miss', 'New report #2: Unsafe condition']);
    expect(titles().some((t) => t.startsWith('!'))).toBe(false);
  });
});

describe('the bell counts unread notifications no further than it shows', () => {
  it('equals the full count up to the cap, stops at the cap, and forgets read ones', async () => {
    const { countUnread, countUnreadUpTo } = await import('./notifications');
    const s = await seedProduction({ now: t0 });
    const me = s.actors.producer.userId;
    const before = countUnread(me);
    for (let k = 0; k < 5; k++) {
      const res = fileIncidentCore(s.actors.crew, { id: randomUUID(), type: 'unsafe_condition', description: `Loose cable ${k}`, location: 'Stage 2' }, at(30 + k));
      expect(res.ok).toBe(true);
    }
    const all = countUnread(me);
    expect(all).toBeGreaterThanOrEqual(before + 5);
    expect(countUnreadUpTo(me, all + 10)).toBe(all);
    expect(countUnreadUpTo(me, all)).toBe(all);
    expect(countUnreadUpTo(me, 3)).toBe(3);
    const [first] = listNotifications(me).filter((n) => n.readAt === null);
    expect(markNotificationRead(userActorOf(me), { id: first.id }, at(40)).ok).toBe(true);
    expect(countUnreadUpTo(me, all + 10)).toBe(all - 1);
  });
});
