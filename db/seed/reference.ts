import { eq } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from '../schema';
import { RUST_CASE, RUST_CASE_ID } from './rust-case';
import type { RustCase } from '../../app/lib/rust/types';

type Kind = 'case' | 'source' | 'person' | 'event' | 'failure_point';

/** The rows of one reference case: deterministic ids, so a second run could never add twins. */
export function referenceRows(caseId: string, c: RustCase): schema.ReferenceRecord[] {
  const row = (kind: Kind, key: string, seq: number, data: object): schema.ReferenceRecord => ({
    id: `${caseId}:${kind}:${key}`,
    caseId,
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
  ];
}

/**
 * Seeds read-only reference cases on every start, the same path as the migrations (ARCHITECTURE.md:
 * reference data). A case not yet locked gets all its records and its lock row in one immediate
 * transaction; from then on the triggers of migration 0001 refuse every INSERT, UPDATE and DELETE,
 * so running this again changes nothing. A correction would be a new case id, never an edit.
 */
export function seedReferenceCases(db: BetterSQLite3Database<typeof schema>, now: Date = new Date()): void {
  db.transaction(
    (tx) => {
      const locked = tx.select().from(schema.referenceLocks).where(eq(schema.referenceLocks.caseId, RUST_CASE_ID)).get();
      if (locked) return;
      for (const r of referenceRows(RUST_CASE_ID, RUST_CASE)) tx.insert(schema.referenceRecords).values(r).run();
      tx.insert(schema.referenceLocks).values({ caseId: RUST_CASE_ID, lockedAt: now }).run();
    },
    { behavior: 'immediate' },
  );
}
