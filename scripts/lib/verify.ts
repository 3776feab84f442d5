// Walks every audit chain of a database file (used by scripts that have no app context).
import Database from 'better-sqlite3';
import { entryHash, GENESIS } from '../../app/lib/audit';

export type ChainResult = { chain: string; ok: boolean; entries: number; problem?: string };

export function verifyDatabase(file: string): ChainResult[] {
  const db = new Database(file, { readonly: true });
  const chains = db.prepare('select distinct chain from audit_log order by chain').all() as { chain: string }[];
  const out: ChainResult[] = [];
  for (const { chain } of chains) {
    const rows = db.prepare('select * from audit_log where chain = ? order by seq').all(chain) as Record<string, never>[];
    let prev = GENESIS;
    let problem: string | undefined;
    for (let i = 0; i < rows.length && !problem; i++) {
      const r = rows[i];
      if (r.seq !== i + 1) problem = `entry ${i + 1} is missing (found seq ${r.seq})`;
      else if (r.prev_hash !== prev) problem = `entry ${r.seq} does not link to entry ${i}`;
      else {
        const h = entryHash(prev, { chain, seq: r.seq, at: r.at, actorId: r.actor_id, actorLabel: r.actor_label, entity: r.entity, entityId: r.entity_id, action: r.action, before: r.before, after: r.after });
        if (h !== r.hash) problem = `entry ${r.seq} was edited`;
        prev = r.hash;
      }
    }
    out.push({ chain, ok: !problem, entries: rows.length, problem });
  }
  db.close();
  return out;
}
