CREATE TABLE `qualifications` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`issuer` text NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`issued_on` text NOT NULL,
	`expires_on` text NOT NULL,
	`recorded_by_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `qualifications_production_user` ON `qualifications` (`production_id`,`user_id`,`expires_on`);--> statement-breakpoint
CREATE TABLE `scene_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`scene` text NOT NULL,
	`action` text NOT NULL,
	`weapons` text NOT NULL,
	`line_of_fire` text NOT NULL,
	`protection` text NOT NULL,
	`replica_considered` text NOT NULL,
	`risk_assessment` text NOT NULL,
	`created_by_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`armorer_signed_by_id` text,
	`armorer_signed_at` integer,
	`advisor_signed_by_id` text,
	`advisor_signed_at` integer,
	`approved_by_id` text,
	`approved_at` integer,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`armorer_signed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`advisor_signed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scene_plans_production_scene` ON `scene_plans` (`production_id`,`scene`,`created_at`);