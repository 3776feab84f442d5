// The audit chain head under stale statistics (ARCHITECTURE.md: audit and messages): every write
// reads it, so its plan must not depend on what ANALYZE last saw. Statistics gathered before the
// index `audit_chain_options` existed have no row for it; SQLite then costs that index at a few rows
// a chain, takes it and sorts the whole chain for `order by seq desc`. The head query names
// `audit_chain_seq`, which answers it in one index step.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, writeWith } from './client';
import { CHAIN_HEAD_SQL, chainHeadIn, chainHeadOf } from './audit-chains';
import { appendAudit } from '../app/lib/audit';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsafe-head-plan-'));
const file = path.join(dir, 'setsafe.db');
const CHAINS = ['chain-a', 'chain-b', 'chain-c'];
const PER_CHAIN = 3000;
let handle: ReturnType<typeof openDatabase>;

const plan = (sql: string) =>
  (handle.sqlite.prepare(`explain query plan ${sql}`).all('chain-b') as { detail: string }[]).map((r) => r.detail);

beforeAll(() => {
  process.env.DATABASE_PATH = file; // the chain head file lands beside it
  const first = openDatabase(file);
  const ins = first.sqlite.prepare(
    "insert into audit_log (chain, seq, at, actor_id, actor_label, entity, entity_id, action, before, after, prev_hash, hash) values (?, ?, ?, null, 'x', 'incident', 'e', 'incident.update', null, '{}', ?, ?)",
  );
  first.sqlite.transaction(() => {
    for (const chain of CHAINS) for (let seq = 1; seq <= PER_CHAIN; seq++) ins.run(chain, seq, seq, `p${seq - 1}`, `${chain}-h${seq}`);
  })();
  first.sqlite.exec('ANALYZE');
  // Stale in the misleading way: the statistics of a database analysed before migration 0024
  // added audit_chain_options, while the older indexes keep theirs (this SQLite build also keeps
  // samples per index in sqlite_stat4).
  for (const table of ['sqlite_stat1', 'sqlite_stat4']) first.sqlite.prepare(`delete from ${table} where idx = 'audit_chain_options'`).run();
  first.sqlite.close();
  // A new connection loads the statistics as the server does at start.
  handle = openDatabase(file);
});

afterAll(() => {
  handle.sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the audit chain head with stale statistics', () => {
  it('misleads the planner when the index is not named (the case the named index guards against)', () => {
    const has = (idx: string) => (handle.sqlite.prepare('select (select count(*) from sqlite_stat1 where idx = ?) + (select count(*) from sqlite_stat4 where idx = ?)').pluck().get(idx, idx) as number) > 0;
    expect(has('audit_chain_seq')).toBe(true);
    expect(has('audit_chain_options')).toBe(false);
    const unnamed = plan('select seq, hash from audit_log where chain = ? order by seq desc limit 1');
    expect(unnamed.join('\n')).toContain('audit_chain_options');
    expect(unnamed.join('\n')).toContain('TEMP B-TREE');
  });

  it('reads the head on audit_chain_seq with no sort', () => {
    expect(CHAIN_HEAD_SQL).toContain('indexed by audit_chain_seq');
    const details = plan(CHAIN_HEAD_SQL);
    expect(details).toHaveLength(1);
    expect(details[0]).toMatch(/^SEARCH audit_log USING INDEX audit_chain_seq \(chain=\?\)$/);
  });

  it('gives the newest entry, outside and inside a transaction, and appendAudit links to it', () => {
    expect(chainHeadOf(handle.sqlite, 'chain-b')).toEqual({ seq: PER_CHAIN, hash: `chain-b-h${PER_CHAIN}` });
    expect(chainHeadOf(handle.sqlite, 'no-such-chain')).toBeNull();
    expect(handle.db.transaction((tx) => chainHeadIn(tx, 'chain-c'))).toEqual({ seq: PER_CHAIN, hash: `chain-c-h${PER_CHAIN}` });
    const added = writeWith(handle.db, (tx) =>
      appendAudit(tx, { chain: 'chain-b', actorId: null, actorLabel: 'test', entity: 'incident', entityId: 'e', action: 'incident.update', at: new Date('2026-03-01T12:00:00Z') }),
    );
    expect(added.seq).toBe(PER_CHAIN + 1);
    const row = handle.sqlite.prepare('select prev_hash as prevHash from audit_log where chain = ? and seq = ?').get('chain-b', added.seq) as { prevHash: string };
    expect(row.prevHash).toBe(`chain-b-h${PER_CHAIN}`);
    expect(chainHeadOf(handle.sqlite, 'chain-b')).toEqual(added);
  });
});
