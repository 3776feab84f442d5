CREATE TABLE `ammo_lots` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`kind` text NOT NULL,
	`calibre` text NOT NULL,
	`count_on_hand` integer NOT NULL,
	`supplier` text NOT NULL,
	`lot_number` text NOT NULL,
	`received_on` text NOT NULL,
	`inspected_by_id` text NOT NULL,
	`inspected_at` integer NOT NULL,
	`inspection_notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspected_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ammo_lots_production` ON `ammo_lots` (`production_id`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`incident_id` text NOT NULL,
	`stored_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`uploaded_by_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attachments_stored_name_unique` ON `attachments` (`stored_name`);--> statement-breakpoint
CREATE INDEX `attachments_incident` ON `attachments` (`incident_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chain` text NOT NULL,
	`seq` integer NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`actor_label` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_chain_seq` ON `audit_log` (`chain`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_chain_at` ON `audit_log` (`chain`,`at`);--> statement-breakpoint
CREATE TABLE `check_witnesses` (
	`check_id` text NOT NULL,
	`user_id` text NOT NULL,
	`confirmed_at` integer,
	PRIMARY KEY(`check_id`, `user_id`),
	FOREIGN KEY (`check_id`) REFERENCES `firearm_checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `check_witnesses_user` ON `check_witnesses` (`user_id`,`confirmed_at`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` text PRIMARY KEY NOT NULL,
	`incident_id` text NOT NULL,
	`author_id` text,
	`kind` text DEFAULT 'comment' NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comments_incident` ON `comments` (`incident_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `corrective_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`incident_id` text NOT NULL,
	`what` text NOT NULL,
	`owner_id` text NOT NULL,
	`due_date` text NOT NULL,
	`created_by_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`done_at` integer,
	`done_by_id` text,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`done_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `corrective_actions_production_due` ON `corrective_actions` (`production_id`,`done_at`,`due_date`);--> statement-breakpoint
CREATE INDEX `corrective_actions_incident` ON `corrective_actions` (`incident_id`);--> statement-breakpoint
CREATE TABLE `firearm_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`firearm_id` text NOT NULL,
	`phase` text NOT NULL,
	`scene` text NOT NULL,
	`checklist` text NOT NULL,
	`result` text NOT NULL,
	`findings` text DEFAULT '' NOT NULL,
	`performed_by_id` text NOT NULL,
	`performed_at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`firearm_id`) REFERENCES `firearms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`performed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `firearm_checks_firearm_at` ON `firearm_checks` (`firearm_id`,`performed_at`);--> statement-breakpoint
CREATE INDEX `firearm_checks_production_at` ON `firearm_checks` (`production_id`,`performed_at`);--> statement-breakpoint
CREATE TABLE `firearms` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`tag` text NOT NULL,
	`make` text NOT NULL,
	`model` text NOT NULL,
	`serial` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'locked_up' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `firearms_production_tag` ON `firearms` (`production_id`,`tag`);--> statement-breakpoint
CREATE TABLE `handoffs` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`firearm_id` text NOT NULL,
	`check_id` text NOT NULL,
	`from_id` text NOT NULL,
	`to_id` text NOT NULL,
	`scene` text NOT NULL,
	`ammo_lot_id` text,
	`rounds_out` integer DEFAULT 0 NOT NULL,
	`handed_at` integer NOT NULL,
	`returned_at` integer,
	`received_by_id` text,
	`rounds_back` integer,
	`return_check_id` text,
	`discrepancy_incident_id` text,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`firearm_id`) REFERENCES `firearms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`check_id`) REFERENCES `firearm_checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ammo_lot_id`) REFERENCES `ammo_lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`return_check_id`) REFERENCES `firearm_checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`discrepancy_incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handoffs_firearm_at` ON `handoffs` (`firearm_id`,`handed_at`);--> statement-breakpoint
CREATE INDEX `handoffs_production_at` ON `handoffs` (`production_id`,`handed_at`);--> statement-breakpoint
CREATE INDEX `handoffs_production_returned` ON `handoffs` (`production_id`,`returned_at`);--> statement-breakpoint
CREATE TABLE `hold_incidents` (
	`hold_id` text NOT NULL,
	`incident_id` text NOT NULL,
	PRIMARY KEY(`hold_id`, `incident_id`),
	FOREIGN KEY (`hold_id`) REFERENCES `holds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `holds` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`source` text NOT NULL,
	`called_by_id` text,
	`called_at` integer NOT NULL,
	`reason` text NOT NULL,
	`incident_id` text,
	`concurred_by_id` text,
	`concurred_at` integer,
	`concurrence_note` text,
	`lifted_by_id` text,
	`lifted_at` integer,
	`resolution` text,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`called_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`concurred_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lifted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `holds_production_lifted` ON `holds` (`production_id`,`lifted_at`);--> statement-breakpoint
CREATE TABLE `incident_firearms` (
	`incident_id` text NOT NULL,
	`firearm_id` text NOT NULL,
	PRIMARY KEY(`incident_id`, `firearm_id`),
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`firearm_id`) REFERENCES `firearms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incident_firearms_firearm` ON `incident_firearms` (`firearm_id`);--> statement-breakpoint
CREATE TABLE `incident_injuries` (
	`incident_id` text PRIMARY KEY NOT NULL,
	`employee_name` text,
	`employee_address` text,
	`employee_birth_date` text,
	`employee_hired_date` text,
	`employee_sex` text,
	`physician_name` text,
	`facility_name_address` text,
	`emergency_room` integer,
	`hospitalized_inpatient` integer,
	`case_number` text,
	`time_began_work` text,
	`activity_before` text,
	`how_occurred` text,
	`injury_description` text,
	`harming_object` text,
	`died` integer DEFAULT false NOT NULL,
	`death_date` text,
	`amputation` integer DEFAULT false NOT NULL,
	`loss_of_eye` integer DEFAULT false NOT NULL,
	`osha_reported_at` integer,
	`form301_completed_at` integer,
	`completed_by` text,
	`completed_title` text,
	`completed_phone` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`number` integer NOT NULL,
	`reporter_id` text,
	`anonymous` integer DEFAULT false NOT NULL,
	`receipt_hash` text,
	`type` text NOT NULL,
	`severity` text DEFAULT 'unrated' NOT NULL,
	`status` text DEFAULT 'reported' NOT NULL,
	`occurred_at` integer,
	`reported_at` integer NOT NULL,
	`location` text NOT NULL,
	`scene` text DEFAULT '' NOT NULL,
	`description` text NOT NULL,
	`immediate_actions` text DEFAULT '' NOT NULL,
	`people_involved` text DEFAULT '' NOT NULL,
	`owner_id` text,
	`duplicate_of_id` text,
	`resolution` text,
	`closed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incidents_receipt_hash_unique` ON `incidents` (`receipt_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `incidents_production_number` ON `incidents` (`production_id`,`number`);--> statement-breakpoint
CREATE INDEX `incidents_production_occurred` ON `incidents` (`production_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `incidents_production_status_severity` ON `incidents` (`production_id`,`status`,`severity`);--> statement-breakpoint
CREATE INDEX `incidents_production_type` ON `incidents` (`production_id`,`type`);--> statement-breakpoint
CREATE INDEX `incidents_reporter` ON `incidents` (`reporter_id`);--> statement-breakpoint
CREATE INDEX `incidents_production_reported` ON `incidents` (`production_id`,`reported_at`);--> statement-breakpoint
CREATE TABLE `invite_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`production_id` text,
	`token_hash` text NOT NULL,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invite_tokens_token_hash_unique` ON `invite_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `meeting_attendees` (
	`meeting_id` text NOT NULL,
	`user_id` text NOT NULL,
	`confirmed_at` integer,
	PRIMARY KEY(`meeting_id`, `user_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `safety_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_attendees_user` ON `meeting_attendees` (`user_id`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`positions` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_production_user` ON `memberships` (`production_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `memberships_user` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`production_id` text,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`link` text,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_read` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `productions` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`company` text NOT NULL,
	`locations` text DEFAULT '' NOT NULL,
	`start_date` text,
	`end_date` text,
	`time_zone` text NOT NULL,
	`phase` text DEFAULT 'prep' NOT NULL,
	`report_token` text NOT NULL,
	`report_token_rotated_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `productions_report_token_unique` ON `productions` (`report_token`);--> statement-breakpoint
CREATE TABLE `reference_locks` (
	`case_id` text PRIMARY KEY NOT NULL,
	`locked_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reference_records` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`seq` integer NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reference_records_case_kind` ON `reference_records` (`case_id`,`kind`,`seq`);--> statement-breakpoint
CREATE TABLE `refused_handoffs` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`firearm_id` text NOT NULL,
	`attempted_by_id` text NOT NULL,
	`to_id` text,
	`scene` text NOT NULL,
	`reasons` text NOT NULL,
	`incident_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`firearm_id`) REFERENCES `firearms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attempted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `refused_handoffs_production_at` ON `refused_handoffs` (`production_id`,`at`);--> statement-breakpoint
CREATE TABLE `rule_flags` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`rule` text NOT NULL,
	`window_start` integer NOT NULL,
	`window_end` integer NOT NULL,
	`incident_ids` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rule_flags_production` ON `rule_flags` (`production_id`,`rule`);--> statement-breakpoint
CREATE TABLE `safety_meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`production_id` text NOT NULL,
	`date` text NOT NULL,
	`scene` text NOT NULL,
	`firearms_on_set` integer NOT NULL,
	`blanks_in_use` integer NOT NULL,
	`topics` text DEFAULT '' NOT NULL,
	`held_by_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`production_id`) REFERENCES `productions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`held_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `safety_meetings_production_date` ON `safety_meetings` (`production_id`,`date`);--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_key_at` ON `sign_in_failures` (`key`,`at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text,
	`is_admin` integer DEFAULT false NOT NULL,
	`session_version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);