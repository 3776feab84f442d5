CREATE TABLE `qualification_certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`qualification_id` text NOT NULL,
	`stored_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`uploaded_by_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`qualification_id`) REFERENCES `qualifications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `qualification_certificates_stored_name_unique` ON `qualification_certificates` (`stored_name`);--> statement-breakpoint
CREATE INDEX `qualification_certificates_qualification` ON `qualification_certificates` (`qualification_id`);