CREATE TABLE `deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text,
	`notification_id` text,
	`user_id` text,
	`channel` text NOT NULL,
	`to_address` text,
	`receipt_incident_id` text,
	`kind` text NOT NULL,
	`critical` integer DEFAULT false NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`link` text,
	`dedupe_key` text,
	`day_only` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`due_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receipt_incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_dedupe_key_unique` ON `deliveries` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `deliveries_due` ON `deliveries` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `deliveries_link` ON `deliveries` (`production_id`,`link`);--> statement-breakpoint
CREATE INDEX `deliveries_notification` ON `deliveries` (`notification_id`);--> statement-breakpoint
CREATE TABLE `escalation_settings` (
	`production_id` text PRIMARY KEY NOT NULL,
	`resend_after_minutes` integer NOT NULL,
	`contacts_after_minutes` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` text NOT NULL,
	`production_id` text NOT NULL,
	`channels` text DEFAULT '{}' NOT NULL,
	`quiet_from` text,
	`quiet_to` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `production_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `push_subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`receipt_incident_id` text,
	`endpoint` text NOT NULL,
	`p256dh` text NOT NULL,
	`auth` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receipt_incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `push_subscriptions_user_endpoint` ON `push_subscriptions` (`user_id`,`endpoint`);--> statement-breakpoint
CREATE UNIQUE INDEX `push_subscriptions_receipt_endpoint` ON `push_subscriptions` (`receipt_incident_id`,`endpoint`);--> statement-breakpoint
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