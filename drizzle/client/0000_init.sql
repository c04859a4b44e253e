CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`norm_name` text NOT NULL,
	`first_name` text,
	`last_name` text,
	`fiscal_code` text,
	`ipa_code` text,
	`pec` text,
	`email` text,
	`phone` text,
	`address` text,
	`postal_code` text,
	`city` text,
	`province` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contacts_norm_name` ON `contacts` (`norm_name`);--> statement-breakpoint
CREATE INDEX `contacts_fiscal_code` ON `contacts` (`fiscal_code`);--> statement-breakpoint
CREATE INDEX `contacts_ipa_code` ON `contacts` (`ipa_code`);--> statement-breakpoint
CREATE INDEX `contacts_pec` ON `contacts` (`pec`);--> statement-breakpoint
CREATE INDEX `contacts_email` ON `contacts` (`email`);--> statement-breakpoint
CREATE TABLE `local_blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`uploaded` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `offices` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `organisation` (
	`key` text PRIMARY KEY NOT NULL,
	`administration_name` text NOT NULL,
	`ipa_code` text NOT NULL,
	`aoo_code` text NOT NULL,
	`aoo_name` text NOT NULL,
	`register_code` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mutation_id` text NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`args` text NOT NULL,
	`base_versions` text DEFAULT '{}' NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_mutation_id` ON `outbox` (`mutation_id`);--> statement-breakpoint
CREATE INDEX `outbox_status` ON `outbox` (`status`,`seq`);--> statement-breakpoint
CREATE TABLE `protocol_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`sort_key` integer NOT NULL,
	`aoo_code` text NOT NULL,
	`register_code` text NOT NULL,
	`year` integer NOT NULL,
	`number` integer,
	`registered_at` text NOT NULL,
	`direction` text NOT NULL,
	`oggetto` text NOT NULL,
	`correspondents` text DEFAULT '[]' NOT NULL,
	`means` text,
	`received_doc_date` text,
	`received_doc_number` text,
	`classification_code` text,
	`assignments` text DEFAULT '[]' NOT NULL,
	`documents` text DEFAULT '[]' NOT NULL,
	`paper_attachments` text DEFAULT '{"count":0,"description":""}' NOT NULL,
	`riservato` integer DEFAULT false NOT NULL,
	`notes` text,
	`status` text NOT NULL,
	`annulment` text,
	`registered_by` text NOT NULL,
	`registered_by_name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `protocol_entries_sort_key` ON `protocol_entries` (`sort_key`);--> statement-breakpoint
CREATE INDEX `protocol_entries_registered_at` ON `protocol_entries` (`registered_at`);--> statement-breakpoint
CREATE INDEX `protocol_entries_classification` ON `protocol_entries` (`classification_code`,`sort_key`);--> statement-breakpoint
CREATE TABLE `protocol_history` (
	`id` text PRIMARY KEY NOT NULL,
	`entry_id` text NOT NULL,
	`at` text NOT NULL,
	`by` text NOT NULL,
	`by_name` text NOT NULL,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text
);
--> statement-breakpoint
CREATE INDEX `protocol_history_entry` ON `protocol_history` (`entry_id`,`at`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`cursor` integer DEFAULT 0 NOT NULL,
	`acked_seq` integer DEFAULT 0 NOT NULL,
	`last_sync_at` text,
	`last_error` text
);
--> statement-breakpoint
CREATE TABLE `titolario` (
	`code` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`parent_code` text,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`full_name` text NOT NULL,
	`roles` text DEFAULT '[]' NOT NULL,
	`office_id` text,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
