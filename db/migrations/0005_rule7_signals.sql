CREATE TABLE `escalation_settings` (
	`production_id` text PRIMARY KEY NOT NULL,
	`resend_after_minutes` integer NOT NULL,
	`contacts_after_minutes` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reminders_sent` (
	`production_id` text NOT NULL,
	`key` text NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`production_id`, `key`),
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `safety_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`email` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `safety_contacts_production` ON `safety_contacts` (`production_id`);--> statement-breakpoint
CREATE TABLE `signals` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`incident_id` text,
	`hold_id` text,
	`title` text NOT NULL,
	`link` text NOT NULL,
	`anonymous` integer DEFAULT false NOT NULL,
	`raised_at` integer NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by_id` text,
	`resent_at` integer,
	`contacts_at` integer,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hold_id`) REFERENCES `holds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signals_kind_subject` ON `signals` (`kind`,`subject_id`);--> statement-breakpoint
CREATE INDEX `signals_incident` ON `signals` (`incident_id`);--> statement-breakpoint
CREATE INDEX `signals_hold` ON `signals` (`hold_id`);--> statement-breakpoint
CREATE INDEX `signals_open` ON `signals` (`production_id`,`raised_at`) WHERE acknowledged_at is null and contacts_at is null;--> statement-breakpoint
ALTER TABLE `notifications` ADD `signal_id` text;