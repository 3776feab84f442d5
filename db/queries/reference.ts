import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { referenceLocks, referenceRecords } from '@/db/schema';
import type { RustCase, RustCaseInfo, RustEvent, RustFailurePoint, RustPerson, RustSource } from '@/app/lib/rust/types';

/**
 * A reference case, read back from its locked records. Unlike every other query this takes no
 * actor: reference cases are public and belong to no production (ARCHITECTURE.md: reference data), so
 * there is nothing to scope. Null when the case is not seeded and locked.
 */
export function getReferenceCase(caseId: string): (RustCase & { lockedAt: Date }) | null {
  const db = getDb();
  const lock = db.select().from(referenceLocks).where(eq(referenceLocks.caseId, caseId)).get();
  if (!lock) return null;
  const rows = db.select().from(referenceRecords).where(eq(referenceRecords.caseId, caseId)).orderBy(asc(referenceRecords.kind), asc(referenceRecords.seq)).all();
  const of = <T,>(kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.data as unknown as T);
  const info = of<RustCaseInfo>('case')[0];
  if (!info) return null;
  return {
    info,
    sources: of<RustSource>('source'),
    people: of<RustPerson>('person'),
    events: of<RustEvent>('event'),
    failurePoints: of<RustFailurePoint>('failure_point'),
    lockedAt: lock.lockedAt,
  };
}
