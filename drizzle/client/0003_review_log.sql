CREATE TABLE `review_log` (
	`mutation_id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`args` text NOT NULL,
	`base_versions` text DEFAULT '{}' NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`error` text,
	`decision` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_by_name` text NOT NULL,
	`decided_at` text NOT NULL,
	`note` text,
	`new_mutation_id` text
);
--> statement-breakpoint
CREATE INDEX `review_log_decided_at` ON `review_log` (`decided_at`);