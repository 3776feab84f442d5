CREATE TABLE `ammo_evidence_transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`lot_id` text NOT NULL,
	`from_store` integer NOT NULL,
	`from_name` text NOT NULL,
	`from_agency` text DEFAULT '' NOT NULL,
	`to_name` text NOT NULL,
	`to_agency` text NOT NULL,
	`to_badge` text NOT NULL,
	`rounds` integer NOT NULL,
	`live_rounds` integer NOT NULL,
	`seal_number` text NOT NULL,
	`transferred_at` integer NOT NULL,
	`recorded_by_id` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `ammo_lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ammo_evidence_transfers_lot` ON `ammo_evidence_transfers` (`lot_id`,`transferred_at`);--> statement-breakpoint
CREATE TABLE `ammo_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`lot_id` text NOT NULL,
	`kind` text NOT NULL,
	`delta` integer NOT NULL,
	`rounds` integer NOT NULL,
	`handoff_id` text,
	`reason` text DEFAULT '' NOT NULL,
	`by_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `ammo_lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handoff_id`) REFERENCES `handoffs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ammo_movements_lot_at` ON `ammo_movements` (`lot_id`,`at`);--> statement-breakpoint
CREATE INDEX `ammo_movements_production_at` ON `ammo_movements` (`production_id`,`at`);--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `paperwork_ref` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `count_received` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `verification_methods` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `verified_count` integer;--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `status` text DEFAULT 'in_store' NOT NULL;--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `frozen_at` integer;--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `frozen_by_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `frozen_incident_id` text REFERENCES incidents(id);--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `live_rounds_found` integer;--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `counted_at_freeze` integer;--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `vendor_returned_at` integer;--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `vendor_returned_by_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `vendor_return_count` integer;--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `vendor_receiver` text;--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `vendor_reference` text;--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `vendor_ack_by_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `ammo_lots` ADD `vendor_ack_at` integer;