DROP INDEX `handoffs_production_at`;--> statement-breakpoint
ALTER TABLE `handoffs` ADD `check_valid` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `handoffs_check` ON `handoffs` (`check_id`);--> statement-breakpoint
CREATE INDEX `handoffs_production_at` ON `handoffs` (`production_id`,`handed_at`,`check_valid`);