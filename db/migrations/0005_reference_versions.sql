CREATE TABLE `reference_versions` (
	`case_id` text NOT NULL,
	`version` integer NOT NULL,
	`content_hash` text,
	`published_at` integer NOT NULL,
	`corrections` text DEFAULT '[]' NOT NULL,
	PRIMARY KEY(`case_id`, `version`)
);
--> statement-breakpoint
ALTER TABLE `reference_records` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `reference_records_case_version` ON `reference_records` (`case_id`,`version`,`kind`,`seq`);