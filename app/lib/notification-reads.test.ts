import './testing/temp-db';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, notifications } from '@/db/schema';
import { markAllNotificationsRead, markNotificationRead } from './notification-reads';
import { makeProduction, makeUser, userActorOf } from './testing/world';

let show = '';
let me = '';
let you = '';

function notify(userId: string, productionId: string | null) {
  const id = randomUUID();
  getDb().insert(notifications).values({ id, userId, productionId, kind: 'hold_called', title: 'Hold called', createdAt: new Date() }).run();
  return id;
}
const unread = (userId: string) => getDb().select().from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).all().length;

beforeAll(async () => {
  show = makeProduction('Notify Show').id;
  me = (await makeUser('me@test.example', 'Mo Me')).id;
  you = (await makeUser('you@test.example', 'Yu You')).id;
});

describe('marking notifications read', () => {
  it('marks one of one’s own, audited on its production’s chain', () => {
    const id = notify(me, show);
    expect(markNotificationRead(userActorOf(me), { id })).toEqual({ ok: true, data: { marked: 1 } });
    expect(getDb().select().from(notifications).where(eq(notifications.id, id)).get()!.readAt).not.toBeNull();
    expect(getDb().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.chain, show))).get()!.action).toBe('notification.read');
    // Marking it again changes nothing and adds no entry.
    expect(markNotificationRead(userActorOf(me), { id })).toEqual({ ok: true, data: { marked: 0 } });
    expect(getDb().select().from(auditLog).where(eq(auditLog.entityId, id)).all()).toHaveLength(1);
  });

  it('answers not-found for someone else’s notification and leaves it unread', () => {
    const id = notify(you, show);
    expect(markNotificationRead(userActorOf(me), { id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(getDb().select().from(notifications).where(eq(notifications.id, id)).get()!.readAt).toBeNull();
  });

  it('marks all of one’s own and nobody else’s', () => {
    notify(me, show);
    notify(me, null);
    notify(you, show);
    const yours = unread(you);
    expect(markAllNotificationsRead(userActorOf(me), {})).toEqual({ ok: true, data: { marked: 2 } });
    expect(unread(me)).toBe(0);
    expect(unread(you)).toBe(yours);
    expect(markAllNotificationsRead(userActorOf(me), {})).toEqual({ ok: true, data: { marked: 0 } });
  });

  it('refuses malformed ids', () => {
    expect(markNotificationRead(userActorOf(me), { id: '' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(markNotificationRead(userActorOf(me), { id: { $ne: null } })).toMatchObject({ ok: false, code: 'invalid' });
  });
});
