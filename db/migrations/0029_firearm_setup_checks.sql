CREATE TABLE `firearm_setup_checks` (
	`firearm_id` text NOT NULL,
	`scene` text NOT NULL,
	`check_id` text NOT NULL,
	`performed_at` integer NOT NULL,
	`result` text NOT NULL,
	PRIMARY KEY(`firearm_id`, `scene`)
);
