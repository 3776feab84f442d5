import { tempDb } from './testing/temp-db';
import fs from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, getSqlite, write } from '@/db/client';
import { readChainHeads } from '@/db/chain-heads';
import { auditLog } from '@/db/schema';
import { appendAudit, entryHash, GENESIS, SITE_CHAIN, type HashedFields } from './audit';

const entry = (chain: string, n: number, extra: Partial<Parameters<typeof appendAudit>[1]> = {}) => ({
  chain,
  actorId: 'user-1',
  actorLabel: 'Tess Tester',
  entity: 'thing',
  entityId: `thing-${n}`,
  action: 'thing.change' as const,
  before: { n: n - 1 },
  after: { n },
  at: new Date(Date.UTC(2026, 10, 2, 12, 0, n)),
  ...extra,
});

const rows = (chain: string) => getDb().select().from(auditLog).where(eq(auditLog.chain, chain)).orderBy(asc(auditLog.seq)).all();

function recompute(r: typeof auditLog.$inferSelect): string {
  const f: HashedFields = {
    chain: r.chain, seq: r.seq, at: r.at.getTime(), actorId: r.actorId, actorLabel: r.actorLabel,
    entity: r.entity, entityId: r.entityId, action: r.action, before: r.before, after: r.after,
  };
  return entryHash(r.prevHash, f);
}

describe('audit helper', () => {
  it('links each entry to the one before, from the genesis hash', () => {
    write((tx) => {
      for (let i = 1; i <= 3; i++) appendAudit(tx, entry('prod-a', i));
    });
    const a = rows('prod-a');
    expect(a.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(a[0].prevHash).toBe(GENESIS);
    expect(a[1].prevHash).toBe(a[0].hash);
    expect(a[2].prevHash).toBe(a[1].hash);
    for (const r of a) expect(recompute(r)).toBe(r.hash);
    expect(JSON.parse(a[2].after!)).toEqual({ n: 3 });
  });

  it('keeps one chain per production plus the site chain, each from its own genesis', () => {
    write((tx) => {
      appendAudit(tx, entry('prod-b', 1));
      appendAudit(tx, entry(SITE_CHAIN, 1));
      appendAudit(tx, entry('prod-b', 2));
      appendAudit(tx, entry('prod-a', 4));
    });
    const b = rows('prod-b');
    expect(b.map((r) => r.seq)).toEqual([1, 2]);
    expect(b[0].prevHash).toBe(GENESIS);
    expect(b[1].prevHash).toBe(b[0].hash);
    expect(rows(SITE_CHAIN)[0].prevHash).toBe(GENESIS);
    const a = rows('prod-a');
    expect(a.at(-1)!.seq).toBe(4);
    expect(a.at(-1)!.prevHash).toBe(a.at(-2)!.hash);
  });

  it('changes the hash when any hashed field changes', () => {
    const r = rows('prod-a')[0];
    const base = recompute(r);
    expect(recompute({ ...r, after: '{"n":99}' })).not.toBe(base);
    expect(recompute({ ...r, actorLabel: 'Someone Else' })).not.toBe(base);
    expect(recompute({ ...r, at: new Date(r.at.getTime() + 1) })).not.toBe(base);
    expect(recompute({ ...r, prevHash: '1'.repeat(64) })).not.toBe(base);
  });

  it('writes each chain head to the head file in the data folder after commit', () => {
    const file = path.join(tempDb.dir, 'chain-heads.json');
    const heads = JSON.parse(fs.readFileSync(file, 'utf8')) as ReturnType<typeof readChainHeads>;
    for (const chain of ['prod-a', 'prod-b', SITE_CHAIN]) {
      const last = rows(chain).at(-1)!;
      expect(heads[chain]).toEqual({ seq: last.seq, hash: last.hash });
    }
  });

  it('adds nothing, and moves no head, when the transaction rolls back', () => {
    const before = rows('prod-a').length;
    const headBefore = readChainHeads()['prod-a'];
    expect(() =>
      write((tx) => {
        appendAudit(tx, entry('prod-a', 50));
        throw new Error('the change failed');
      }),
    ).toThrow('the change failed');
    expect(rows('prod-a').length).toBe(before);
    expect(readChainHeads()['prod-a']).toEqual(headBefore);
  });

  it('refuses UPDATE and DELETE on the audit table (triggers)', () => {
    const sqlite = getSqlite();
    expect(() => sqlite.prepare("update audit_log set action = 'forged' where chain = 'prod-a'").run()).toThrow(/append-only: UPDATE refused/);
    expect(() => sqlite.prepare("delete from audit_log where chain = 'prod-a'").run()).toThrow(/append-only: DELETE refused/);
    expect(() => getDb().update(auditLog).set({ actorLabel: 'x' }).run()).toThrow(/UPDATE refused/);
    expect(() => getDb().delete(auditLog).run()).toThrow(/DELETE refused/);
    expect(rows('prod-a').every((r) => r.action === 'thing.change')).toBe(true);
  });

  it('refuses a second entry with the same chain and sequence (no fork)', () => {
    const last = rows('prod-b').at(-1)!;
    expect(() =>
      getSqlite()
        .prepare('insert into audit_log (chain, seq, at, actor_id, actor_label, entity, entity_id, action, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?)')
        .run('prod-b', last.seq, Date.now(), null, 'x', 'thing', 't', 'fork', last.prevHash, 'f'.repeat(64)),
    ).toThrow(/UNIQUE/);
  });

  it('redacts secrets from before/after', () => {
    write((tx) => appendAudit(tx, entry('prod-c', 1, { after: { email: 'a@b.c', passwordHash: 'scrypt$...', tokenHash: 'abc', receiptHash: null } })));
    const after = JSON.parse(rows('prod-c')[0].after!);
    expect(after).toEqual({ email: 'a@b.c', passwordHash: '[redacted]', tokenHash: '[redacted]', receiptHash: null });
  });

  it('keeps the day only for anonymous filings, in the production’s time zone', () => {
    // 03:30 UTC on 3 Nov is still 2 Nov in Denver: kept as the start of 2 Nov there (00:00 MST).
    write((tx) => appendAudit(tx, entry('prod-d', 1, { at: new Date('2026-11-03T03:30:00Z'), actorId: null, actorLabel: 'anonymous', anonymousIn: { timeZone: 'America/Denver' } })));
    expect(rows('prod-d')[0].at.toISOString()).toBe('2026-11-02T07:00:00.000Z');
  });
});
