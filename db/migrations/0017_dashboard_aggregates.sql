CREATE TABLE `dashboard_pending_checks` (
	`production_id` text NOT NULL,
	`performed_at` integer NOT NULL,
	`check_id` text NOT NULL,
	PRIMARY KEY(`production_id`, `performed_at`, `check_id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dashboard_pending_checks_check` ON `dashboard_pending_checks` (`check_id`);--> statement-breakpoint
CREATE TABLE `dashboard_tallies` (
	`production_id` text NOT NULL,
	`figure` text NOT NULL,
	`key` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`production_id`, `figure`, `key`)
);
--> statement-breakpoint
CREATE TABLE `data_versions` (
	`area` text PRIMARY KEY NOT NULL,
	`v` integer NOT NULL
);
