// Verifies the audit hash chains (ARCHITECTURE.md: audit trail). Pure over the rows and the heads kept
// outside the database: no Next, no database handle, so `npm run audit:verify`, the audit
// screen's button and the tamper tests all run the same code.
import { entryHash, GENESIS, type HashedFields } from './audit';
import type { ChainHead } from '@/db/chain-heads';

/** One stored entry as read from audit_log (times as epoch milliseconds). */
export type ChainRow = HashedFields & { prevHash: string; hash: string };

export type FindingKind =
  | 'edited' // content no longer matches its hash, or it was re-hashed and the next entry no longer links to it
  | 'removed' // a gap in the sequence
  | 'reordered' // an intact entry sits at another position than the one it was written at
  | 'duplicate' // two entries claim one position
  | 'truncated' // the database stops before the head kept outside it
  | 'rewritten' // every entry hashes, but the entry at the outside head differs: recomputed chain
  | 'chain_missing'; // the head file knows a chain the database no longer has

export type WarningKind = 'head_lagging' | 'no_head';

export type Finding = { kind: FindingKind; seqs: number[]; message: string };
export type Warning = { kind: WarningKind; message: string };

export type ChainReport = {
  chain: string;
  status: 'intact' | 'warning' | 'tampered';
  entries: number;
  /** The newest entry in the database. */
  last: ChainHead | null;
  /** The head kept outside the database, if any. */
  head: ChainHead | null;
  findings: Finding[];
  warnings: Warning[];
  summary: string;
};

export type VerifyReport = {
  status: 'intact' | 'warning' | 'tampered';
  entries: number;
  chains: ChainReport[];
  summary: string;
  /** Heads kept outside the server that were checked, each with the chain it belongs to. */
  kept?: KeptHead[];
};

/** Cap on the pairwise search that tells a moved entry from an edited one (O(n²) hashes). */
const MAX_REORDER_SEARCH = 200;

const fieldsOf = (r: ChainRow): HashedFields => ({
  chain: r.chain,
  seq: r.seq,
  at: r.at,
  actorId: r.actorId,
  actorLabel: r.actorLabel,
  entity: r.entity,
  entityId: r.entityId,
  action: r.action,
  before: r.before,
  after: r.after,
});

function describe(r: ChainRow): string {
  const at = Number.isFinite(r.at) ? new Date(r.at).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : 'unknown time';
  return `#${r.seq} (${r.action} on ${r.entity} ${r.entityId.slice(0, 8)}, ${at}, by ${r.actorLabel})`;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b && out.length < 10_000; i++) out.push(i);
  return out;
}

const span = (a: number, b: number) => (a === b ? `#${a}` : `#${a}–#${b}`);

/**
 * Walks one chain in seq order. `rows` may be a lazy iterator (better-sqlite3 `.iterate()`), so a
 * long chain is not held in memory (ARCHITECTURE.md: performance budget, growth); only entries that
 * fail are kept for the reorder analysis. `reread` walks the rows again when an entry links to
 * another than the one before it, to name the entry it links to (only then, and only those
 * hashes are kept); without it, an array of rows is walked again.
 */
