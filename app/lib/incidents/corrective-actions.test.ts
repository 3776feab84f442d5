import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
const { getDb } = await import('@/db/client');
const schema = await import('@/db/schema');
const { eq } = await import('drizzle-orm');
const { fileIncidentCore } = await import('./core');
const { addCorrectiveActionCore, completeCorrectiveActionCore } = await import('./corrective-actions');
const { addCommentCore } = await import('./comments');
const { getIncidentDetail, listMyCorrectiveActions } = await import('@/db/queries/incidents');

type Seed = Awaited<ReturnType<typeof seedProduction>>;
let s: Seed;
const now = new Date('2026-11-24T15:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

beforeAll(async () => {
  s = await seedProduction();
});

function file(who: keyof Seed['actors'], type: string) {
  const res = fileIncidentCore(s.actors[who], { id: randomUUID(), type, description: 'Something happened', location: 'Stage 2' }, now);
  if (!res.ok) throw new Error(res.message);
  return res.data;
}
const actionRow = (id: string) => getDb().select().from(schema.correctiveActions).where(eq(schema.correctiveActions.id, id)).get()!;
const notes = (userId: string) => getDb().select().from(schema.notifications).where(eq(schema.notifications.userId, userId)).all();

describe('corrective actions', () => {
  it('whoever triages adds one; its owner is told; bad owners and past dates are refused', () => {
    const inc = file('actor', 'unsafe_condition');
    const add = (who: keyof Seed['actors'], v: Record<string, unknown>) => addCorrectiveActionCore(s.actors[who], { incidentId: inc.id, what: 'Re-rig the walkway', dueDate: '2026-11-28', ownerId: s.actors.crew.userId, ...v }, now);
    expect(add('crew', {})).toMatchObject({ ok: false, code: 'forbidden' });
    expect(add('armorer', {})).toMatchObject({ ok: false, code: 'forbidden' });
    expect(add('auditor', {})).toMatchObject({ ok: false, code: 'forbidden' });
    expect(add('producer', { ownerId: s.actors.auditor.userId })).toMatchObject({ ok: false, code: 'invalid' });
    expect(add('producer', { dueDate: '2026-11-23' })).toMatchObject({ ok: false, code: 'invalid' });
    const res = add('producer', {});
    expect(res.ok).toBe(true);
    expect(notes(s.actors.crew.userId).some((n) => n.kind === 'corrective_action')).toBe(true);
  });

  it('the owner, a producer, or the armorer on firearm-related incidents marks it done — once', () => {
    const inc = file('actor', 'unsafe_condition');
    const mk = () => {
      const r = addCorrectiveActionCore(s.actors.producer, { incidentId: inc.id, what: 'Fix the rail', ownerId: s.actors.crew.userId, dueDate: '2026-11-30' }, now);
      if (!r.ok) throw new Error(r.message);
      return r.data.id;
    };
    const a = mk();
    expect(completeCorrectiveActionCore(s.actors.ad, { actionId: a }, now)).toMatchObject({ ok: false, code: 'not_found' });
    expect(completeCorrectiveActionCore(s.actors.armorer, { actionId: a }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(completeCorrectiveActionCore(s.actors.auditor, { actionId: a }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(actionRow(a).doneAt).toBeNull();
    expect(completeCorrectiveActionCore(s.actors.crew, { actionId: a }, now).ok).toBe(true); // the owner, who cannot open the incident
    expect(actionRow(a)).toMatchObject({ doneById: s.actors.crew.userId });
    expect(completeCorrectiveActionCore(s.actors.producer, { actionId: a }, now)).toMatchObject({ ok: false, code: 'conflict' });
    expect(completeCorrectiveActionCore(s.actors.producer, { actionId: mk() }, now).ok).toBe(true);
    const misfire = file('actor', 'misfire_malfunction');
    const b = addCorrectiveActionCore(s.actors.armorer, { incidentId: misfire.id, what: 'Replace the firing pin', ownerId: s.actors.producer.userId, dueDate: '2026-11-30' }, now);
    expect(b.ok && completeCorrectiveActionCore(s.actors.armorer, { actionId: b.data.id }, now).ok).toBe(true);
  });

  it('overdue ones are shown as overdue, by the production’s calendar', () => {
    const inc = file('actor', 'unsafe_condition');
    const r = addCorrectiveActionCore(s.actors.producer, { incidentId: inc.id, what: 'Replace the fire extinguisher', ownerId: s.actors.crew.userId, dueDate: '2026-11-25' }, now);
    expect(r.ok).toBe(true);
    // 25 Nov 23:30 in Denver is 26 Nov in UTC: still due today, not overdue
    expect(getIncidentDetail(s.actors.producer, inc.id, new Date('2026-11-26T06:30:00Z'))!.actions[0].overdue).toBe(false);
    expect(getIncidentDetail(s.actors.producer, inc.id, days(2))!.actions[0].overdue).toBe(true);
    const mine = listMyCorrectiveActions(s.actors.crew, days(2)).items.find((x) => r.ok && x.id === r.data.id)!;
    expect(mine).toMatchObject({ overdue: true, canOpen: false });
  });

  it('a member’s list stops at the limit, soonest due first, and counts them all', () => {
    const inc = file('actor', 'unsafe_condition');
    for (const dueDate of ['2026-12-20', '2026-12-10', '2026-12-15'])
      expect(addCorrectiveActionCore(s.actors.producer, { incidentId: inc.id, what: `Due ${dueDate}`, ownerId: s.actors.armorer.userId, dueDate }, now).ok).toBe(true);
    const all = listMyCorrectiveActions(s.actors.armorer, now);
    expect(all.total).toBe(all.items.length);
    const two = listMyCorrectiveActions(s.actors.armorer, now, 2);
    expect(two.items).toEqual(all.items.slice(0, 2));
    expect(two.total).toBe(all.total);
    expect(all.items.map((a) => a.dueDate)).toEqual([...all.items.map((a) => a.dueDate)].sort());
    expect(all.total).toBeGreaterThanOrEqual(3);
  });
});

describe('comments', () => {
  it('anyone who can see the report comments, except auditors; the reporter is told', () => {
    const inc = file('crew', 'other');
    expect(addCommentCore(s.actors.auditor, { incidentId: inc.id, body: 'Noted' }, now)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(addCommentCore(s.actors.actor, { incidentId: inc.id, body: 'Me too' }, now)).toMatchObject({ ok: false, code: 'not_found' });
    expect(addCommentCore(s.actors.armorer, { incidentId: inc.id, body: '' }, now)).toMatchObject({ ok: false, code: 'invalid' });
    const before = notes(s.actors.crew.userId).length;
    expect(addCommentCore(s.actors.armorer, { incidentId: inc.id, body: 'Which cart was it?' }, now).ok).toBe(true);
    expect(notes(s.actors.crew.userId).length).toBe(before + 1);
    expect(addCommentCore(s.actors.crew, { incidentId: inc.id, body: 'The one by the church door.' }, now).ok).toBe(true);
    expect(notes(s.actors.armorer.userId).at(-1)).toMatchObject({ kind: 'comment' });
    const d = getIncidentDetail(s.actors.crew, inc.id, now)!;
    expect(d.comments.map((c) => c.body)).toEqual(['Which cart was it?', 'The one by the church door.']);
    expect(d.timeline.filter((t) => t.what === 'Commented')).toHaveLength(2);
  });
});
