// Reads audit chains straight from SQLite for verification. No 'server-only': the
// `npm run audit:verify` script and the tamper tests use it with their own connection.
import type Database from 'better-sqlite3';
import { readChainHeads, type ChainHead, type ChainHeads } from './chain-heads';
import type { Tx } from './client';
import { chainHeadsPath } from './paths';
import { perConnection } from './per-connection';
import { checkKeptHeads, combine, notingHashes, verifyChain, type ChainReport, type ChainRow, type KeptHead, type VerifyReport } from '../app/lib/audit-verify';

const ROW_SQL = `select chain, seq, at, actor_id as actorId, actor_label as actorLabel, entity, entity_id as entityId,
  action, before, after, prev_hash as prevHash, hash from audit_log where chain = ? order by seq`;

function verifyOne(sqlite: Database.Database, chain: string, heads: ChainHeads, kept: readonly KeptHead[] = []): ChainReport {
  // .iterate() streams rows in seq order (the audit_chain_seq index): a long chain is not held in memory.
  const read = () => sqlite.prepare(ROW_SQL).iterate(chain) as IterableIterator<ChainRow>;
  const mine = kept.filter((k) => k.chain === chain);
  const hashAt = new Map<number, string>();
  const report = verifyChain(chain, notingHashes(read(), new Set(mine.map((k) => k.seq)), hashAt), heads[chain], read);
  return checkKeptHeads(report, hashAt, mine);
}

/**
 * A kept head typed without its chain (`--expect <seq>:<hash>`) belongs to the chain whose entry at
 * that position has that hash: the hash covers the chain id, so at most one chain can match.
 */
function resolveChain(sqlite: Database.Database, k: KeptHead, inDb: string[]): KeptHead {
  if (k.chain) return k;
  const hit = sqlite.prepare('select chain from audit_log where seq = ? and hash = ? limit 1').get(k.seq, k.hash) as { chain: string } | undefined;
  if (hit) return { ...k, chain: hit.chain };
  // No chain holds it: check it against the one production chain there is, else against them all.
  const productions = inDb.filter((c) => c !== 'site');
  return { ...k, chain: productions.length === 1 ? productions[0] : '*' };
}

/**
 * Verifies `chains` (default: every chain in the database and in the head file).
 * The head file is read BEFORE the rows: heads are written after commit, so a write landing
 * meanwhile makes the database look ahead of the head (a benign lag), never behind it (which
 * would be a false "cut short"). A lag is then re-checked against a fresh read of the file.
 */
export function verifyDatabase(sqlite: Database.Database, opts: { headsFile?: string; chains?: string[]; kept?: KeptHead[] } = {}): VerifyReport {
  const headsFile = opts.headsFile ?? chainHeadsPath();
  const heads = readChainHeads(headsFile);
  let kept: KeptHead[] = [];
  const reports = sqlite.transaction(() => {
    const inDb = (sqlite.prepare('select chain from audit_log group by chain order by chain').all() as { chain: string }[]).map((r) => r.chain);
    kept = (opts.kept ?? []).flatMap((k) => {
      const r = resolveChain(sqlite, k, inDb);
      return r.chain === '*' ? inDb.map((chain) => ({ ...k, chain })) : [r];
    });
    const wanted = opts.chains ?? [...new Set([...inDb, ...Object.keys(heads), ...kept.map((k) => k.chain)])].sort();
    return wanted.map((chain) => verifyOne(sqlite, chain, heads, kept));
  })();
  const lagging = reports.filter((r) => r.warnings.some((w) => w.kind === 'head_lagging'));
  if (lagging.length) {
    const fresh = readChainHeads(headsFile);
    sqlite.transaction(() => {
      for (const r of lagging) {
        if (fresh[r.chain] && fresh[r.chain].seq > (r.head?.seq ?? 0)) reports[reports.indexOf(r)] = verifyOne(sqlite, r.chain, fresh, kept);
      }
    })();
  }
  return { ...combine(reports), kept };
}

/**
 * The newest entry of a chain as stored in the database: what every write links to (`appendAudit`),
 * and the head that exports, reports and receipts print. The one place that reads it.
 *
 * The index is named (ARCHITECTURE.md: audit and messages): statistics gathered by ANALYZE before a
 * newer index on (chain, …) existed lack that index, SQLite then costs it at a few rows a chain, takes
 * `audit_chain_options` and sorts the whole chain for `order by seq desc` (1M entries: 4.3 s a write).
 * On `audit_chain_seq` (chain, seq) the head is one index step whatever the statistics say.
 */
export const CHAIN_HEAD_SQL = 'select seq, hash from audit_log indexed by audit_chain_seq where chain = ? order by seq desc limit 1';

// Prepared once per connection: every write reads it.
const headStatement = perConnection((sqlite: Database.Database) => sqlite.prepare<[string], ChainHead>(CHAIN_HEAD_SQL));

export function chainHeadOf(sqlite: Database.Database, chain: string): ChainHead | null {
  return headStatement(sqlite).get(chain) ?? null;
}

/** `chainHeadOf` inside a drizzle transaction, read on the transaction's own connection (same snapshot). */
export function chainHeadIn(tx: Tx, chain: string): ChainHead | null {
  return chainHeadOf(connectionOf(tx), chain);
}

/**
 * The better-sqlite3 connection a drizzle transaction runs on. drizzle keeps it on the transaction's
 * session and does not expose it (drizzle-orm is pinned to one version); a different shape fails
 * here loudly rather than reading another connection outside the transaction's snapshot.
 */
function connectionOf(tx: Tx): Database.Database {
  const client = (tx as unknown as { session?: { client?: Database.Database } }).session?.client;
  if (typeof client?.prepare !== 'function') throw new Error('drizzle transaction without its better-sqlite3 connection (drizzle-orm internals changed)');
  return client;
}
