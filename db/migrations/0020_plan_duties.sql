CREATE TABLE `duty_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`user_id` text NOT NULL,
	`positions` text NOT NULL,
	`reason` text NOT NULL,
	`decided_by_id` text NOT NULL,
	`decided_at` integer NOT NULL,
	`revoked_by_id` text,
	`revoked_at` integer,
	`revoke_reason` text,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `duty_decisions_production_user` ON `duty_decisions` (`production_id`,`user_id`);--> statement-breakpoint
ALTER TABLE `scene_plans` ADD `duties` text DEFAULT '[]' NOT NULL;