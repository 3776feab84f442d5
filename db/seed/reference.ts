import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from '../schema';
import { RUST_CASE, RUST_CASE_ID, RUST_CASE_VERSION, RUST_CORRECTIONS } from './rust-case';
import type { RustCase, RustCorrection } from '../../app/lib/rust/types';

type Kind = 'case' | 'source' | 'person' | 'event' | 'failure_point' | 'assumption';

/**
 * The rows of one version of a reference case: deterministic ids, so a second run could never add
 * twins. Version 1 keeps the ids it was first seeded with ('rust:event:discharge'); later versions
 * carry their number ('rust@2:event:discharge').
 */
export function referenceRows(caseId: string, c: RustCase, version = 1): schema.ReferenceRecord[] {
  const prefix = version === 1 ? caseId : `${caseId}@${version}`;
  const row = (kind: Kind, key: string, seq: number, data: object): schema.ReferenceRecord => ({
    id: `${prefix}:${kind}:${key}`,
    caseId,
    version,
    kind,
    seq,
    data: data as Record<string, unknown>,
  });
  return [
    row('case', caseId, 0, c.info),
    ...c.sources.map((s, i) => row('source', s.key, i + 1, s)),
    ...c.people.map((p, i) => row('person', p.key, i + 1, p)),
    ...c.events.map((e) => row('event', e.key, e.seq, e)),
    ...c.failurePoints.map((f, i) => row('failure_point', f.key, i + 1, f)),
    ...(c.assumptions ?? []).map((a, i) => row('assumption', a.key, i + 1, a)),
  ];
}

/** sha256 of a case as it is seeded: any change to the seed changes it. */
export function caseContentHash(c: RustCase, corrections: RustCorrection[]): string {
  return createHash('sha256').update(JSON.stringify({ case: c, corrections })).digest('hex');
}

type SeedTx = Parameters<Parameters<BetterSQLite3Database<typeof schema>['transaction']>[0]>[0];

export type SeedOutcome = { caseId: string; added: number | null; newest: number };

/**
 * Adds the seed's version of each reference case when the database does not hold it yet (ARCHITECTURE.md:
 * reference data). Runs on every start, after the migrations. A version's
 * records go in first and its row in reference_versions last, which seals it: from then on the
 * triggers of migrations 0001 and 0006 refuse any INSERT into it and every UPDATE and DELETE. So a
 * corrected seed reaches an existing database as a new version beside the old ones, never as an
 * edit, and a database already holding this version (or a newer one) is left as it is.
 */
export function seedReferenceCasesIn(tx: SeedTx, now: Date = new Date()): SeedOutcome {
  return seedCaseVersion(tx, RUST_CASE_ID, RUST_CASE, RUST_CASE_VERSION, RUST_CORRECTIONS, now);
}

export function seedCaseVersion(tx: SeedTx, caseId: string, c: RustCase, version: number, corrections: RustCorrection[], now: Date): SeedOutcome {
  const stored = tx.select().from(schema.referenceVersions).where(eq(schema.referenceVersions.caseId, caseId)).all();
  const newest = Math.max(0, ...stored.map((v) => v.version));
  if (newest >= version) return { caseId, added: null, newest };
  for (const r of referenceRows(caseId, c, version)) tx.insert(schema.referenceRecords).values(r).run();
  tx.insert(schema.referenceVersions)
    .values({ caseId, version, contentHash: caseContentHash(c, corrections), publishedAt: now, corrections })
    .run();
  const locked = tx.select().from(schema.referenceLocks).where(eq(schema.referenceLocks.caseId, caseId)).get();
  if (!locked) tx.insert(schema.referenceLocks).values({ caseId, lockedAt: now }).run();
  return { caseId, added: version, newest: version };
}

/** The same, in its own immediate transaction (tests and scripts with their own database). */
export function seedReferenceCases(db: BetterSQLite3Database<typeof schema>, now: Date = new Date()): SeedOutcome {
  return db.transaction((tx) => seedReferenceCasesIn(tx, now), { behavior: 'immediate' });
}

/** Rows of one stored version, for the reader. */
export function versionFilter(caseId: string, version: number) {
  return and(eq(schema.referenceRecords.caseId, caseId), eq(schema.referenceRecords.version, version));
}
