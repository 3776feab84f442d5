import { createHash } from 'node:crypto';
import { auditLog } from '@/db/schema';
import type { Tx } from '@/db/client';
import { queueChainHead } from '@/db/chain-heads';
import { chainHeadIn } from '@/db/audit-chains';
import { dayOnly } from './time';
import type { AuditAction } from './audit-actions';

export const GENESIS = '0'.repeat(64);
export const SITE_CHAIN = 'site';

export type AuditInput = {
  /** Production id, or SITE_CHAIN for site-level changes (users, productions). */
  chain: string;
  actorId: string | null;
  actorLabel: string;
  entity: string;
  entityId: string;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
  at: Date;
  /** Anonymous filings keep the day only, in the production's time zone. */
  anonymousIn?: { timeZone: string };
};

/** Stable JSON: object keys sorted, so the same entry always hashes the same. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, val) => {
    if (val instanceof Date) return val.getTime();
    if (val && typeof val === 'object' && !Array.isArray(val)) {
      return Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return val;
  });
}

export type HashedFields = {
  chain: string; seq: number; at: number; actorId: string | null; actorLabel: string;
  entity: string; entityId: string; action: string; before: string | null; after: string | null;
};

export function entryHash(prevHash: string, f: HashedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(f)).digest('hex');
}

const SECRET_KEYS = new Set(['passwordHash', 'tokenHash', 'receiptHash']);
function serialise(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return JSON.stringify(v, (k, val) => (SECRET_KEYS.has(k) ? (val == null ? val : '[redacted]') : val instanceof Date ? val.toISOString() : val));
}

/**
 * Appends one entry to its chain inside the caller's (immediate) transaction: reads the chain's
 * last hash, links to it, inserts. The head file is written after the transaction commits.
 */
export function appendAudit(tx: Tx, e: AuditInput): { seq: number; hash: string } {
  const last = chainHeadIn(tx, e.chain);
  const prevHash = last?.hash ?? GENESIS;
  const seq = (last?.seq ?? 0) + 1;
  const at = e.anonymousIn ? dayOnly(e.at, e.anonymousIn.timeZone) : e.at;
  const fields: HashedFields = {
    chain: e.chain,
    seq,
    at: at.getTime(),
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    before: serialise(e.before),
    after: serialise(e.after),
  };
  const hash = entryHash(prevHash, fields);
  tx.insert(auditLog).values({ ...fields, at, prevHash, hash }).run();
  queueChainHead(e.chain, seq, hash);
  return { seq, hash };
}
