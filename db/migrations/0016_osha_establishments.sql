CREATE TABLE `establishment_years` (
	`establishment_id` text NOT NULL,
	`year` integer NOT NULL,
	`annual_average_employees` integer,
	`total_hours_worked` integer,
	`certifier_name` text DEFAULT '' NOT NULL,
	`certifier_title` text DEFAULT '' NOT NULL,
	`certifier_phone` text DEFAULT '' NOT NULL,
	`certified_on` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`establishment_id`, `year`),
	FOREIGN KEY (`establishment_id`) REFERENCES `establishments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `establishments` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`name` text NOT NULL,
	`company_name` text DEFAULT '' NOT NULL,
	`ein` text DEFAULT '' NOT NULL,
	`street` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`state` text DEFAULT '' NOT NULL,
	`zip` text DEFAULT '' NOT NULL,
	`naics_code` text DEFAULT '512110' NOT NULL,
	`industry_description` text DEFAULT 'Motion Picture and Video Production' NOT NULL,
	`establishment_type` text DEFAULT 'private' NOT NULL,
	`peak_employees` integer,
	`written_request` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `establishments_production` ON `establishments` (`production_id`);--> statement-breakpoint
ALTER TABLE `injured_people` ADD `establishment_id` text REFERENCES establishments(id);--> statement-breakpoint
ALTER TABLE `injured_people` ADD `job_title` text;--> statement-breakpoint
CREATE INDEX `injured_people_establishment` ON `injured_people` (`establishment_id`);