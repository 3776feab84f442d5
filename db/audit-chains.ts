// Reads audit chains straight from SQLite for verification. No 'server-only': the
// `npm run audit:verify` script and the tamper tests use it with their own connection.
import type Database from 'better-sqlite3';
import { readChainHeads, type ChainHeads } from './chain-heads';
import { chainHeadsPath } from './paths';
import { combine, verifyChain, type ChainReport, type ChainRow, type VerifyReport } from '../app/lib/audit-verify';

const ROW_SQL = `select chain, seq, at, actor_id as actorId, actor_label as actorLabel, entity, entity_id as entityId,
  action, before, after, prev_hash as prevHash, hash from audit_log where chain = ? order by seq`;

function verifyOne(sqlite: Database.Database, chain: string, heads: ChainHeads): ChainReport {
  // .iterate() streams rows in seq order (the audit_chain_seq index): a long chain is not held in memory.
  const rows = sqlite.prepare(ROW_SQL).iterate(chain) as IterableIterator<ChainRow>;
  return verifyChain(chain, rows, heads[chain]);
}

/**
 * Verifies `chains` (default: every chain in the database and in the head file).
 * The head file is read BEFORE the rows: heads are written after commit, so a write landing
 * meanwhile makes the database look ahead of the head (a benign lag), never behind it (which
 * would be a false "cut short"). A lag is then re-checked against a fresh read of the file.
 */
export function verifyDatabase(sqlite: Database.Database, opts: { headsFile?: string; chains?: string[] } = {}): VerifyReport {
  const headsFile = opts.headsFile ?? chainHeadsPath();
  const heads = readChainHeads(headsFile);
  const reports = sqlite.transaction(() => {
    const inDb = (sqlite.prepare('select chain from audit_log group by chain order by chain').all() as { chain: string }[]).map((r) => r.chain);
    const wanted = opts.chains ?? [...new Set([...inDb, ...Object.keys(heads)])].sort();
    return wanted.map((chain) => verifyOne(sqlite, chain, heads));
  })();
  const lagging = reports.filter((r) => r.warnings.some((w) => w.kind === 'head_lagging'));
  if (lagging.length) {
    const fresh = readChainHeads(headsFile);
    sqlite.transaction(() => {
      for (const r of lagging) {
        if (fresh[r.chain] && fresh[r.chain].seq > (r.head?.seq ?? 0)) reports[reports.indexOf(r)] = verifyOne(sqlite, r.chain, fresh);
      }
    })();
  }
  return combine(reports);
}

/** The newest entry of a chain as stored in the database: what exports and reports print. */
export function chainHeadOf(sqlite: Database.Database, chain: string): { seq: number; hash: string } | null {
  return (sqlite.prepare('select seq, hash from audit_log where chain = ? order by seq desc limit 1').get(chain) as { seq: number; hash: string } | undefined) ?? null;
}
