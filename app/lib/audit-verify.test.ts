// verifyChain over a lazy walk (ARCHITECTURE.md: performance budget, growth): the first walk keeps
// no map of every hash; a second walk names the entry a broken link points at.
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS } from './audit';
import { verifyChain, type ChainRow } from './audit-verify';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const f = { chain: 'c', seq, at: 1_700_000_000_000 + seq, actorId: null, actorLabel: 'seed', entity: 'incident', entityId: `e${seq}`, action: 'incident.file', before: null, after: `{"n":${seq}}` };
    const hash = entryHash(prev, f);
    rows.push({ ...f, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('verifyChain', () => {
  it('is intact over a one-shot iterator', () => {
    const rows = chain(50);
    const r = verifyChain('c', rows.values(), { seq: 50, hash: rows[49].hash });
    expect(r.summary).toBe('intact, 50 entries');
  });

  it('names the entry a re-linked entry points at, from an array or from a second walk', () => {
    const rows = chain(6);
    // #4 re-hashed to link to #2: #3 was cut out of the chain's links.
    const { prevHash: _p, hash: _h, ...f } = rows[3];
    rows[3] = { ...f, prevHash: rows[1].hash, hash: entryHash(rows[1].hash, f) };
    const message = 'Entry #4 links to #2, not to #3: the chain was reordered around #3.';
    expect(verifyChain('c', rows, null).findings.map((x) => x.message)).toContain(message);
    let walks = 0;
    const walk = () => {
      walks++;
      return rows.values();
    };
    expect(verifyChain('c', walk(), null, walk).findings.map((x) => x.message)).toContain(message);
    expect(walks).toBe(2);
  });
});
