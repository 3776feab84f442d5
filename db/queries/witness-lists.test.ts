// A witness's checks and home list stay bounded and exact however many checks name them
// (ARCHITECTURE.md: performance budget): the newest first, what waits counted in full, and the
// same answer by either way of finding them (among the newest checks, or from the member's rows).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

createTempDatabase();
process.env.NEXTAUTH_SECRET = 'unit-test-secret';
const { listChecksAwaiting, listChecksNaming } = await import('./checks');
const { listWaitingFor } = await import('./home');
const { getSqlite } = await import('@/db/client');

const t0 = Date.parse('2026-11-24T15:00:00Z');
type World = Awaited<ReturnType<typeof seedProduction>>;
let s: World;
/** Every check written, oldest first: who it names and whether each confirmed. */
const written: { id: string; at: number; crew: 'pending' | 'confirmed' | 'declined' | null; actor: boolean }[] = [];

beforeAll(async () => {
  s = await seedProduction({ now: new Date(t0) });
  const sq = getSqlite();
  const firearm = randomUUID();
  sq.prepare("insert into firearms (id, production_id, tag, make, model, kind, created_at) values (?, ?, 'G-1', 'M', 'X', 'blank_firing', 0)").run(firearm, s.production.id);
  const chk = sq.prepare("insert into firearm_checks (id, production_id, firearm_id, phase, scene, checklist, result, performed_by_id, performed_at) values (?, ?, ?, 'before_use', ?, '{}', 'pass', ?, ?)");
  const wit = sq.prepare('insert into check_witnesses (check_id, user_id, confirmed_at, declined_at) values (?, ?, ?, ?)');
  sq.exec('begin');
  // 6,000 checks (more than the newest-checks window): the crew member is named on every third,
  // the actor on only three, long ago; some of the crew member's stay unconfirmed or are declined.
  for (let i = 0; i < 6_000; i++) {
    const id = randomUUID();
    const at = t0 - (6_000 - i) * 60_000;
    chk.run(id, s.production.id, firearm, `Setup ${i % 40}`, s.actors.armorer.userId, at);
    let crew: (typeof written)[number]['crew'] = null;
    if (i % 3 === 0) {
      crew = i % 7 === 0 ? 'pending' : i % 11 === 0 ? 'declined' : 'confirmed';
      wit.run(id, s.actors.crew.userId, crew === 'confirmed' ? at + 1 : null, crew === 'declined' ? at + 1 : null);
    }
    const actor = i === 5 || i === 50 || i === 500;
    if (actor) wit.run(id, s.actors.actor.userId, null, null);
    written.push({ id, at, crew, actor });
  }
  sq.exec('commit');
});

const newestFirst = (rows: typeof written) => [...rows].sort((a, b) => b.at - a.at).map((r) => r.id);

describe('a witness’s checks', () => {
  it('lists the newest checks naming a regular witness, from among the newest checks', () => {
    const got = listChecksNaming(s.actors.crew, 200).map((c) => c.id);
    expect(got).toEqual(newestFirst(written.filter((w) => w.crew)).slice(0, 200));
  });

  it('finds a rare witness’s checks from their own rows, however old', () => {
    expect(listChecksNaming(s.actors.actor, 200).map((c) => c.id)).toEqual(newestFirst(written.filter((w) => w.actor)));
  });

  it('counts every check awaiting the member and lists the newest, none hidden behind confirmed ones', () => {
    const pending = newestFirst(written.filter((w) => w.crew === 'pending'));
    expect(pending.length).toBeGreaterThan(50);
    const { items, total } = listChecksAwaiting(s.actors.crew, 50);
    expect(total).toBe(pending.length);
    expect(items.map((c) => c.id)).toEqual(pending.slice(0, 50));
    expect(items.every((c) => c.witnesses.some((w) => w.userId === s.actors.crew.userId && !w.confirmedAt && !w.declinedAt))).toBe(true);
  });

  it('lists nothing for a role that does not witness', () => {
    expect(listChecksNaming(s.actors.auditor)).toEqual([]);
    expect(listChecksAwaiting(s.actors.auditor)).toEqual({ items: [], total: 0 });
  });
});

describe('the home list', () => {
  it('names the ten newest checks awaiting the member and counts the rest in one line', () => {
    const pending = newestFirst(written.filter((w) => w.crew === 'pending'));
    const items = listWaitingFor(s.actors.crew, new Date(t0)).filter((i) => i.kind === 'witness');
    expect(items.slice(0, 10).map((i) => i.key)).toEqual(pending.slice(0, 10).map((id) => `w-${id}`));
    expect(items[10]).toMatchObject({ key: 'w-more', more: pending.length - 10, urgent: true });
    expect(items).toHaveLength(11);
  });
});
