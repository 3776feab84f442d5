import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { referenceLocks, referenceRecords, referenceVersions } from '@/db/schema';
import { versionFilter } from '@/db/seed/reference';
import type { RustAssumption, RustCase, RustCaseInfo, RustCorrection, RustEvent, RustFailurePoint, RustPerson, RustSource } from '@/app/lib/rust/types';

export type ReferenceVersion = { version: number; publishedAt: Date; corrections: RustCorrection[] };

export type StoredReferenceCase = RustCase & {
  lockedAt: Date;
  /** The version shown, and every version this database holds (newest first). */
  version: ReferenceVersion;
  versions: ReferenceVersion[];
  newest: ReferenceVersion;
};

/**
 * A reference case, read back from its sealed records: the newest version unless another one is
 * asked for. Unlike every other query this takes no actor: reference cases are public and belong
 * to no production (ARCHITECTURE.md: reference data), so there is nothing to scope. Null when the case, or
 * the version asked for, is not in this database.
 */
export function getReferenceCase(caseId: string, version?: number): StoredReferenceCase | null {
  const db = getDb();
  const lock = db.select().from(referenceLocks).where(eq(referenceLocks.caseId, caseId)).get();
  if (!lock) return null;
  const versions: ReferenceVersion[] = db
    .select()
    .from(referenceVersions)
    .where(eq(referenceVersions.caseId, caseId))
    .orderBy(desc(referenceVersions.version))
    .all()
    .map((v) => ({ version: v.version, publishedAt: v.publishedAt, corrections: (v.corrections ?? []) as RustCorrection[] }));
  const newest = versions[0];
  const shown = version === undefined ? newest : versions.find((v) => v.version === version);
  if (!newest || !shown) return null;
  const rows = db
    .select()
    .from(referenceRecords)
    .where(versionFilter(caseId, shown.version))
    .orderBy(asc(referenceRecords.kind), asc(referenceRecords.seq))
    .all();
  const of = <T,>(kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.data as unknown as T);
  const info = of<RustCaseInfo>('case')[0];
  if (!info) return null;
  return {
    info,
    sources: of<RustSource>('source'),
    people: of<RustPerson>('person'),
    events: of<RustEvent>('event'),
    failurePoints: of<RustFailurePoint>('failure_point'),
    assumptions: of<RustAssumption>('assumption'),
    lockedAt: lock.lockedAt,
    version: shown,
    versions,
    newest,
  };
}
