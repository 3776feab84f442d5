-- The audit log is append-only (DESIGN: audit trail).
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END;
--> statement-breakpoint
-- Stop-work holds are never overwritten: a lifted hold cannot change again.
CREATE TRIGGER holds_no_update_after_lift BEFORE UPDATE ON holds
WHEN OLD.lifted_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a lifted hold cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER holds_no_delete BEFORE DELETE ON holds
BEGIN SELECT RAISE(ABORT, 'holds are never deleted'); END;
--> statement-breakpoint
-- Reference cases are read-only once seeded and locked.
CREATE TRIGGER reference_records_no_insert_when_locked BEFORE INSERT ON reference_records
WHEN EXISTS (SELECT 1 FROM reference_locks WHERE case_id = NEW.case_id)
BEGIN SELECT RAISE(ABORT, 'reference data is read-only'); END;
--> statement-breakpoint
CREATE TRIGGER reference_records_no_update BEFORE UPDATE ON reference_records
BEGIN SELECT RAISE(ABORT, 'reference data is read-only'); END;
--> statement-breakpoint
CREATE TRIGGER reference_records_no_delete BEFORE DELETE ON reference_records
BEGIN SELECT RAISE(ABORT, 'reference data is read-only'); END;
--> statement-breakpoint
CREATE TRIGGER reference_locks_no_update BEFORE UPDATE ON reference_locks
BEGIN SELECT RAISE(ABORT, 'reference data is read-only'); END;
--> statement-breakpoint
CREATE TRIGGER reference_locks_no_delete BEFORE DELETE ON reference_locks
BEGIN SELECT RAISE(ABORT, 'reference data is read-only'); END;
