import fs from 'node:fs';
import path from 'node:path';
import { chainHeadsPath } from './paths';

// The newest hash of each audit chain, kept outside the database (ARCHITECTURE.md: audit trail) so a
// truncated or rewritten chain is detectable. Written only after the transaction commits.

export type ChainHead = { seq: number; hash: string };
export type ChainHeads = Record<string, ChainHead>;

let pending: ChainHeads = {};

export function queueChainHead(chain: string, seq: number, hash: string): void {
  pending[chain] = { seq, hash };
}

export function discardPendingHeads(): void {
  pending = {};
}

export function readChainHeads(file = chainHeadsPath()): ChainHeads {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ChainHeads;
  } catch {
    return {};
  }
}

/** Merges the committed heads into the file; a head never moves backwards. Atomic rename. */
export function flushChainHeads(file = chainHeadsPath()): void {
  if (Object.keys(pending).length === 0) return;
  const heads = readChainHeads(file);
  for (const [chain, head] of Object.entries(pending)) {
    if (!heads[chain] || heads[chain].seq < head.seq) heads[chain] = head;
  }
  pending = {};
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(heads, null, 2));
  fs.renameSync(tmp, file);
}
