CREATE TABLE `case_events` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`case_id` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `case_events_case` ON `case_events` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `case_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `case_types` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`type_code` text NOT NULL,
	`state` text NOT NULL,
	`received_on` text NOT NULL,
	`due_on` text,
	`closed_on` text,
	`owner_id` text,
	`office_id` text
);
--> statement-breakpoint
CREATE INDEX `cases_state_due` ON `cases` (`state`,`due_on`);--> statement-breakpoint
CREATE INDEX `cases_owner` ON `cases` (`owner_id`,`state`);--> statement-breakpoint
CREATE INDEX `cases_office` ON `cases` (`office_id`,`state`);--> statement-breakpoint
CREATE INDEX `cases_type_received` ON `cases` (`type_code`,`received_on`);--> statement-breakpoint
CREATE TABLE `config_audit` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `signature_items` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`state` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `signature_items_state` ON `signature_items` (`state`);--> statement-breakpoint
CREATE TABLE `agenda_events` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`series_id` text,
	`room_id` text,
	`start_at` text NOT NULL,
	`end_at` text NOT NULL,
	`until_at` text
);
--> statement-breakpoint
CREATE INDEX `agenda_events_window` ON `agenda_events` (`start_at`,`end_at`);--> statement-breakpoint
CREATE INDEX `agenda_events_room` ON `agenda_events` (`room_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `agenda_events_series` ON `agenda_events` (`series_id`);--> statement-breakpoint
CREATE TABLE `agenda_people` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ceremony_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`state` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `invitations_state` ON `invitations` (`state`);--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
