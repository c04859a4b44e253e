CREATE TABLE `emergency_counters` (
	`device_code` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `emergency_counters_pk` ON `emergency_counters` (`device_code`,`year`);--> statement-breakpoint
CREATE TABLE `emergency_entries` (
	`entry_id` text PRIMARY KEY NOT NULL,
	`emergency_number` text NOT NULL,
	`year` integer NOT NULL,
	`device_code` text NOT NULL,
	`seq` integer NOT NULL,
	`session_id` text NOT NULL,
	`legal_date` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `emergency_entries_number` ON `emergency_entries` (`emergency_number`);--> statement-breakpoint
CREATE INDEX `emergency_entries_session` ON `emergency_entries` (`session_id`);--> statement-breakpoint
CREATE TABLE `emergency_preauthorisations` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`valid_until` text NOT NULL,
	`act` text NOT NULL,
	`authorised_by` text NOT NULL,
	`authorised_by_name` text NOT NULL,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `emergency_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`device_code` text NOT NULL,
	`cause` text NOT NULL,
	`started_at` text NOT NULL,
	`ended_at` text,
	`authoriser` text NOT NULL,
	`daily_counts` text DEFAULT '{}' NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`opened_by` text NOT NULL,
	`opened_by_name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `emergency_sessions_device` ON `emergency_sessions` (`device_id`,`started_at`);