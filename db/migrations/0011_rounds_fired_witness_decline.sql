ALTER TABLE `check_witnesses` ADD `declined_at` integer;--> statement-breakpoint
ALTER TABLE `handoffs` ADD `rounds_fired` integer;