export function verifyChain(chain: string, rows: Iterable<ChainRow>, head: ChainHead | undefined | null, reread?: () => Iterable<ChainRow>): ChainReport {
  const findings: Finding[] = [];
  const warnings: Warning[] = [];
  const failing: ChainRow[] = [];
  /** Entries whose own hash is right but whose link to the previous entry is not. */
  const linkBreaks: { row: ChainRow; prevSeq: number | null }[] = [];
  let prev: ChainRow | null = null;
  let expected = 1;
  let count = 0;
  let hashAtHeadSeq: string | undefined;

  for (const row of rows) {
    count++;
    if (head && row.seq === head.seq) hashAtHeadSeq = row.hash;
    if (prev && row.seq === prev.seq) {
      findings.push({ kind: 'duplicate', seqs: [row.seq], message: `Two entries claim position #${row.seq}.` });
      continue;
    }
    let gap = false;
    if (row.seq > expected) {
      gap = true;
      findings.push({
        kind: 'removed',
        seqs: range(expected, row.seq - 1),
        message:
          `Entr${row.seq - 1 === expected ? 'y' : 'ies'} ${span(expected, row.seq - 1)} ${row.seq - 1 === expected ? 'was' : 'were'} removed: ` +
          `the chain jumps from ${prev ? `#${prev.seq}` : 'its start'} to #${row.seq}.`,
      });
    }
    const selfOk = entryHash(row.prevHash, fieldsOf(row)) === row.hash;
    const expectedPrev = prev ? prev.hash : GENESIS;
    if (!selfOk) failing.push(row);
    else if (row.prevHash !== expectedPrev && !gap) linkBreaks.push({ row, prevSeq: prev?.seq ?? null });
    prev = row;
    expected = row.seq + 1;
  }

  // Reordering: an entry whose content hashes correctly at another position was moved, not edited.
  const moved = new Map<number, number>(); // current seq → seq it was written as
  if (failing.length > 0 && failing.length <= MAX_REORDER_SEARCH) {
    const positions = new Map<number, ChainRow>(failing.map((r) => [r.seq, r]));
    for (const r of failing) {
      const candidates = new Set<number>([...positions.keys(), r.seq - 1, r.seq + 1]);
      candidates.delete(r.seq);
      for (const s of candidates) {
        if (s < 1) continue;
        // The whole row (its links included) was renumbered.
        if (entryHash(r.prevHash, { ...fieldsOf(r), seq: s }) === r.hash) {
          moved.set(r.seq, s);
          break;
        }
        // Only the content moved: it hashes with the links stored at the other position.
        const q = positions.get(s);
        if (q && entryHash(q.prevHash, { ...fieldsOf(r), seq: q.seq }) === q.hash) {
          moved.set(r.seq, s);
          break;
        }
      }
    }
  }
  const movedHashes = new Set(failing.filter((r) => moved.has(r.seq)).map((r) => r.hash));

  const reported = new Set<number>();
  let renumberedTo: number | null = null; // last written seq of a run renumbered down to fill a gap
  const sortedFailing = [...failing].sort((a, b) => a.seq - b.seq);
  for (let i = 0; i < sortedFailing.length; i++) {
    const r = sortedFailing[i];
    const from = moved.get(r.seq);
    if (from === undefined) {
      findings.push({ kind: 'edited', seqs: [r.seq], message: `Entry ${describe(r)} was edited: its content no longer matches its hash.` });
      continue;
    }
    if (reported.has(r.seq)) continue;
    if (moved.get(from) === r.seq) {
      reported.add(r.seq).add(from);
      const [a, b] = [Math.min(r.seq, from), Math.max(r.seq, from)];
      findings.push({ kind: 'reordered', seqs: [a, b], message: `Entries #${a} and #${b} were swapped: each was written at the other's position.` });
      continue;
    }
    // A run of entries each written one position later: one was deleted and the rest renumbered
    // down to hide the gap.
    let j = i;
    while (j + 1 < sortedFailing.length && sortedFailing[j + 1].seq === sortedFailing[j].seq + 1 && moved.get(sortedFailing[j + 1].seq) === sortedFailing[j + 1].seq + 1) j++;
    if (from === r.seq + 1 && (j > i || r.seq === prev?.seq)) {
      const endSeq = sortedFailing[j].seq;
      for (let k = i; k <= j; k++) reported.add(sortedFailing[k].seq);
      findings.push({
        kind: 'removed',
        seqs: [r.seq],
        message: `Entry #${r.seq} was removed and the entries after it renumbered down to hide the gap (now ${span(r.seq, endSeq)}, written as ${span(r.seq + 1, endSeq + 1)}).`,
      });
      if (endSeq === prev?.seq) renumberedTo = endSeq + 1;
      i = j;
      continue;
    }
    reported.add(r.seq);
    findings.push({ kind: 'reordered', seqs: [r.seq], message: `Entry now at #${r.seq} was written as #${from}: the chain was reordered.` });
  }
  // Links to an entry that was moved: already explained by the reordering above.
  const unexplained = linkBreaks.filter(({ row, prevSeq }) => !(movedHashes.has(row.prevHash) || moved.has(row.seq) || (prevSeq !== null && moved.has(prevSeq))));
  // hash → seq of only the entries some break links to, to tell "links to a moved entry" from
  // "links to nothing": a second walk, so the first keeps no map of every hash.
  const hashToSeq = new Map<string, number>();
  if (unexplained.length) {
    const wanted = new Set(unexplained.map((b) => b.row.prevHash));
    for (const r of reread ? reread() : Array.isArray(rows) ? rows : []) if (wanted.has(r.hash)) hashToSeq.set(r.hash, r.seq);
  }
  for (const { row, prevSeq } of unexplained) {
    const target = hashToSeq.get(row.prevHash);
    findings.push({
      kind: 'edited',
      seqs: prevSeq === null ? [row.seq] : [prevSeq],
      message:
        prevSeq === null
          ? `Entry #${row.seq} should start the chain but links to another entry.`
          : target !== undefined
            ? `Entry #${row.seq} links to #${target}, not to #${prevSeq}: the chain was reordered around #${prevSeq}.`
            : `Entry #${prevSeq} was changed and re-hashed: entry #${row.seq} was written after a different #${prevSeq}.`,
    });
  }

  const last: ChainHead | null = prev ? { seq: prev.seq, hash: prev.hash } : null;

  // The head kept outside the database catches what the chain cannot show by itself.
  if (!head) {
    if (count > 0)
      warnings.push({
        kind: 'no_head',
        message: `No head is kept outside the database for this chain, so a cut or rewritten end cannot be ruled out.`,
      });
  } else if (!last) {
    findings.push({
      kind: 'chain_missing',
      seqs: range(1, head.seq),
      message: `All ${head.seq} entries are missing: the head kept outside the database is #${head.seq}, the database has none.`,
    });
  } else if (last.seq < head.seq && !(renumberedTo !== null && renumberedTo === head.seq)) {
    findings.push({
      kind: 'truncated',
      seqs: range(last.seq + 1, head.seq),
      message: `${head.seq - last.seq === 1 ? 'Entry' : 'Entries'} ${span(last.seq + 1, head.seq)} ${head.seq - last.seq === 1 ? 'is' : 'are'} missing at the end: the database stops at #${last.seq}, the head kept outside it is #${head.seq}.`,
    });
  } else if (last.seq < head.seq || hashAtHeadSeq === undefined) {
    // A renumbered tail (named above), or the entry at the head's position is gone (a gap, named above).
  } else if (hashAtHeadSeq !== head.hash) {
    const alreadyNamed = findings.some((f) => f.seqs.includes(head.seq));
    if (!alreadyNamed)
      findings.push({
        kind: 'rewritten',
        seqs: [head.seq],
        message:
          `The chain was rewritten: entry #${head.seq} has hash ${hashAtHeadSeq.slice(0, 12)}…, but the head kept outside the database ` +
          `says ${head.hash.slice(0, 12)}…. The entries hash consistently, so they were recomputed after a change at or before #${head.seq}.`,
      });
  } else if (last.seq > head.seq) {
    warnings.push({
      kind: 'head_lagging',
      message:
        `The head kept outside the database is at #${head.seq}, the database at #${last.seq}: entries ${span(head.seq + 1, last.seq)} ` +
        `were written after the head was last saved (a crash between commit and head write?). Not tampering by itself; entries up to #${head.seq} are confirmed.`,
    });
  }

  findings.sort((a, b) => (a.seqs[0] ?? 0) - (b.seqs[0] ?? 0));
  const status = findings.length ? 'tampered' : warnings.length ? 'warning' : 'intact';
  const summary =
    status === 'tampered'
      ? `tampered: ${findings.length} problem${findings.length === 1 ? '' : 's'} — ${findings[0].message}`
      : status === 'warning'
        ? `intact, ${count} entries (with a warning: ${warnings[0].message})`
        : `intact, ${count} entries`;
  return { chain, status, entries: count, last, head: head ?? null, findings, warnings, summary };
}

