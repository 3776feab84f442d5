import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, seedProduction } from '@/db/test-utils';

const tmp = createTempDatabase();
const { write } = await import('@/db/client');
const { fileIncidentTx } = await import('@/app/lib/incidents/file');
const { entryHash, GENESIS } = await import('@/app/lib/audit');
const { readChainHeads } = await import('@/db/chain-heads');
const { backup } = await import('./backup');

let s: Awaited<ReturnType<typeof seedProduction>>;
beforeAll(async () => {
  s = await seedProduction();
});

function fileOne(i: number) {
  write((tx) =>
    fileIncidentTx(tx, { productionId: s.production.id, timeZone: 'America/Denver', reporter: { userId: s.actors.crew.userId, label: 'crew' }, now: new Date() }, { id: randomUUID(), type: 'unsafe_condition', description: `load ${i} `.repeat(50), location: 'Stage 2' }),
  );
}

describe('npm run backup', () => {
  it('takes a consistent copy under concurrent writes whose chains verify against the copied heads', async () => {
    for (let i = 0; i < 300; i++) fileOne(i); // enough pages that the backup runs in several steps
    let writes = 0;
    const timer = setInterval(() => {
      for (let k = 0; k < 5; k++) fileOne(1000 + writes++);
    }, 1);
    const result = await backup(path.join(tmp, 'backup-1'));
    clearInterval(timer);
    expect(writes).toBeGreaterThan(0);

    const copy = new Database(path.join(result.dir, 'test.db'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const heads = readChainHeads(path.join(result.dir, 'chain-heads.json'));
    const chains = copy.prepare('select distinct chain from audit_log').all() as { chain: string }[];
    expect(chains.length).toBeGreaterThan(1);
    for (const { chain } of chains) {
      const rows = copy.prepare('select * from audit_log where chain = ? order by seq').all(chain) as Record<string, unknown>[];
      let prev = GENESIS;
      rows.forEach((r, idx) => {
        expect(r.seq).toBe(idx + 1);
        expect(r.prev_hash).toBe(prev);
        const h = entryHash(prev, {
          chain: r.chain as string, seq: r.seq as number, at: r.at as number, actorId: r.actor_id as string | null, actorLabel: r.actor_label as string,
          entity: r.entity as string, entityId: r.entity_id as string, action: r.action as string, before: r.before as string | null, after: r.after as string | null,
        });
        expect(r.hash).toBe(h);
        prev = h;
      });
      // The copied head is never ahead of the copied chain (no false "truncated" alarm on restore).
      if (heads[chain]) expect(heads[chain].seq).toBeLessThanOrEqual(rows.length);
    }
    copy.close();
    expect(fs.existsSync(path.join(result.dir, 'RESTORE.txt'))).toBe(true);
  });
});

describe('npm run backup: certificate scans', () => {
  it('copies the certificate scans beside the photos', async () => {
    const { certificatesDir } = await import('@/db/paths');
    fs.mkdirSync(certificatesDir(), { recursive: true });
    fs.writeFileSync(path.join(certificatesDir(), 'abc.pdf'), '%PDF-1.4\n%%EOF\n');
    const result = await backup(path.join(tmp, 'backup-certificates'));
    expect(fs.readFileSync(path.join(result.dir, 'certificates', 'abc.pdf'), 'utf8')).toBe('%PDF-1.4\n%%EOF\n');
    expect(fs.readFileSync(path.join(result.dir, 'RESTORE.txt'), 'utf8')).toContain('certificates/');
  });
});
