CREATE TABLE `drop_box` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`incident_id` text NOT NULL,
	`kind` text NOT NULL,
	`day` integer NOT NULL,
	`receipt_hash` text,
	`payload` text NOT NULL,
	`data` blob,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drop_box_receipt_hash_unique` ON `drop_box` (`receipt_hash`);--> statement-breakpoint
CREATE INDEX `drop_box_incident` ON `drop_box` (`incident_id`);--> statement-breakpoint
CREATE INDEX `drop_box_production_day` ON `drop_box` (`production_id`,`day`);