-- Reference data is versioned (docs/ARCHITECTURE.md, reference data): rows go only into a version
-- newer than every sealed one, and no row of any version is ever changed or deleted. A version is
-- sealed once its row in reference_versions exists; the seed writes that row last, in the same
-- transaction as the version's records.
DROP TRIGGER IF EXISTS reference_records_no_insert_when_locked;
--> statement-breakpoint
CREATE TRIGGER reference_records_no_insert_when_sealed BEFORE INSERT ON reference_records
WHEN NEW.version <= (SELECT coalesce(max(version), 0) FROM reference_versions WHERE case_id = NEW.case_id)
BEGIN SELECT RAISE(ABORT, 'reference data is read-only'); END;
--> statement-breakpoint
CREATE TRIGGER reference_versions_no_update BEFORE UPDATE ON reference_versions
BEGIN SELECT RAISE(ABORT, 'reference data is read-only'); END;
--> statement-breakpoint
CREATE TRIGGER reference_versions_no_delete BEFORE DELETE ON reference_versions
BEGIN SELECT RAISE(ABORT, 'reference data is read-only'); END;
--> statement-breakpoint
-- A case seeded before versions existed is its version 1, published when it was locked; its
-- content hash is unknown, so the next start adds the current seed as a new version.
INSERT INTO reference_versions (case_id, version, content_hash, published_at, corrections)
SELECT case_id, 1, NULL, locked_at, '[]' FROM reference_locks
WHERE NOT EXISTS (SELECT 1 FROM reference_versions v WHERE v.case_id = reference_locks.case_id);
