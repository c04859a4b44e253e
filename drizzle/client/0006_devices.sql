CREATE TABLE `device_identity` (
	`id` integer PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`device_code` text NOT NULL,
	`device_secret` text NOT NULL,
	`enrolled_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `offline_credentials` (
	`username` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`user` text NOT NULL,
	`verifier` text NOT NULL,
	`cached_at` text NOT NULL,
	`refresh_token` text,
	`refresh_expires_at` text
);
--> statement-breakpoint
CREATE TABLE `offline_login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `offline_login_failures_username_at` ON `offline_login_failures` (`username`,`at`);