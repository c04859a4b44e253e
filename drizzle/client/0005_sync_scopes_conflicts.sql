CREATE TABLE `conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`table_name` text NOT NULL,
	`row_key` text NOT NULL,
	`field` text NOT NULL,
	`kept_value` text,
	`losing_value` text,
	`kept_by` text,
	`losing_by` text NOT NULL,
	`kept_mutation_id` text,
	`losing_mutation_id` text NOT NULL,
	`at` text NOT NULL,
	`resolved_by` text,
	`resolved_at` text,
	`resolution` text,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `conflicts_open` ON `conflicts` (`resolved_at`,`at`);--> statement-breakpoint
CREATE TABLE `downloaded_blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`last_used_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `downloaded_blobs_lru` ON `downloaded_blobs` (`last_used_at`);--> statement-breakpoint
CREATE TABLE `scope_resync_seen` (
	`table_name` text NOT NULL,
	`row_key` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scope_resync_seen_pk` ON `scope_resync_seen` (`table_name`,`row_key`);--> statement-breakpoint
CREATE TABLE `sync_scope` (
	`id` integer PRIMARY KEY NOT NULL,
	`scope_key` text,
	`resyncing` integer DEFAULT false NOT NULL
);