export function combine(reports: ChainReport[]): VerifyReport {
  const entries = reports.reduce((n, r) => n + r.entries, 0);
  const tampered = reports.filter((r) => r.status === 'tampered');
  const warned = reports.filter((r) => r.status === 'warning');
  const status = tampered.length ? 'tampered' : warned.length ? 'warning' : 'intact';
  const summary =
    status === 'tampered'
      ? `tampered: ${tampered.length} of ${reports.length} chain${reports.length === 1 ? '' : 's'} show changes`
      : `intact, ${entries} entries in ${reports.length} chain${reports.length === 1 ? '' : 's'}${warned.length ? ` (${warned.length} with a warning)` : ''}`;
  return { status, entries, chains: reports, summary };
}

/**
 * A head an auditor kept away from the server: typed from a note (`--expect`), read from an export
 * file (`--against`) or from a signed receipt (`--receipt`, the audit screen). `source` says which,
 * so a finding names the evidence it rests on.
 */
export type KeptHead = { chain: string; seq: number; hash: string; source: string };

/**
 * Compares a chain with heads kept outside the server (ARCHITECTURE.md: audit trail, anchoring).
 * The head file sits on the same disk as the database, so whoever can rewrite the chain can rewrite
 * it too; a kept head cannot be reached that way. A kept head holds when the entry at its position
 * still has its hash and the chain verifies by itself: every entry up to it is then the one that was
 * written. `hashAt` is the stored hash at each kept position (read while walking the chain).
 */
