DROP INDEX `handoffs_firearm_at`;--> statement-breakpoint
CREATE INDEX `handoffs_firearm_at` ON `handoffs` (`firearm_id`,`handed_at`,`returned_at`);--> statement-breakpoint
CREATE INDEX `check_witnesses_check_confirmed` ON `check_witnesses` (`check_id`,`confirmed_at`);--> statement-breakpoint
CREATE INDEX `firearm_checks_id_cover` ON `firearm_checks` (`id`,`production_id`,`performed_at`,`firearm_id`,`result`,`phase`);--> statement-breakpoint
-- drizzle-kit quotes an expression column as identifiers; this one is written by hand (issue 11).
CREATE INDEX `incidents_production_when` ON `incidents` (`production_id`,coalesce(occurred_at, reported_at),`type`,`occurred_at`,`reported_at`,`duplicate_of_id`) WHERE duplicate_of_id is null;