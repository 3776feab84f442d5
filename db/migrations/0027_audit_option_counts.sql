CREATE TABLE `audit_option_counts` (
	`chain` text NOT NULL,
	`entity` text NOT NULL,
	`action` text NOT NULL,
	`actor_key` text NOT NULL,
	`label` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`chain`, `entity`, `action`, `actor_key`)
);