export function checkKeptHeads(report: ChainReport, hashAt: ReadonlyMap<number, string>, kept: readonly KeptHead[]): ChainReport {
  const mine = kept.filter((k) => k.chain === report.chain);
  if (mine.length === 0) return report;
  const findings = [...report.findings];
  for (const k of mine) {
    const stored = hashAt.get(k.seq);
    const last = report.last?.seq ?? 0;
    if (stored === k.hash) continue;
    if (stored === undefined && last < k.seq) {
      findings.push({
        kind: report.entries === 0 ? 'chain_missing' : 'truncated',
        seqs: range(last + 1, k.seq),
        message: `The chain stops at #${last}, but ${k.source} says it reached #${k.seq} (hash ${k.hash.slice(0, 12)}…): entries were removed at the end.`,
      });
    } else if (stored === undefined) {
      findings.push({ kind: 'removed', seqs: [k.seq], message: `Entry #${k.seq}, which ${k.source} names, is not in the database.` });
    } else {
      findings.push({
        kind: 'rewritten',
        seqs: [k.seq],
        message:
          `The chain was rewritten: entry #${k.seq} has hash ${stored.slice(0, 12)}…, but ${k.source} says ${k.hash.slice(0, 12)}…. ` +
          `Entries at or before #${k.seq} were changed and the chain recomputed.`,
      });
    }
  }
  findings.sort((a, b) => (a.seqs[0] ?? 0) - (b.seqs[0] ?? 0));
  const status = findings.length ? 'tampered' : report.status;
  const summary =
    status === 'tampered'
      ? `tampered: ${findings.length} problem${findings.length === 1 ? '' : 's'} — ${findings[0].message}`
      : `${report.summary}; ${mine.length} kept head${mine.length === 1 ? '' : 's'} confirmed`;
  return { ...report, status, findings, summary };
}

/** Passes rows through unchanged while noting the hash stored at each of `seqs`. */
export function* notingHashes<R extends { seq: number; hash: string }>(rows: Iterable<R>, seqs: ReadonlySet<number>, into: Map<number, string>): Generator<R> {
  for (const r of rows) {
    if (seqs.has(r.seq) && !into.has(r.seq)) into.set(r.seq, r.hash);
    yield r;
  }
}

/** `<seq>:<hash>` or `<chain>:<seq>:<hash>` as typed after `--expect`; null when it is neither. */
export function parseExpect(s: string): { chain?: string; seq: number; hash: string } | null {
  const m = /^(?:([^:\s]+):)?(\d+):([0-9a-f]{64})$/i.exec(s.trim());
  if (!m) return null;
  const seq = Number(m[2]);
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  return { ...(m[1] ? { chain: m[1] } : {}), seq, hash: m[3].toLowerCase() };
}

/**
 * The chain head an export file was taken at: the JSON export's `production.id` and `chainHead`,
 * or a CSV's leading `# SetSafe export … production_id=… chain_head seq=… hash=…` line (`?head=line`).
 */
export function headOfExport(text: string): { chain: string; seq: number; hash: string } | null {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const j = JSON.parse(trimmed) as { production?: { id?: unknown }; chainHead?: { seq?: unknown; hash?: unknown } | null };
      const chain = j.production?.id;
      const seq = j.chainHead?.seq;
      const hash = j.chainHead?.hash;
      if (typeof chain === 'string' && typeof seq === 'number' && typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash)) return { chain, seq, hash };
    } catch {
      return null;
    }
    return null;
  }
  const first = trimmed.split(/\r?\n/, 1)[0];
  const m = /^# SetSafe export .* production_id=(\S+) .*chain_head seq=(\d+) hash=([0-9a-f]{64})\s*$/.exec(first);
  return m ? { chain: m[1], seq: Number(m[2]), hash: m[3] } : null;
}
